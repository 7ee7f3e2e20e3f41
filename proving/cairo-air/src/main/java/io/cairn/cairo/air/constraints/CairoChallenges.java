package io.cairn.cairo.air.constraints;

/** The positions of the three permutation challenges, drawn after the main commitment. */
public final class CairoChallenges {

  /** The memory argument's z. */
  public static final int MEMORY_Z = 0;

  /** The memory argument's α, combining address and value as {@code a + α·v}. */
  public static final int MEMORY_ALPHA = 1;

  /** The range-check arguments' z (each argument's product must be 1 on its own). */
  public static final int RANGE_CHECK_Z = 2;

  /** How many challenges the Cairo AIR draws. */
  public static final int COUNT = 3;

  private CairoChallenges() {}
}
