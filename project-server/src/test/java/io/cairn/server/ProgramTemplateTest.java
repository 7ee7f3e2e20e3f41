package io.cairn.server;

import static io.cairn.schema.jooq.Tables.INPUT_GROUP;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.server.program.ProgramTemplate;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/v1/program-template}: a zip anyone can download, with a stable ETag, whose
 * compiled program the program upload accepts and whose input file the input-group upload accepts.
 */
@ExtendWith(VertxExtension.class)
class ProgramTemplateTest {
  private static final String PATH = "/api/v1/program-template";

  @Test
  void theTemplateDownloadsUnzipsAndItsFilesAreAcceptedByTheUploads(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start("program_template")) {
      Api api = new Api(vertx, server.port());
      Api.Reply reply = api.get(PATH, null); // no login
      assertEquals(200, reply.status());
      assertEquals("application/zip", reply.headers().get("Content-Type"));
      assertTrue(reply.headers().get("Content-Disposition").contains(".zip"));
      byte[] zip = reply.body().getBytes();
      String etag = "\"" + sha256(zip) + "\"";
      assertEquals(etag, reply.headers().get("ETag"));
      assertEquals(etag, "\"" + ProgramTemplate.load().sha256() + "\"", "built the same each time");
      Api.Reply again =
          api.send(api.request(HttpMethod.GET, PATH, null).putHeader("If-None-Match", etag));
      assertEquals(304, again.status());

      Map<String, byte[]> files = unzip(zip);
      assertEquals(
          List.of("README.md", "collatz.casm", "collatz.json", "collatz-inputs.csv"),
          List.copyOf(files.keySet()));
      String readme = new String(files.get("README.md"), StandardCharsets.UTF_8);
      for (String step :
          List.of(
              "assemble --proof-mode", "cairn-org programs upload", "cairn-org inputs create")) {
        assertTrue(readme.contains(step), "README explains " + step);
      }
      assertTrue(
          new String(files.get("collatz.casm"), StandardCharsets.UTF_8).contains("func main"));
      assertArrayEquals(
          files.get("collatz.json"),
          TestServer.class.getResourceAsStream("/program-template/collatz.json").readAllBytes());

      String org = api.registerAndLogin("template").getString("access_token");
      long programId =
          api.uploadProgram(
                  org, "collatz", new String(files.get("collatz.json"), StandardCharsets.UTF_8))
              .getLong("id");
      String csv = new String(files.get("collatz-inputs.csv"), StandardCharsets.UTF_8);
      Api.Reply inputs =
          api.postRaw("/api/v1/programs/" + programId + "/input-groups", org, "text/csv", csv);
      assertEquals(201, inputs.status(), inputs.body().toString());
      long lines = csv.lines().filter(l -> !l.isBlank()).count();
      assertTrue(lines > 0);
      assertEquals(
          lines,
          server.database.dsl().fetchCount(INPUT_GROUP, INPUT_GROUP.PROGRAM_ID.eq(programId)));
    }
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        assertTrue(e.getName().startsWith(ProgramTemplate.FOLDER), e.getName());
        files.put(e.getName().substring(ProgramTemplate.FOLDER.length()), in.readAllBytes());
      }
    }
    return files;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
