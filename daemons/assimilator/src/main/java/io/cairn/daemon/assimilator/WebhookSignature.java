package io.cairn.daemon.assimilator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How webhook deliveries are signed, so an organization can trust what it receives.
 *
 * <p>Each request carries {@code Cairn-Timestamp: <unix seconds>} and {@code Cairn-Signature:
 * v1=<hex>}, where {@code hex} is HMAC-SHA256, keyed with the organization's {@code webhook_secret}
 * (UTF-8), over the bytes of {@code <timestamp> + "." + <body>}. A receiver recomputes it, compares
 * in constant time, and rejects timestamps older than a few minutes (replay).
 */
public final class WebhookSignature {
  /** The header holding the signature. */
  public static final String SIGNATURE_HEADER = "Cairn-Signature";

  /** The header holding the timestamp the signature covers. */
  public static final String TIMESTAMP_HEADER = "Cairn-Timestamp";

  private WebhookSignature() {}

  /** The {@code Cairn-Signature} header value for {@code body} sent at {@code timestamp}. */
  public static String sign(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** What a receiver does: true if {@code header} is the signature of {@code body}. */
  public static boolean verify(String secret, long timestamp, byte[] body, String header) {
    return MessageDigest.isEqual(
        sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII),
        header.getBytes(StandardCharsets.US_ASCII));
  }
}
