package io.cairn.cairo.vm.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.math.Felt;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * StarkWare's Pedersen hash of two field elements: the x-coordinate of shift + low248(a)·P0 +
 * high4(a)·P1 + low248(b)·P2 + high4(b)·P3 on the STARK curve, with the constant points of
 * cairo-lang's {@code pedersen_params.json} (points 0, 2, 250, 254 and 502, kept in the resource
 * {@code pedersen-points.json}).
 */
public final class PedersenHash {
  private static final StarkCurvePoint[] POINTS = loadPoints();

  private PedersenHash() {}

  private static StarkCurvePoint[] loadPoints() {
    try (InputStream in = PedersenHash.class.getResourceAsStream("pedersen-points.json")) {
      if (in == null) {
        throw new IllegalStateException("resource pedersen-points.json is missing");
      }
      JsonNode root = new ObjectMapper().readTree(in);
      String[] names = {"shift", "p0", "p1", "p2", "p3"};
      StarkCurvePoint[] points = new StarkCurvePoint[names.length];
      for (int i = 0; i < names.length; i++) {
        JsonNode p = root.get(names[i]);
        points[i] =
            StarkCurvePoint.affine(Felt.parse(p.get(0).asText()), Felt.parse(p.get(1).asText()));
      }
      return points;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read pedersen-points.json", e);
    }
  }

  /** pedersen(a, b). */
  public static Felt hash(Felt a, Felt b) {
    byte[] al = a.toBytesLE();
    byte[] bl = b.toBytesLE();
    StarkCurvePoint acc = POINTS[0];
    acc = acc.plus(POINTS[1].times(al, 0, 248));
    acc = acc.plus(POINTS[2].times(al, 248, 252));
    acc = acc.plus(POINTS[3].times(bl, 0, 248));
    acc = acc.plus(POINTS[4].times(bl, 248, 252));
    return acc.affineX();
  }
}
