package io.cairn.assimilator;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * One validated result as plugins and webhooks receive it: which job it answers and the output the
 * proof proved.
 *
 * @param resultId the result's id; unique, use it to make handling idempotent
 * @param organization the owning organization's name
 * @param programId the program's id
 * @param program the program's name
 * @param inputGroupId the input group's id
 * @param inputGroup the input group's name, as the organization gave it
 * @param output the field elements the program wrote to its output segment
 * @param steps the number of Cairo steps the proof covers
 * @param securityBits the conjectured security level the proof was checked at
 * @param validatedAt when the validator accepted the proof
 */
public record ValidatedResult(
    long resultId,
    String organization,
    long programId,
    String program,
    long inputGroupId,
    String inputGroup,
    List<BigInteger> output,
    long steps,
    int securityBits,
    Instant validatedAt) {
  public ValidatedResult {
    output = List.copyOf(output);
  }

  /** Felts stored as 32-byte big-endian values, as the schema stores them. */
  public static List<BigInteger> felts(byte[] packed) {
    if (packed.length % 32 != 0) {
      throw new IllegalArgumentException("felt bytes not a multiple of 32: " + packed.length);
    }
    BigInteger[] out = new BigInteger[packed.length / 32];
    for (int i = 0; i < out.length; i++) {
      byte[] one = new byte[32];
      System.arraycopy(packed, 32 * i, one, 0, 32);
      out[i] = new BigInteger(1, one);
    }
    return List.of(out);
  }
}
