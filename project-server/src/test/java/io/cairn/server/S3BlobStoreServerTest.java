package io.cairn.server;

import static org.junit.jupiter.api.Assertions.*;

import io.cairn.blob.S3BlobStore;
import io.cairn.blob.S3BlobStoreSettings;
import io.cairn.server.auth.Secrets;
import io.cairn.testkit.s3.TestS3;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The same server on a real S3 API (the test kit's S3Proxy): programs and proofs land in the
 * bucket.
 */
@ExtendWith(VertxExtension.class)
class S3BlobStoreServerTest {
  @Test
  void programsAndProofsAreStoredInS3(Vertx vertx) throws Exception {
    TestS3 s3 = TestS3.shared();
    String bucket = s3.newBucket();
    try (TestServer server =
        TestServer.withBlobStore(
            "s3_server",
            dir -> {
              try {
                return S3BlobStore.open(
                    new S3BlobStoreSettings(
                        Optional.of(s3.endpoint()),
                        s3.region(),
                        bucket,
                        "",
                        s3.pathStyle(),
                        Optional.of(
                            new S3BlobStoreSettings.StaticCredentials(
                                s3.accessKey(), s3.secretKey())),
                        Files.createDirectories(dir.resolve("spool"))));
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            })) {
      Api api = new Api(vertx, server.port());
      Donors donors = new Donors(api);
      String org = api.registerAndLogin("s3org").getString("access_token");
      JsonObject program = api.uploadProgram(org, "p", Programs.minimal());
      assertEquals(
          201,
          api.postRaw(
                  "/api/v1/programs/" + program.getLong("id") + "/input-groups",
                  org,
                  "text/csv",
                  "5\n")
              .status());
      server.server.feedNow();
      Donors.Host host = donors.createHost(donors.createAccount("s3@example.org"), 1);
      JsonObject lease =
          donors.schedule(host, 1, null).data().getJsonArray("leases").getJsonObject(0);
      var file =
          api.send(
              donors.request(
                  HttpMethod.GET, lease.getJsonObject("program").getString("url"), host));
      assertEquals(program.getString("sha256"), Secrets.sha256Hex(file.body().getBytes()));
      byte[] proof = "proof in s3".getBytes(StandardCharsets.UTF_8);
      assertEquals(200, donors.upload(host, lease.getString("lease_id"), "proof", proof).status());
      List<String> keys = s3.listKeys(bucket);
      assertTrue(
          keys.stream().anyMatch(k -> k.endsWith("programs/" + program.getString("sha256"))),
          keys.toString());
      assertTrue(
          keys.stream().anyMatch(k -> k.endsWith("proofs/" + Secrets.sha256Hex(proof))),
          keys.toString());
    }
  }
}
