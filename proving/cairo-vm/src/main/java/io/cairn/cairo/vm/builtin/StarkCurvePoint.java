package io.cairn.cairo.vm.builtin;

import io.cairn.math.Felt;

/**
 * A point of the STARK curve y² = x³ + x + β over the Stark252 field, in Jacobian coordinates (x =
 * X/Z², y = Y/Z³; Z = 0 is the point at infinity). Immutable.
 */
record StarkCurvePoint(Felt x, Felt y, Felt z) {
  static final StarkCurvePoint INFINITY = new StarkCurvePoint(Felt.ONE, Felt.ONE, Felt.ZERO);

  static StarkCurvePoint affine(Felt x, Felt y) {
    return new StarkCurvePoint(x, y, Felt.ONE);
  }

  boolean isInfinity() {
    return z.isZero();
  }

  StarkCurvePoint twice() {
    if (isInfinity() || y.isZero()) {
      return INFINITY;
    }
    Felt xx = x.square();
    Felt yy = y.square();
    Felt yyyy = yy.square();
    Felt zz = z.square();
    Felt s = x.mul(yy).mul(Felt.of(4));
    Felt m = xx.mul(Felt.of(3)).add(zz.square()); // alpha = 1
    Felt x3 = m.square().sub(s.add(s));
    Felt y3 = m.mul(s.sub(x3)).sub(yyyy.mul(Felt.of(8)));
    Felt z3 = y.mul(z).add(y.mul(z));
    return new StarkCurvePoint(x3, y3, z3);
  }

  StarkCurvePoint plus(StarkCurvePoint o) {
    if (isInfinity()) {
      return o;
    }
    if (o.isInfinity()) {
      return this;
    }
    Felt z1z1 = z.square();
    Felt z2z2 = o.z.square();
    Felt u1 = x.mul(z2z2);
    Felt u2 = o.x.mul(z1z1);
    Felt s1 = y.mul(o.z).mul(z2z2);
    Felt s2 = o.y.mul(z).mul(z1z1);
    Felt h = u2.sub(u1);
    Felt r = s2.sub(s1);
    if (h.isZero()) {
      return r.isZero() ? twice() : INFINITY;
    }
    Felt hh = h.square();
    Felt hhh = h.mul(hh);
    Felt v = u1.mul(hh);
    Felt x3 = r.square().sub(hhh).sub(v.add(v));
    Felt y3 = r.mul(v.sub(x3)).sub(s1.mul(hhh));
    Felt z3 = z.mul(o.z).mul(h);
    return new StarkCurvePoint(x3, y3, z3);
  }

  /** k·this for a scalar given as little-endian bytes, bits [fromBit, toBit). */
  StarkCurvePoint times(byte[] scalarLE, int fromBit, int toBit) {
    StarkCurvePoint acc = INFINITY;
    for (int bit = toBit - 1; bit >= fromBit; bit--) {
      acc = acc.twice();
      if (((scalarLE[bit >>> 3] >>> (bit & 7)) & 1) != 0) {
        acc = acc.plus(this);
      }
    }
    return acc;
  }

  /** The affine x-coordinate. */
  Felt affineX() {
    if (isInfinity()) {
      throw new BuiltinViolationException("pedersen: result is the point at infinity");
    }
    return x.div(z.square());
  }
}
