package io.cairn.testkit.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestS3Test {
  private final TestS3 s3 = TestS3.shared();

  @Test
  void sharedFixtureIsOneServerPerJvm() {
    assertSame(s3, TestS3.shared());
    assertEquals(System.getenv(TestS3.ENDPOINT_ENV) == null, s3.isInProcess());
    assertTrue(s3.pathStyle());
  }

  @Test
  void serverAnswersOverHttpAndRejectsUnsignedRequests() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(s3.endpoint().resolve("/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(403, response.statusCode(), response.body());
  }

  @Test
  void newBucketIsUniqueAndEmpty() {
    String first = s3.newBucket();
    String second = s3.newBucket();
    assertNotEquals(first, second);
    assertTrue(first.startsWith(TestS3.BUCKET_PREFIX));
    assertTrue(s3.bucketExists(first));
    assertTrue(s3.bucketExists(second));
    assertTrue(s3.listKeys(first).isEmpty());
    assertFalse(s3.bucketExists(TestS3.BUCKET_PREFIX + "never-created"));
  }

  @Test
  void externalServerIsReachedThroughItsS3Api() {
    TestS3 external =
        TestS3.fromEnvironment(
            Map.of(
                TestS3.ENDPOINT_ENV, s3.endpoint().toString(),
                TestS3.ACCESS_KEY_ENV, s3.accessKey(),
                TestS3.SECRET_KEY_ENV, s3.secretKey()));
    assertFalse(external.isInProcess());
    assertEquals(s3.endpoint(), external.endpoint());

    String bucket = external.newBucket();

    assertTrue(s3.bucketExists(bucket), "bucket created over HTTP is visible on the server");
    assertTrue(external.listKeys(bucket).isEmpty());
  }

  @Test
  void externalServerWithWrongCredentialsFails() {
    TestS3 intruder =
        TestS3.connectTo(s3.endpoint(), s3.region(), s3.accessKey(), "not-the-secret");
    assertThrows(RuntimeException.class, intruder::newBucket);
  }

  @Test
  void externalEndpointWithoutCredentialsIsRejected() {
    IllegalStateException failure =
        assertThrows(
            IllegalStateException.class,
            () -> TestS3.fromEnvironment(Map.of(TestS3.ENDPOINT_ENV, "http://127.0.0.1:1")));
    assertTrue(failure.getMessage().contains(TestS3.ACCESS_KEY_ENV), failure.getMessage());
  }

  @Test
  void inProcessServersAreIndependent() {
    try (InProcessS3Proxy other = InProcessS3Proxy.start()) {
      assertNotEquals(s3.endpoint(), other.endpoint());
      assertTrue(URI.create("http://127.0.0.1:1").getHost().equals(other.endpoint().getHost()));
    }
  }
}
