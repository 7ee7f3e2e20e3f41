package io.cairn.orgcli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.orgcli.model.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionFileTest {
  @TempDir Path tmp;

  private static Session session(String refresh) {
    return new Session(
        "http://h:1", "u", 1, 2, "a", "2030-01-01T00:00:00Z", refresh, "id", "2030-02-01T00:00Z");
  }

  @Test
  void savedOwnerOnlyAndReplacedAtomically() throws Exception {
    SessionFile f = new SessionFile(tmp.resolve("deep/er/org.json"));
    f.save(session("r1"));
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f.path())));
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(f.path().getParent())));
    f.save(session("r2"));
    assertEquals("r2", f.load().orElseThrow().refreshToken());
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f.path())));
    assertFalse(Files.exists(f.path().resolveSibling("org.json.tmp")));
    f.clear();
    assertTrue(f.load().isEmpty());
  }

  @Test
  void aCorruptFileIsBadLocalInput() throws Exception {
    Path p = tmp.resolve("org.json");
    Files.writeString(p, "{not json");
    assertThrows(BadLocalInput.class, () -> new SessionFile(p).load());
  }

  @Test
  void defaultPathFollowsTheEnvironment() {
    assertEquals(
        Path.of("/x/o.json"), SessionFile.defaultPath(Map.of("CAIRN_ORG_CONFIG", "/x/o.json")));
    assertEquals(
        Path.of("/cfg/cairn/org.json"), SessionFile.defaultPath(Map.of("XDG_CONFIG_HOME", "/cfg")));
  }

  @Test
  void expiryIsReadFromTheStoredTime() {
    Session s = session("r");
    assertFalse(s.accessTokenExpiresBefore(Instant.parse("2029-12-31T23:00:00Z"), 30));
    assertTrue(s.accessTokenExpiresBefore(Instant.parse("2029-12-31T23:59:45Z"), 30));
  }
}
