package io.cairn.air;

import io.cairn.crypto.Hasher;
import io.cairn.crypto.Transcript;
import io.cairn.math.Felt;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The STARK protocol's use of the {@link Transcript}: how it is seeded and how the challenges whose
 * sampling has a rule (the out-of-domain point, the query positions) are drawn. Prover and verifier
 * both call these, so the rules are written once. Labels are listed in docs/protocol.md.
 */
public final class StarkTranscript {

  /** The protocol label the transcript starts from; changes with any incompatible change. */
  public static final String PROTOCOL = "cairn-stark-v1";

  private StarkTranscript() {}

  /**
   * Round 0, "seed": absorbs the hash function's name, the options, the AIR's name and shape, all
   * public inputs and the caller's context (e.g. a lease id), before any challenge is drawn.
   */
  public static Transcript seed(Hasher hasher, Air air, ProofOptions options, byte[] context) {
    Transcript transcript = new Transcript(hasher, PROTOCOL);
    transcript.absorb("hash", hasher.name().getBytes(StandardCharsets.UTF_8));
    transcript.absorb("options", options.toBytes());
    transcript.absorb("air", air.name().getBytes(StandardCharsets.UTF_8));
    transcript.absorb(
        "shape",
        ByteBuffer.allocate(16)
            .putInt(air.traceLength())
            .putInt(air.mainWidth())
            .putInt(air.auxWidth())
            .putInt(air.numAuxChallenges())
            .array());
    transcript.absorb("public-inputs", air.publicInputs());
    transcript.absorb("context", context);
    return transcript;
  }

  /** Label of the main trace root. */
  public static final String MAIN_TRACE = "main-trace";

  /** Label of the aux trace root. */
  public static final String AUX_TRACE = "aux-trace";

  /** Label of the composition root. */
  public static final String COMPOSITION = "composition";

  /** Label of the proof-of-work nonce. */
  public static final String POW_NONCE = "pow-nonce";

  /** Absorbs the out-of-domain frame: values at z, values at g·z, composition parts at z. */
  public static void absorbOutOfDomainFrame(Transcript transcript, OodFrame ood) {
    transcript.absorbFelts("ood-current", ood.current());
    transcript.absorbFelts("ood-next", ood.next());
    transcript.absorbFelts("ood-composition", ood.compositionParts());
  }

  /**
   * Draws the out-of-domain point z, redrawing while z or g·z would fall in the trace domain or the
   * LDE domain (where the DEEP quotients are undefined); the redraw happens with negligible
   * probability but makes the rule total.
   */
  public static Felt sampleOutOfDomainPoint(Transcript transcript, StarkLayout layout) {
    Felt g = layout.traceGenerator();
    long n = layout.traceLength();
    long ldeSize = layout.ldeDomain().size();
    Felt offsetPower = layout.ldeDomain().offset().pow(ldeSize);
    while (true) {
      Felt z = transcript.sampleFelt();
      boolean bad = false;
      for (Felt point : new Felt[] {z, z.mul(g)}) {
        bad |= point.pow(n).equals(Felt.ONE) || point.pow(ldeSize).equals(offsetPower);
      }
      if (!bad) {
        return z;
      }
    }
  }

  /** Draws the query pair indices: distinct, increasing, in {@code [0, ldeSize/2)}. */
  public static int[] sampleQueryPairs(
      Transcript transcript, StarkLayout layout, ProofOptions options) {
    return transcript.sampleDistinctIndices(options.numQueries(), layout.numQueryPairs());
  }
}
