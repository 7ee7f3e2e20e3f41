package io.cairn.testkit.s3;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.blobstore.BlobStore;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 API that tests talk to: one server per test JVM and a fresh bucket per test class.
 *
 * <p>By default {@link #shared()} starts an S3Proxy inside this JVM on a free loopback port, with
 * an in-memory backend and a fixed test identity, and stops it from a shutdown hook. If the
 * environment variable {@value #ENDPOINT_ENV} is set (with {@value #ACCESS_KEY_ENV} and {@value
 * #SECRET_KEY_ENV}, optionally {@value #REGION_ENV}), that server is used instead, for example
 * MinIO, a stand-alone S3Proxy or a real S3 endpoint.
 *
 * <p>Typical use in a test class:
 *
 * <pre>{@code
 * static final TestS3 s3 = TestS3.shared();
 * static final String bucket = s3.newBucket();
 * S3Client client = S3Client.builder().endpointOverride(s3.endpoint()).region(Region.of(s3.region()))
 *     .forcePathStyle(s3.pathStyle()).credentialsProvider(...s3.accessKey(), s3.secretKey()...).build();
 * }</pre>
 *
 * <p>Buckets are never reused, so test classes cannot see each other's objects. Buckets created on
 * an external server are left there; their names start with {@value #BUCKET_PREFIX}.
 */
public final class TestS3 {
  /** Environment variable naming an external S3 endpoint, e.g. {@code http://127.0.0.1:9000}. */
  public static final String ENDPOINT_ENV = "S3_ENDPOINT";

  /** Environment variable with the access key for {@value #ENDPOINT_ENV}. */
  public static final String ACCESS_KEY_ENV = "S3_ACCESS_KEY";

  /** Environment variable with the secret key for {@value #ENDPOINT_ENV}. */
  public static final String SECRET_KEY_ENV = "S3_SECRET_KEY";

  /** Optional environment variable with the region of {@value #ENDPOINT_ENV}. */
  public static final String REGION_ENV = "S3_REGION";

  /** Every bucket this fixture creates has a name starting with this. */
  public static final String BUCKET_PREFIX = "cairn-test-";

  private static final String DEFAULT_REGION = "us-east-1";
  private static final String RUN_ID = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
  private static final AtomicLong BUCKET_COUNTER = new AtomicLong();

  private final URI endpoint;
  private final String region;
  private final String accessKey;
  private final String secretKey;
  private final boolean inProcess;
  private final BlobStore admin;

  private TestS3(
      URI endpoint,
      String region,
      String accessKey,
      String secretKey,
      boolean inProcess,
      BlobStore admin) {
    this.endpoint = endpoint;
    this.region = region;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.inProcess = inProcess;
    this.admin = admin;
  }

  /**
   * The fixture for this test JVM, started on first use.
   *
   * @throws IllegalStateException if the server cannot be started, or {@value #ENDPOINT_ENV} is set
   *     without its credentials
   */
  public static TestS3 shared() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final TestS3 INSTANCE = fromEnvironment(System.getenv());
  }

  /** Uses the server named in {@code env}, or starts one in this JVM if there is none. */
  static TestS3 fromEnvironment(Map<String, String> env) {
    String external = env.get(ENDPOINT_ENV);
    if (external == null || external.isBlank()) {
      return startInProcess();
    }
    String accessKey = env.get(ACCESS_KEY_ENV);
    String secretKey = env.get(SECRET_KEY_ENV);
    if (accessKey == null || secretKey == null) {
      throw new IllegalStateException(
          ENDPOINT_ENV
              + " is set to "
              + external
              + " but "
              + ACCESS_KEY_ENV
              + " and "
              + SECRET_KEY_ENV
              + " must be set too");
    }
    String region = env.getOrDefault(REGION_ENV, DEFAULT_REGION);
    return connectTo(URI.create(external.strip()), region, accessKey, secretKey);
  }

  /** Uses an S3 server that is already running; buckets are created through its S3 API. */
  static TestS3 connectTo(URI endpoint, String region, String accessKey, String secretKey) {
    Properties properties = new Properties();
    properties.setProperty("jclouds.endpoint", endpoint.toString());
    properties.setProperty("jclouds.identity", accessKey);
    properties.setProperty("jclouds.credential", secretKey);
    properties.setProperty("jclouds.region", region);
    BlobStore admin = BlobStores.create("aws-s3", properties);
    return new TestS3(endpoint, region, accessKey, secretKey, false, admin);
  }

  private static TestS3 startInProcess() {
    InProcessS3Proxy proxy = InProcessS3Proxy.start();
    Runtime.getRuntime().addShutdownHook(new Thread(proxy::close, "cairn-test-s3-stop"));
    return new TestS3(
        proxy.endpoint(),
        DEFAULT_REGION,
        InProcessS3Proxy.IDENTITY,
        InProcessS3Proxy.CREDENTIAL,
        true,
        proxy.backend());
  }

  /** The server's base URL, e.g. {@code http://127.0.0.1:41234}. */
  public URI endpoint() {
    return endpoint;
  }

  /** The region to sign requests for. */
  public String region() {
    return region;
  }

  /** The access key id (S3Proxy calls it the identity). */
  public String accessKey() {
    return accessKey;
  }

  /** The secret access key (S3Proxy calls it the credential). */
  public String secretKey() {
    return secretKey;
  }

  /**
   * Whether clients must address buckets by path ({@code http://host/bucket/key}) rather than by
   * virtual host. Always true: the loopback server has no DNS names for buckets.
   */
  public boolean pathStyle() {
    return true;
  }

  /** True if the server runs inside this JVM, false if it came from {@value #ENDPOINT_ENV}. */
  public boolean isInProcess() {
    return inProcess;
  }

  /** Creates an empty bucket with a name no other caller in any test run gets, and returns it. */
  public String newBucket() {
    String name = BUCKET_PREFIX + RUN_ID + "-" + BUCKET_COUNTER.incrementAndGet();
    admin.createContainer(name);
    return name;
  }

  /** Whether {@code bucket} exists on the server. */
  public boolean bucketExists(String bucket) {
    return admin.containerExists(Objects.requireNonNull(bucket, "bucket"));
  }

  /**
   * Every object key in {@code bucket}, in the server's order (lexicographic). Tests use it to
   * prove that nothing was left behind.
   */
  public List<String> listKeys(String bucket) {
    List<String> keys = new ArrayList<>();
    String continuation = null;
    do {
      ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket);
      if (continuation != null) {
        request.continuationToken(continuation);
      }
      ListObjectsV2Response page = admin.list(request.build());
      for (S3Object object : page.contents()) {
        keys.add(object.key());
      }
      continuation = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
    } while (continuation != null);
    return keys;
  }

  @Override
  public String toString() {
    return "TestS3[" + endpoint + (inProcess ? ", in-process S3Proxy]" : ", external]");
  }
}
