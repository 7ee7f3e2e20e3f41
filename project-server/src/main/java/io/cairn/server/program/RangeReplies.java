package io.cairn.server.program;

import io.cairn.server.http.ApiException;
import io.cairn.server.http.ErrorCode;
import io.cairn.server.http.FailureHandler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Sends bytes with a strong ETag, answering {@code If-None-Match} with 304 and a single {@code
 * Range: bytes=a-b} with 206, so an interrupted download resumes.
 */
public final class RangeReplies {
  private RangeReplies() {}

  public static void send(RoutingContext ctx, byte[] bytes, String etagHex, String contentType) {
    HttpServerResponse resp = ctx.response();
    String etag = "\"" + etagHex + "\"";
    resp.putHeader("ETag", etag).putHeader("Accept-Ranges", "bytes");
    resp.putHeader("Content-Type", contentType);
    String ifNoneMatch = ctx.request().getHeader("If-None-Match");
    if (etag.equals(ifNoneMatch)) {
      resp.setStatusCode(304).end();
      return;
    }
    String range = ctx.request().getHeader("Range");
    String ifRange = ctx.request().getHeader("If-Range");
    if (range == null || (ifRange != null && !ifRange.equals(etag))) {
      resp.setStatusCode(200).end(Buffer.buffer(bytes));
      return;
    }
    long[] r = parse(range, bytes.length);
    if (r == null) {
      resp.putHeader("Content-Range", "bytes */" + bytes.length);
      FailureHandler.send(
          ctx,
          new ApiException(
              ErrorCode.RANGE_NOT_SATISFIABLE, "the range is not satisfiable: " + range));
      return;
    }
    int from = (int) r[0];
    int to = (int) r[1];
    resp.setStatusCode(206)
        .putHeader("Content-Range", "bytes " + from + "-" + to + "/" + bytes.length)
        .end(Buffer.buffer(bytes).getBuffer(from, to + 1));
  }

  /** {first, last} inclusive, or null if not satisfiable or not a single byte range. */
  static long[] parse(String header, long size) {
    if (!header.startsWith("bytes=") || header.contains(",")) {
      return null;
    }
    String spec = header.substring(6).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return null;
    }
    try {
      String a = spec.substring(0, dash).trim();
      String b = spec.substring(dash + 1).trim();
      long first;
      long last;
      if (a.isEmpty()) {
        long suffix = Long.parseLong(b);
        if (suffix <= 0) {
          return null;
        }
        first = Math.max(0, size - suffix);
        last = size - 1;
      } else {
        first = Long.parseLong(a);
        last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
      }
      if (first < 0 || first >= size || last < first) {
        return null;
      }
      return new long[] {first, last};
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
