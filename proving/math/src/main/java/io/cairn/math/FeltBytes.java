package io.cairn.math;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The canonical 32-byte encodings of field elements, big- and little-endian: the value in [0, p) as
 * an unsigned 256-bit integer. Decoding rejects values at or above p.
 */
final class FeltBytes {
  private static final VarHandle LONG_BE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private FeltBytes() {}

  static Felt decodeBE(byte[] b, int off) {
    long c3 = (long) LONG_BE.get(b, off);
    long c2 = (long) LONG_BE.get(b, off + 8);
    long c1 = (long) LONG_BE.get(b, off + 16);
    long c0 = (long) LONG_BE.get(b, off + 24);
    return checked(c0, c1, c2, c3);
  }

  static Felt decodeLE(byte[] b, int off) {
    long c0 = (long) LONG_LE.get(b, off);
    long c1 = (long) LONG_LE.get(b, off + 8);
    long c2 = (long) LONG_LE.get(b, off + 16);
    long c3 = (long) LONG_LE.get(b, off + 24);
    return checked(c0, c1, c2, c3);
  }

  static void encodeBE(Felt x, byte[] dst, int off) {
    long[] c = new long[4];
    x.canonicalLimbs(c, 0);
    for (int i = 0; i < 4; i++) {
      LONG_BE.set(dst, off + 8 * i, c[3 - i]);
    }
  }

  static void encodeLE(Felt x, byte[] dst, int off) {
    long[] c = new long[4];
    x.canonicalLimbs(c, 0);
    for (int i = 0; i < 4; i++) {
      LONG_LE.set(dst, off + 8 * i, c[i]);
    }
  }

  private static Felt checked(long c0, long c1, long c2, long c3) {
    if (!Montgomery.isCanonical(c0, c1, c2, c3)) {
      throw new NonCanonicalFeltException(
          "encoded value is not below the field prime: 0x"
              + Montgomery.fromLimbs(c0, c1, c2, c3).toString(16));
    }
    return Felt.fromCanonical(c0, c1, c2, c3);
  }
}
