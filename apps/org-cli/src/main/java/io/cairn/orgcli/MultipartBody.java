package io.cairn.orgcli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/** A {@code multipart/form-data} body: text fields and one file part, built in memory. */
final class MultipartBody {
  private final String boundary;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  MultipartBody() {
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    this.boundary = "cairn-" + HexFormat.of().formatHex(random);
  }

  /** Adds a text field; a null value is left out. */
  MultipartBody field(String name, Object value) {
    if (value != null) {
      write("--" + boundary + "\r\n");
      write("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
      write(value.toString());
      write("\r\n");
    }
    return this;
  }

  /** Adds a file part. */
  MultipartBody file(String name, String fileName, String contentType, byte[] content) {
    write("--" + boundary + "\r\n");
    write(
        "Content-Disposition: form-data; name=\""
            + name
            + "\"; filename=\""
            + fileName.replace("\"", "_").replace("\r", "_").replace("\n", "_")
            + "\"\r\n");
    write("Content-Type: " + contentType + "\r\n\r\n");
    out.writeBytes(content);
    write("\r\n");
    return this;
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  byte[] bytes() {
    write("--" + boundary + "--\r\n");
    return out.toByteArray();
  }

  private void write(String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
