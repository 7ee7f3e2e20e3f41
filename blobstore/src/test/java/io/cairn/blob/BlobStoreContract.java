package io.cairn.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link BlobStore} must have. A subclass creates one store per test against a
 * real backend and lists everything that backend holds, so the tests can prove that nothing was
 * left behind.
 */
abstract class BlobStoreContract {
  static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  static final String HELLO_SHA256 =
      "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
  static final long NO_LIMIT = Long.MAX_VALUE;

  BlobStore store;

  /** A new, empty store. */
  abstract BlobStore newStore() throws Exception;

  /** Every object the backend holds (files, temporary files, bucket keys), in any order. */
  abstract List<String> storedObjects() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void emptyBlobRoundTrips() throws Exception {
    BlobRef ref = store.put(new ByteArrayInputStream(new byte[0]), NO_LIMIT);

    assertEquals(BlobKey.ofSha256(EMPTY_SHA256), ref.key());
    assertEquals(0, ref.sizeBytes());
    assertArrayEquals(new byte[0], readAll(ref.key()));
    assertEquals(0, store.stat(ref.key()).orElseThrow().sizeBytes());
  }

  @Test
  void smallBlobIsStoredUnderItsSha256() throws Exception {
    BlobRef ref = store.put(bytes("hello"), NO_LIMIT);

    assertEquals(HELLO_SHA256, ref.key().sha256Hex());
    assertEquals(5, ref.sizeBytes());
    assertEquals("hello", new String(readAll(ref.key()), StandardCharsets.UTF_8));
    assertTrue(store.exists(ref.key()));
  }

  @Test
  void multiMebibyteBlobRoundTripsByteForByte() throws Exception {
    byte[] content = randomBytes(5 * 1024 * 1024 + 17, 1);

    BlobRef ref = store.put(new ByteArrayInputStream(content), NO_LIMIT);

    assertEquals(sha256Hex(content), ref.key().sha256Hex());
    assertEquals(content.length, ref.sizeBytes());
    assertArrayEquals(content, readAll(ref.key()));
    BlobInfo info = store.stat(ref.key()).orElseThrow();
    assertEquals(ref.key(), info.key());
    assertEquals(content.length, info.sizeBytes());
  }

  @Test
  void puttingTheSameContentAgainIsIdempotent() throws Exception {
    BlobRef first = store.put(bytes("same bytes"), NO_LIMIT);
    BlobRef second = store.put(bytes("same bytes"), NO_LIMIT);

    assertEquals(first, second);
    assertEquals(1, storedObjects().size(), storedObjects().toString());
  }

  @Test
  void namespacesSeparateBlobsWithTheSameContent() throws Exception {
    BlobRef plain = store.put(bytes("hello"), NO_LIMIT);
    BlobRef proof = store.put("proofs", bytes("hello"), NO_LIMIT);

    assertEquals(BlobKey.parse("proofs/" + HELLO_SHA256), proof.key());
    assertNotEquals(plain.key(), proof.key());
    store.delete(plain.key());
    assertFalse(store.exists(plain.key()));
    assertEquals("hello", new String(readAll(proof.key()), StandardCharsets.UTF_8));
  }

  @Test
  void missingBlobIsReportedAsNotFound() {
    BlobKey missing = BlobKey.ofSha256(HELLO_SHA256);

    BlobNotFoundException failure =
        assertThrows(BlobNotFoundException.class, () -> store.open(missing));
    assertEquals(missing, failure.key());
    assertTrue(store.stat(missing).isEmpty());
    assertFalse(store.exists(missing));
  }

  @Test
  void deleteRemovesTheBlobAndIsIdempotent() throws Exception {
    BlobRef ref = store.put(bytes("to be deleted"), NO_LIMIT);

    store.delete(ref.key());

    assertFalse(store.exists(ref.key()));
    assertThrows(BlobNotFoundException.class, () -> store.open(ref.key()));
    store.delete(ref.key());
    assertEquals(List.of(), storedObjects());
  }

  @Test
  void deletedBlobCanBeStoredAgain() throws Exception {
    BlobRef first = store.put(bytes("comes back"), NO_LIMIT);
    store.delete(first.key());

    BlobRef second = store.put(bytes("comes back"), NO_LIMIT);

    assertEquals(first, second);
    assertEquals("comes back", new String(readAll(second.key()), StandardCharsets.UTF_8));
  }

  @Test
  void blobOfExactlyTheLimitIsAccepted() throws Exception {
    byte[] content = randomBytes(1024, 2);

    BlobRef ref = store.put(new ByteArrayInputStream(content), 1024);

    assertEquals(1024, ref.sizeBytes());
    assertArrayEquals(content, readAll(ref.key()));
  }

  @Test
  void blobOverTheLimitIsRejectedAndLeavesNothing() throws Exception {
    BlobTooLargeException failure =
        assertThrows(
            BlobTooLargeException.class,
            () -> store.put(new ByteArrayInputStream(randomBytes(1025, 3)), 1024));

    assertEquals(1024, failure.maxBytes());
    assertEquals(List.of(), storedObjects());
    assertFalse(store.exists(BlobKey.ofSha256(sha256Hex(randomBytes(1025, 3)))));
  }

  @Test
  void limitIsEnforcedWhileStreamingNotAfterReadingEverything() throws Exception {
    CountingEndlessStream endless = new CountingEndlessStream();

    assertThrows(BlobTooLargeException.class, () -> store.put(endless, 1024 * 1024));

    assertTrue(endless.bytesRead <= 1024 * 1024 + 1, "read " + endless.bytesRead + " bytes");
    assertEquals(List.of(), storedObjects());
  }

  @Test
  void sourceFailingMidwayLeavesNothingVisible() throws Exception {
    InputStream failing = new FailingStream(new ByteArrayInputStream(randomBytes(300_000, 4)));

    BlobSourceException failure =
        assertThrows(BlobSourceException.class, () -> store.put("proofs", failing, NO_LIMIT));

    assertEquals(FailingStream.FAIL_AFTER, failure.bytesRead());
    assertTrue(failure.getCause() instanceof IOException);
    assertEquals(List.of(), storedObjects());
  }

  @Test
  void invalidNamespaceIsRejectedBeforeAnythingIsRead() throws Exception {
    for (String namespace : List.of("..", "../etc", "proofs/x", "Proofs", "-x", " ")) {
      CountingEndlessStream data = new CountingEndlessStream();
      assertThrows(InvalidBlobKeyException.class, () -> store.put(namespace, data, NO_LIMIT));
      assertEquals(0, data.bytesRead, namespace);
    }
    assertEquals(List.of(), storedObjects());
  }

  @Test
  void negativeLimitIsAProgrammingError() {
    assertThrows(IllegalArgumentException.class, () -> store.put(bytes("x"), -1));
  }

  @Test
  void concurrentPutsOfTheSameContentAllSucceedWithOneObject() throws Exception {
    byte[] content = randomBytes(1024 * 1024, 5);
    int writers = 6;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<BlobRef>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        Callable<BlobRef> put =
            () -> {
              start.await();
              return store.put("programs", new ByteArrayInputStream(content), NO_LIMIT);
            };
        results.add(pool.submit(put));
      }
      start.countDown();
      BlobRef expected = new BlobRef(new BlobKey("programs", sha256Hex(content)), content.length);
      for (Future<BlobRef> result : results) {
        assertEquals(expected, result.get(30, TimeUnit.SECONDS));
      }
      assertArrayEquals(content, readAll(expected.key()));
      assertEquals(1, storedObjects().size(), storedObjects().toString());
    } finally {
      pool.shutdownNow();
    }
  }

  byte[] readAll(BlobKey key) throws IOException {
    try (InputStream in = store.open(key)) {
      return in.readAllBytes();
    }
  }

  static InputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  static String sha256Hex(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  /** An input stream that never ends and counts what was taken from it. */
  static final class CountingEndlessStream extends InputStream {
    long bytesRead;

    @Override
    public int read() {
      bytesRead++;
      return 7;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      bytesRead += length;
      return length;
    }
  }

  /** Passes data through, then fails like a dropped connection. */
  static final class FailingStream extends InputStream {
    static final int FAIL_AFTER = 200_000;
    private final InputStream delegate;
    private long delivered;

    FailingStream(InputStream delegate) {
      this.delegate = delegate;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (delivered >= FAIL_AFTER) {
        throw new IOException("connection reset by peer (simulated)");
      }
      int read = delegate.read(buffer, offset, (int) Math.min(length, FAIL_AFTER - delivered));
      if (read > 0) {
        delivered += read;
      }
      return read;
    }
  }
}
