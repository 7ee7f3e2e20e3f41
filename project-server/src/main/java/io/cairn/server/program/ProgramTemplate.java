package io.cairn.server.program;

import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The template project an organization starts a program from ({@code GET
 * /api/v1/program-template}): a zip of an example Cairo program's source and its compiled JSON
 * (apps/examples' Collatz search, copied onto the class path at build time), an input-group file in
 * the CSV format the input-group upload takes, and a README with the steps. Built once, with fixed
 * entry times, so its bytes and its ETag are the same on every start of the same build.
 */
public final class ProgramTemplate {
  /** The folder the archive unpacks into. */
  public static final String FOLDER = "cairn-program-template/";

  /** The files, in archive order: class-path resources under {@code /program-template/}. */
  static final List<String> FILES =
      List.of("README.md", "collatz.casm", "collatz.json", "collatz-inputs.csv");

  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2026, 1, 1, 0, 0);

  private final byte[] zip;
  private final String sha256;

  private ProgramTemplate(byte[] zip) {
    this.zip = zip;
    try {
      this.sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Builds the archive from the class path; fails if a file is missing (a broken build). */
  public static ProgramTemplate load() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (String name : FILES) {
        byte[] bytes;
        try (InputStream in =
            ProgramTemplate.class.getResourceAsStream("/program-template/" + name)) {
          if (in == null) {
            throw new IllegalStateException(
                "program-template/" + name + " is not on the class path");
          }
          bytes = in.readAllBytes();
        }
        ZipEntry e = new ZipEntry(FOLDER + name);
        e.setTimeLocal(ENTRY_TIME);
        z.putNextEntry(e);
        z.write(bytes);
        z.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ProgramTemplate(out.toByteArray());
  }

  /** The zip file. */
  public byte[] bytes() {
    return zip.clone();
  }

  /** The SHA-256 of the zip, hex: its ETag. */
  public String sha256() {
    return sha256;
  }

  /** Answers {@code GET /api/v1/program-template}: the zip, with its ETag (and Range). */
  public void download(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Disposition", "attachment; filename=\"cairn-program-template.zip\"");
    RangeReplies.send(ctx, zip, sha256, "application/zip");
  }
}
