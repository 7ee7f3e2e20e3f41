package io.cairn.server;

import static org.junit.jupiter.api.Assertions.*;

import io.cairn.config.CairnConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfiguredSettingsTest {
  @Test
  void keysAreGeneratedOnceAndLimitsComeFromTheConfiguration(@TempDir Path dir) throws Exception {
    var env =
        Map.of(
            CairnConfigLoader.environmentVariable("data.dir"),
            dir.toString(),
            CairnConfigLoader.environmentVariable("limits.max-upload-bytes"),
            "1MiB");
    var config = CairnConfigLoader.load(Optional.empty(), env);
    ServerSettings first = ConfiguredSettings.from(config, true);
    ServerSettings second = ConfiguredSettings.from(config, true);
    assertEquals(first.jwtSecret(), second.jwtSecret());
    assertArrayEquals(first.serverKeySeed(), second.serverKeySeed());
    assertEquals(32, first.serverKeySeed().length);
    assertTrue(first.jwtSecret().length() >= 32);
    assertEquals(1L << 20, first.maxUploadBytes());
    assertEquals(config.daemons().feederSegmentFile(), first.segmentFile());
    assertTrue(Files.exists(config.server().signingKeyFile()));
  }
}
