package io.cairn.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Field arithmetic checked against {@link BigInteger} on edge cases and seeded random values. */
class FeltTest {
  private static final BigInteger P = Felt.MODULUS;
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

  /** Edge cases first, then random values from a fixed seed. */
  static List<BigInteger> samples(long seed, int randomCount) {
    List<BigInteger> xs = new ArrayList<>();
    for (long v : new long[] {0, 1, 2, 3, 17, 0xFFFF_FFFFL, Long.MAX_VALUE}) {
      xs.add(BigInteger.valueOf(v));
    }
    xs.add(BigInteger.ONE.shiftLeft(64));
    xs.add(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
    xs.add(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE));
    xs.add(BigInteger.ONE.shiftLeft(192));
    xs.add(BigInteger.ONE.shiftLeft(192).subtract(BigInteger.ONE));
    xs.add(BigInteger.ONE.shiftLeft(251));
    xs.add(P.subtract(BigInteger.ONE));
    xs.add(P.subtract(BigInteger.TWO));
    xs.add(P.shiftRight(1));
    xs.add(P.shiftRight(1).add(BigInteger.ONE));
    // values near 2^256, reduced mod p
    for (int k = 1; k <= 3; k++) {
      xs.add(TWO_256.subtract(BigInteger.valueOf(k)).mod(P));
    }
    xs.add(TWO_256.mod(P));
    Random rnd = new Random(seed);
    for (int i = 0; i < randomCount; i++) {
      xs.add(new BigInteger(256, rnd).mod(P));
    }
    for (int i = 0; i < randomCount / 4; i++) {
      // sparse values: a few set bits, which stress carry chains
      BigInteger v = BigInteger.ZERO;
      for (int b = 0; b < 3; b++) {
        v = v.setBit(rnd.nextInt(251));
      }
      xs.add(v);
      xs.add(P.subtract(BigInteger.ONE).subtract(v));
    }
    return xs;
  }

  @Test
  void constants() {
    assertEquals(
        BigInteger.TWO.pow(251).add(BigInteger.valueOf(17).shiftLeft(192)).add(BigInteger.ONE), P);
    assertEquals(BigInteger.ZERO, Felt.ZERO.toBigInteger());
    assertEquals(BigInteger.ONE, Felt.ONE.toBigInteger());
    assertEquals(BigInteger.TWO, Felt.TWO.toBigInteger());
    assertEquals(BigInteger.valueOf(3), Felt.GENERATOR.toBigInteger());
    assertTrue(Felt.ZERO.isZero());
    assertTrue(Felt.ONE.isOne());
    assertFalse(Felt.TWO.isOne());
    assertEquals(0, P.subtract(BigInteger.ONE).getLowestSetBit() - Felt.TWO_ADICITY);
  }

  @Test
  void arithmeticMatchesBigInteger() {
    List<BigInteger> xs = samples(1, 60);
    for (BigInteger a : xs) {
      Felt fa = Felt.of(a);
      assertEquals(a, fa.toBigInteger());
      assertEquals(a.negate().mod(P), fa.neg().toBigInteger(), "neg " + a);
      assertEquals(a.multiply(a).mod(P), fa.square().toBigInteger(), "square " + a);
      assertEquals(a.shiftLeft(1).mod(P), fa.twice().toBigInteger(), "twice " + a);
      for (BigInteger b : xs) {
        Felt fb = Felt.of(b);
        assertEquals(a.add(b).mod(P), fa.add(fb).toBigInteger(), () -> "add " + a + " " + b);
        assertEquals(a.subtract(b).mod(P), fa.sub(fb).toBigInteger(), () -> "sub " + a + " " + b);
        assertEquals(a.multiply(b).mod(P), fa.mul(fb).toBigInteger(), () -> "mul " + a + " " + b);
      }
    }
  }

  /**
   * The Montgomery kernels on operands whose internal 64-bit limbs are carry-prone patterns (0, 1,
   * 2^63, 2^64 − 1 and, for the top limb, values around p's top limb), pairwise, against
   * BigInteger: mul gives A·B·2^-256 mod p, add and sub give A ± B mod p.
   */
  @Test
  void limbPatternsStressCarries() {
    long top = P.shiftRight(192).longValue();
    long[] low = {0, 1, Long.MIN_VALUE, -1L};
    long[] high = {0, 1, top - 1, top, Long.MIN_VALUE >>> 4};
    List<long[]> limbs = new ArrayList<>();
    for (long l3 : high) {
      for (long l2 : low) {
        for (long l1 : low) {
          for (long l0 : low) {
            if (Montgomery.fromLimbs(l0, l1, l2, l3).compareTo(P) < 0) {
              limbs.add(new long[] {l0, l1, l2, l3});
            }
          }
        }
      }
    }
    assertTrue(limbs.size() > 200);
    BigInteger rInverse = BigInteger.ONE.shiftLeft(256).modInverse(P);
    long[] r = new long[4];
    for (long[] a : limbs) {
      BigInteger av = Montgomery.fromLimbs(a[0], a[1], a[2], a[3]);
      for (long[] b : limbs) {
        BigInteger bv = Montgomery.fromLimbs(b[0], b[1], b[2], b[3]);
        Montgomery.mul(a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3], r, 0);
        assertEquals(
            av.multiply(bv).multiply(rInverse).mod(P),
            Montgomery.fromLimbs(r[0], r[1], r[2], r[3]),
            () -> "mul " + av + " " + bv);
        Montgomery.add(a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3], r, 0);
        assertEquals(av.add(bv).mod(P), Montgomery.fromLimbs(r[0], r[1], r[2], r[3]));
        Montgomery.sub(a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3], r, 0);
        assertEquals(av.subtract(bv).mod(P), Montgomery.fromLimbs(r[0], r[1], r[2], r[3]));
      }
    }
  }

  @Test
  void squareAndInverseOnManyRandomValues() {
    Random rnd = new Random(8);
    for (int i = 0; i < 3000; i++) {
      // every third value has all-ones low limbs, the worst case for carries
      BigInteger a = new BigInteger(252, rnd);
      if (i % 3 == 0) {
        a = a.or(BigInteger.ONE.shiftLeft(192).subtract(BigInteger.ONE));
      }
      a = a.mod(P);
      Felt f = Felt.of(a);
      assertEquals(a.multiply(a).mod(P), f.square().toBigInteger(), "square " + a);
      if (a.signum() != 0 && i % 10 == 0) {
        assertEquals(a.modInverse(P), f.inverse().toBigInteger(), "inverse " + a);
      }
    }
  }

  @Test
  void inverseAndDivision() {
    for (BigInteger a : samples(2, 30)) {
      Felt fa = Felt.of(a);
      if (a.signum() == 0) {
        assertThrows(ArithmeticException.class, fa::inverse);
        assertThrows(ArithmeticException.class, () -> Felt.ONE.div(fa));
        continue;
      }
      assertEquals(a.modInverse(P), fa.inverse().toBigInteger());
      assertTrue(fa.mul(fa.inverse()).isOne());
      Felt seven = Felt.of(7);
      assertEquals(
          BigInteger.valueOf(7).multiply(a.modInverse(P)).mod(P), seven.div(fa).toBigInteger());
    }
  }

  @Test
  void batchInverseMatchesSingleInverses() {
    List<BigInteger> xs = samples(3, 40);
    xs.removeIf(x -> x.signum() == 0);
    Felt[] fs = xs.stream().map(Felt::of).toArray(Felt[]::new);
    Felt[] inv = Felt.batchInverse(fs);
    for (int i = 0; i < fs.length; i++) {
      assertEquals(xs.get(i).modInverse(P), inv[i].toBigInteger());
    }
    assertEquals(0, Felt.batchInverse(new Felt[0]).length);
    Felt[] withZero = {Felt.ONE, Felt.TWO, Felt.ZERO, Felt.GENERATOR};
    ArithmeticException e =
        assertThrows(ArithmeticException.class, () -> Felt.batchInverse(withZero));
    assertTrue(e.getMessage().contains("2"));
  }

  @Test
  void powMatchesBigInteger() {
    Random rnd = new Random(4);
    long[] exps = {0, 1, 2, 3, 64, Long.MAX_VALUE, -1, -2, Long.MIN_VALUE};
    for (BigInteger a : samples(4, 6)) {
      Felt fa = Felt.of(a);
      for (long e : exps) {
        if (a.signum() == 0 && e < 0) {
          assertThrows(ArithmeticException.class, () -> fa.pow(e));
          continue;
        }
        BigInteger expected = a.modPow(BigInteger.valueOf(e), P);
        assertEquals(expected, fa.pow(e).toBigInteger(), () -> a + "^" + e);
        assertEquals(expected, fa.pow(BigInteger.valueOf(e)).toBigInteger());
      }
      BigInteger big = new BigInteger(300, rnd);
      assertEquals(a.modPow(big, P), fa.pow(big).toBigInteger());
    }
    assertTrue(Felt.ZERO.pow(0).isOne());
  }

  @Test
  void fromLongAndToLongExact() {
    long[] vs = {0, 1, -1, 42, -42, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1};
    for (long v : vs) {
      assertEquals(BigInteger.valueOf(v).mod(P), Felt.of(v).toBigInteger(), "of " + v);
      if (v >= 0) {
        assertEquals(v, Felt.of(v).toLongExact());
      } else {
        assertThrows(ArithmeticException.class, () -> Felt.of(v).toLongExact());
      }
    }
    assertThrows(
        ArithmeticException.class, () -> Felt.of(BigInteger.ONE.shiftLeft(63)).toLongExact());
    assertEquals(Felt.of(-5), Felt.of(5).neg());
  }

  @Test
  void signedReadings() {
    BigInteger twoTo63 = BigInteger.ONE.shiftLeft(63);
    for (long v :
        new long[] {0, 1, -1, 42, -42, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1}) {
      assertEquals(v, Felt.of(v).toSignedLongExact());
      assertEquals(BigInteger.valueOf(v), Felt.of(v).toSignedBigInteger());
    }
    // 2^63 is not a signed long; -(2^63) - 1 is not either
    assertThrows(ArithmeticException.class, () -> Felt.of(twoTo63).toSignedLongExact());
    assertThrows(
        ArithmeticException.class,
        () -> Felt.of(twoTo63.negate().subtract(BigInteger.ONE)).toSignedLongExact());
    assertThrows(ArithmeticException.class, () -> Felt.of(P.shiftRight(1)).toSignedLongExact());
    BigInteger half = P.shiftRight(1);
    assertEquals(half, Felt.of(half).toSignedBigInteger());
    assertEquals(half.negate(), Felt.of(half.add(BigInteger.ONE)).toSignedBigInteger());
    for (BigInteger a : samples(10, 20)) {
      BigInteger expected = a.compareTo(half) > 0 ? a.subtract(P) : a;
      assertEquals(expected, Felt.of(a).toSignedBigInteger());
      boolean fits = expected.bitLength() <= 63;
      if (fits) {
        assertEquals(expected.longValueExact(), Felt.of(a).toSignedLongExact());
      } else {
        assertThrows(ArithmeticException.class, () -> Felt.of(a).toSignedLongExact());
      }
    }
  }

  @Test
  void ofBigIntegerReduces() {
    assertEquals(Felt.ZERO, Felt.of(P));
    assertEquals(Felt.ONE, Felt.of(P.add(BigInteger.ONE)));
    assertEquals(Felt.of(-1), Felt.of(BigInteger.ONE.negate()));
    assertEquals(Felt.of(TWO_256.mod(P)), Felt.of(TWO_256));
    assertEquals(Felt.of(5), Felt.of(P.multiply(BigInteger.TEN).add(BigInteger.valueOf(5))));
  }

  @Test
  void bytesRoundTripAndRejectNonCanonical() {
    for (BigInteger a : samples(5, 20)) {
      Felt f = Felt.of(a);
      byte[] be = f.toBytesBE();
      byte[] le = f.toBytesLE();
      assertEquals(32, be.length);
      byte[] expectedBe = new byte[32];
      byte[] raw = a.toByteArray();
      int n = Math.min(raw.length, 32);
      System.arraycopy(raw, raw.length - n, expectedBe, 32 - n, n);
      assertArrayEquals(expectedBe, be);
      for (int i = 0; i < 32; i++) {
        assertEquals(be[i], le[31 - i]);
      }
      assertEquals(f, Felt.fromBytesBE(be, 0));
      assertEquals(f, Felt.fromBytesLE(le, 0));
      byte[] buf = new byte[40];
      f.writeBytesBE(buf, 5);
      assertEquals(f, Felt.fromBytesBE(buf, 5));
      f.writeBytesLE(buf, 3);
      assertEquals(f, Felt.fromBytesLE(buf, 3));
    }
    for (BigInteger bad : List.of(P, P.add(BigInteger.ONE), TWO_256.subtract(BigInteger.ONE))) {
      byte[] be = new byte[32];
      byte[] raw = bad.toByteArray();
      int n = Math.min(raw.length, 32);
      System.arraycopy(raw, raw.length - n, be, 32 - n, n);
      assertThrows(NonCanonicalFeltException.class, () -> Felt.fromBytesBE(be, 0));
      byte[] le = new byte[32];
      for (int i = 0; i < 32; i++) {
        le[i] = be[31 - i];
      }
      assertThrows(NonCanonicalFeltException.class, () -> Felt.fromBytesLE(le, 0));
    }
  }

  @Test
  void parseStrictDecimalAndHex() {
    assertEquals(Felt.of(255), Felt.parse("255"));
    assertEquals(Felt.of(255), Felt.parse("0xff"));
    assertEquals(Felt.of(255), Felt.parse("0XFF"));
    assertEquals(Felt.of(-1), Felt.parse(P.subtract(BigInteger.ONE).toString()));
    assertEquals(Felt.of(-1), Felt.parse("0x" + P.subtract(BigInteger.ONE).toString(16)));
    assertThrows(NonCanonicalFeltException.class, () -> Felt.parse(P.toString()));
    assertThrows(NonCanonicalFeltException.class, () -> Felt.parse("0x" + P.toString(16)));
    for (String bad : new String[] {"", "0x", "-1", "+1", "12a", "0xg", "1.0", "1e5"}) {
      assertThrows(NumberFormatException.class, () -> Felt.parse(bad), bad);
    }
  }

  @Test
  void randomIsCanonicalAndSpreadOverTheField() {
    Random rnd = new Random(9);
    int aboveHalf = 0;
    int topBitSet = 0;
    for (int i = 0; i < 2000; i++) {
      BigInteger v = Felt.random(rnd).toBigInteger();
      assertTrue(v.signum() >= 0 && v.compareTo(P) < 0);
      aboveHalf += v.compareTo(P.shiftRight(1)) > 0 ? 1 : 0;
      topBitSet += v.testBit(250) ? 1 : 0;
    }
    // about half of uniform draws fall in each half of [0, p) and have bit 250 set
    assertTrue(aboveHalf > 900 && aboveHalf < 1100, "above half: " + aboveHalf);
    assertTrue(topBitSet > 900 && topBitSet < 1100, "bit 250: " + topBitSet);
    assertEquals(Felt.random(new Random(5)), Felt.random(new Random(5)));
  }

  @Test
  void textForms() {
    Felt f = Felt.of(BigInteger.valueOf(123456789).shiftLeft(100));
    assertEquals(BigInteger.valueOf(123456789).shiftLeft(100).toString(), f.toString());
    assertEquals("0x" + BigInteger.valueOf(123456789).shiftLeft(100).toString(16), f.toHexString());
    assertEquals(f, Felt.parse(f.toString()));
    assertEquals(f, Felt.parse(f.toHexString()));
    assertEquals("0x0", Felt.ZERO.toHexString());
  }

  @Test
  void equalsHashCodeCompareTo() {
    List<BigInteger> xs = samples(6, 20);
    for (BigInteger a : xs) {
      for (BigInteger b : xs) {
        Felt fa = Felt.of(a);
        Felt fb = Felt.of(b);
        assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(fa.compareTo(fb)));
        assertEquals(a.equals(b), fa.equals(fb));
        if (a.equals(b)) {
          assertEquals(fa.hashCode(), fb.hashCode());
        }
      }
    }
    assertNotEquals(Felt.ONE, (Object) "1");
  }

  @Test
  void rootsOfUnityHaveExactOrder() {
    assertTrue(Felt.rootOfUnity(0).isOne());
    assertEquals(Felt.of(-1), Felt.rootOfUnity(1));
    for (int k = 1; k <= Felt.TWO_ADICITY; k++) {
      Felt w = Felt.rootOfUnity(k);
      BigInteger order = BigInteger.ONE.shiftLeft(k);
      assertTrue(w.pow(order).isOne(), "w^(2^k) = 1 for k=" + k);
      assertFalse(w.pow(order.shiftRight(1)).isOne(), "primitive for k=" + k);
      assertEquals(Felt.rootOfUnity(k - 1), w.square());
    }
    BigInteger expected =
        BigInteger.valueOf(3).modPow(P.subtract(BigInteger.ONE).shiftRight(Felt.TWO_ADICITY), P);
    assertEquals(expected, Felt.rootOfUnity(Felt.TWO_ADICITY).toBigInteger());
    assertThrows(IllegalArgumentException.class, () -> Felt.rootOfUnity(-1));
    assertThrows(IllegalArgumentException.class, () -> Felt.rootOfUnity(193));
  }

  @Test
  void squareRoots() {
    BigInteger half = P.subtract(BigInteger.ONE).shiftRight(1);
    int residues = 0;
    int nonResidues = 0;
    for (BigInteger a : samples(7, 40)) {
      Felt fa = Felt.of(a);
      Optional<Felt> r = fa.sqrt();
      boolean isResidue = a.signum() == 0 || a.modPow(half, P).equals(BigInteger.ONE);
      assertEquals(isResidue, r.isPresent(), "residuosity of " + a);
      if (r.isPresent()) {
        residues++;
        assertEquals(fa, r.get().square());
        assertTrue(r.get().toBigInteger().compareTo(half) <= 0);
        // the square of any element has a root
        Felt sq = fa.square();
        assertEquals(sq, sq.sqrt().orElseThrow().square());
      } else {
        nonResidues++;
      }
    }
    assertTrue(residues > 5 && nonResidues > 5);
    assertTrue(Felt.GENERATOR.sqrt().isEmpty());
    assertEquals(Felt.ZERO, Felt.ZERO.sqrt().orElseThrow());
    assertEquals(Felt.of(2), Felt.of(4).sqrt().orElseThrow());
  }
}
