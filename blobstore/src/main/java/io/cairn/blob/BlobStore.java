package io.cairn.blob;

import java.io.InputStream;
import java.util.Optional;

/**
 * Where Cairn keeps bytes too large for a database row: programs, proofs, traces, large inputs.
 *
 * <p>Every blob is addressed by the SHA-256 of its content ({@link BlobKey}), optionally inside a
 * namespace such as {@code proofs}. The store computes the hash itself while it reads the data, so
 * a caller can never file bytes under a key that does not match them, and storing the same content
 * twice is harmless. There is deliberately no "put under this name" operation: anything that needs
 * a mutable name keeps the name in PostgreSQL and points it at a content key.
 *
 * <p>Guarantees every implementation gives (checked by the contract test suite {@code
 * BlobStoreContract} in this module's tests):
 *
 * <ul>
 *   <li>Atomic: a blob is either absent or complete. A failed, interrupted or oversized {@link
 *       #put} leaves nothing visible under any key, not even a partial object.
 *   <li>Bounded: {@code put} stops reading as soon as the data exceeds {@code maxBytes} and never
 *       stores anything larger. Memory use does not grow with the size of the blob.
 *   <li>Idempotent: putting identical content again returns the same {@link BlobRef}, also when
 *       several threads or processes do it at once. {@link #delete} of a missing blob is not an
 *       error.
 *   <li>Thread-safe: one instance is shared by all threads of a process.
 * </ul>
 *
 * <p>Hazard: content keys are shared. Two uploads of identical bytes get the same key, so deleting
 * a blob deletes it for every row that refers to it, and a {@link #delete} racing with a {@link
 * #put} of the same content may leave the put's caller with a key whose blob is gone. Housekeeping
 * must therefore delete only blobs that no row references and whose {@link BlobInfo#lastModified}
 * is older than a grace period longer than any upload.
 *
 * <p>To add a blob store:
 *
 * <ol>
 *   <li>Implement {@link #put(String, InputStream, long)}: read {@code data} through {@code
 *       ContentSpool} (this package), which hashes, enforces the limit and spools to a local temp
 *       file; then publish the spooled file under the final key with one atomic operation of your
 *       backend (a rename, a single PUT) and delete the spool file.
 *   <li>Implement {@link #open}, {@link #stat} and {@link #delete}, mapping your backend's "no such
 *       object" to {@link BlobNotFoundException} (in {@code open}) or an empty result (in {@code
 *       stat}), and every other I/O failure to {@link BlobStoreException}.
 *   <li>Release connections in {@link #close}.
 *   <li>Add a subclass of {@code BlobStoreContract} in the tests that creates your store against a
 *       real backend and lists everything the backend holds; all its tests must pass.
 *   <li>Give it a section in the configuration ({@code blob.store=...}) and a branch in {@link
 *       BlobStoreFactory}.
 * </ol>
 */
public interface BlobStore extends AutoCloseable {

  /**
   * Reads {@code data} to its end and stores it under the key {@code namespace/sha256(data)}.
   *
   * <p>The caller keeps ownership of {@code data}; it is read but not closed.
   *
   * @param namespace a short lower-case label grouping blobs of one kind ({@code programs}, {@code
   *     proofs}), or {@code ""} for none; see {@link BlobKey}
   * @param data the content; read once, to its end, unless it turns out too large
   * @param maxBytes the largest accepted size in bytes (inclusive); at least 0
   * @return the key and size of the stored blob
   * @throws BlobTooLargeException if {@code data} has more than {@code maxBytes} bytes; nothing is
   *     stored
   * @throws BlobSourceException if reading {@code data} fails; nothing is stored
   * @throws InvalidBlobKeyException if {@code namespace} is not a valid namespace
   * @throws BlobStoreException if the store itself fails
   */
  BlobRef put(String namespace, InputStream data, long maxBytes);

  /** Same as {@link #put(String, InputStream, long)} without a namespace. */
  default BlobRef put(InputStream data, long maxBytes) {
    return put(BlobKey.NO_NAMESPACE, data, maxBytes);
  }

  /**
   * Opens the blob for reading. The caller must close the stream.
   *
   * @throws BlobNotFoundException if there is no blob with this key
   * @throws BlobStoreException if the store fails
   */
  InputStream open(BlobKey key);

  /**
   * Size and modification time of the blob, or empty if there is none.
   *
   * @throws BlobStoreException if the store fails
   */
  Optional<BlobInfo> stat(BlobKey key);

  /** Whether a blob with this key exists. */
  default boolean exists(BlobKey key) {
    return stat(key).isPresent();
  }

  /**
   * Removes the blob if it exists. Deleting a missing blob does nothing.
   *
   * @throws BlobStoreException if the store fails
   */
  void delete(BlobKey key);

  /** Releases connections and other resources. The store must not be used afterwards. */
  @Override
  void close();
}
