package io.cairn.config;

/**
 * Where blobs (programs, proofs, traces) are kept ({@code blob.*}): a local directory ({@link
 * LocalBlobStoreConfig}, the default) or an S3-compatible bucket ({@link S3BlobStoreConfig}).
 * {@code BlobStoreFactory} in the blobstore module turns it into a {@code BlobStore}.
 */
public sealed interface BlobStoreConfig permits LocalBlobStoreConfig, S3BlobStoreConfig {}
