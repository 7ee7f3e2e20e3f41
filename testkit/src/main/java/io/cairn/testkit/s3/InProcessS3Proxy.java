package io.cairn.testkit.s3;

import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

/**
 * An S3Proxy server running inside this JVM on a free loopback port, backed by an in-memory blob
 * store ({@code transient-nio2}).
 *
 * <p>Only {@link TestS3} and this package's tests start one; everyone else goes through {@link
 * TestS3#shared()}.
 */
final class InProcessS3Proxy implements AutoCloseable {
  static final String IDENTITY = "cairn-test-identity";
  static final String CREDENTIAL = "cairn-test-credential";

  private static final long START_TIMEOUT_MILLIS = 30_000;
  private static final long STOP_TIMEOUT_MILLIS = 100;

  private final S3Proxy proxy;
  private final BlobStore backend;

  private InProcessS3Proxy(S3Proxy proxy, BlobStore backend) {
    this.proxy = proxy;
    this.backend = backend;
  }

  /** Starts a server and returns once it accepts requests. */
  static InProcessS3Proxy start() {
    BlobStore backend = BlobStores.create("transient-nio2", new Properties());
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(backend)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, IDENTITY, CREDENTIAL)
            .stopTimeout(STOP_TIMEOUT_MILLIS)
            .build();
    try {
      proxy.start();
      long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
      while (!"STARTED".equals(proxy.getState())) {
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException(
              "S3Proxy did not reach STARTED within "
                  + START_TIMEOUT_MILLIS
                  + " ms (state "
                  + proxy.getState()
                  + ")");
        }
        Thread.sleep(5);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting S3Proxy", e);
    } catch (Exception e) {
      throw new IllegalStateException("could not start the in-process S3Proxy", e);
    }
    return new InProcessS3Proxy(proxy, backend);
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  /** The storage behind the server, for creating and listing buckets without going over HTTP. */
  BlobStore backend() {
    return backend;
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("could not stop the in-process S3Proxy", e);
    }
  }
}
