package io.cairn.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryBlobStoreTest extends BlobStoreContract {
  @TempDir Path root;

  @Override
  BlobStore newStore() {
    return LocalDirectoryBlobStore.open(root);
  }

  @Override
  List<String> storedObjects() throws Exception {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).toList();
    }
  }

  @Test
  void blobsAreShardedByTheirHashUnderTheirNamespace() throws Exception {
    store.put(bytes("hello"), NO_LIMIT);
    store.put("proofs", bytes("hello"), NO_LIMIT);

    assertEquals(
        List.of("_/2c/f2/" + HELLO_SHA256, "proofs/2c/f2/" + HELLO_SHA256),
        storedObjects().stream().sorted().toList());
  }

  @Test
  void staleTemporaryFilesAreRemovedOnOpenFreshOnesAreKept() throws Exception {
    Path temp = root.resolve(LocalDirectoryBlobStore.TEMP_DIRECTORY);
    Path stale = Files.writeString(temp.resolve("upload-stale.part"), "crashed");
    Path fresh = Files.writeString(temp.resolve("upload-fresh.part"), "in progress");
    Instant now = Instant.parse("2026-11-22T12:00:00Z");
    Files.setLastModifiedTime(stale, FileTime.from(now.minusSeconds(25 * 3600)));
    Files.setLastModifiedTime(fresh, FileTime.from(now.minusSeconds(60)));

    LocalDirectoryBlobStore.open(root, Clock.fixed(now, ZoneOffset.UTC)).close();

    assertFalse(Files.exists(stale));
    assertTrue(Files.exists(fresh));
  }

  @Test
  void rootThatIsAFileIsAStoreFailure() throws Exception {
    Path file = Files.writeString(root.resolve("not-a-directory"), "x");

    BlobStoreException failure =
        assertThrows(BlobStoreException.class, () -> LocalDirectoryBlobStore.open(file));
    assertTrue(failure.getMessage().contains("not-a-directory"), failure.getMessage());
  }
}
