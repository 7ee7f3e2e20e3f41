package io.cairn.server.inputs;

import io.cairn.math.FeltInput;
import java.math.BigInteger;

/**
 * Field elements as the API writes them (decimal strings, or {@code 0x} hex on input) and as the
 * database stores them ({@code input_group.input}: 32-byte big-endian words, one after another).
 */
public final class Felts {
  /** The Stark252 prime 2^251 + 17·2^192 + 1. */
  public static final BigInteger PRIME = io.cairn.math.Felt.MODULUS;

  private Felts() {}

  /**
   * Parses one felt: a decimal or {@code 0x}-hex integer in [0, P) ({@link FeltInput#parse}).
   *
   * @throws IllegalArgumentException with a person-readable message if it is not one
   */
  public static BigInteger parse(String text) {
    return FeltInput.parse(text);
  }

  /** The database form of {@code felts}. */
  public static byte[] encode(BigInteger[] felts) {
    byte[] out = new byte[felts.length * 32];
    for (int i = 0; i < felts.length; i++) {
      byte[] b = felts[i].toByteArray();
      int len = Math.min(b.length, 32);
      System.arraycopy(b, b.length - len, out, i * 32 + 32 - len, len);
    }
    return out;
  }

  /** Decimal strings of the 32-byte words in {@code data}. */
  public static String[] decode(byte[] data) {
    String[] out = new String[data.length / 32];
    byte[] word = new byte[33];
    for (int i = 0; i < out.length; i++) {
      System.arraycopy(data, i * 32, word, 1, 32);
      out[i] = new BigInteger(word).toString();
    }
    return out;
  }
}
