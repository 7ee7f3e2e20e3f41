package io.cairn.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentSpoolTest {
  @TempDir Path dir;

  @Test
  void limitOfZeroAcceptsOnlyTheEmptyBlob() throws Exception {
    try (ContentSpool empty =
        ContentSpool.write(new ByteArrayInputStream(new byte[0]), dir, 0, false)) {
      assertEquals(0, empty.sizeBytes());
      assertEquals(BlobStoreContract.EMPTY_SHA256, empty.sha256Hex());
    }
    assertThrows(
        BlobTooLargeException.class,
        () -> ContentSpool.write(new ByteArrayInputStream(new byte[1]), dir, 0, false));
    assertEquals(0, filesIn(dir));
  }

  @Test
  void largestPossibleLimitDoesNotOverflow() throws Exception {
    byte[] content = BlobStoreContract.randomBytes(200_000, 9);
    try (ContentSpool spool =
        ContentSpool.write(new ByteArrayInputStream(content), dir, Long.MAX_VALUE, true)) {
      assertEquals(content.length, spool.sizeBytes());
      assertEquals(BlobStoreContract.sha256Hex(content), spool.sha256Hex());
      assertTrue(Files.exists(spool.file()));
    }
    assertEquals(0, filesIn(dir), "close() deletes the temporary file");
  }

  @Test
  void failingSourceRemovesTheTemporaryFile() throws Exception {
    var failing =
        new BlobStoreContract.FailingStream(
            new ByteArrayInputStream(BlobStoreContract.randomBytes(300_000, 10)));

    assertThrows(
        BlobSourceException.class, () -> ContentSpool.write(failing, dir, Long.MAX_VALUE, false));

    assertEquals(0, filesIn(dir));
  }

  @Test
  void missingDirectoryIsAStoreFailure() {
    Path missing = dir.resolve("missing");
    BlobStoreException failure =
        assertThrows(
            BlobStoreException.class,
            () -> ContentSpool.write(new ByteArrayInputStream(new byte[1]), missing, 10, false));
    assertFalse(failure instanceof BlobSourceException);
    assertTrue(failure.getMessage().contains(missing.toString()), failure.getMessage());
  }

  private static long filesIn(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    }
  }
}
