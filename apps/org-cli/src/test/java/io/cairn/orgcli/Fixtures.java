package io.cairn.orgcli;

import io.cairn.cairo.tools.asm.Assembler;
import io.cairn.cairo.tools.asm.ProgramJsonWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Example programs, unique names and forged tokens for the tests. */
final class Fixtures {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  static final Path EXAMPLES = Path.of("../../proving/cairo-tools/src/test/resources/examples");

  private Fixtures() {}

  /** A name no other test uses. */
  static String unique(String prefix) {
    return prefix + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
  }

  /** The cairo-compile JSON of an example program, assembled in proof mode. */
  static byte[] exampleJson(String name) throws IOException {
    String source = Files.readString(EXAMPLES.resolve(name + ".casm"), StandardCharsets.UTF_8);
    return ProgramJsonWriter.write(Assembler.assemble(source, Assembler.Mode.PROOF))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Writes the example program into {@code dir} and returns the file. */
  static Path exampleFile(Path dir, String name) throws IOException {
    Path file = dir.resolve(name + ".json");
    Files.write(file, exampleJson(name));
    return file;
  }

  /** An HS256 access token signed with the test server's secret that expired a minute ago. */
  static String expiredAccessToken(long userId, long organizationId) throws Exception {
    long now = System.currentTimeMillis() / 1000;
    String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
    String payload =
        b64(
            "{\"sub\":\""
                + userId
                + "\",\"org\":"
                + organizationId
                + ",\"typ\":\"access\",\"iat\":"
                + (now - 120)
                + ",\"exp\":"
                + (now - 60)
                + "}");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            InProcessServer.JWT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] sig = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
    return header
        + "."
        + payload
        + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
