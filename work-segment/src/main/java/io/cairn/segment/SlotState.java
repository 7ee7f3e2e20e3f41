package io.cairn.segment;

/**
 * The state of one slot. Moves: EMPTY → WRITING → PRESENT (feeder fills), PRESENT → CLAIMED
 * (scheduler claims), CLAIMED → EMPTY (scheduler done, or feeder purges a stale claim), PRESENT →
 * EMPTY (feeder purges a job that is no longer ready).
 */
public enum SlotState {
  /** Free for the feeder to fill. */
  EMPTY(0),
  /** The feeder is writing the payload; readers skip it. */
  WRITING(1),
  /** Holds a ready job that a scheduler may claim. */
  PRESENT(2),
  /** A scheduler took the job and is confirming it in the database. */
  CLAIMED(3);

  private final int code;

  SlotState(int code) {
    this.code = code;
  }

  int code() {
    return code;
  }

  static SlotState ofCode(int code) {
    return switch (code) {
      case 0 -> EMPTY;
      case 1 -> WRITING;
      case 2 -> PRESENT;
      case 3 -> CLAIMED;
      default -> throw new SegmentFormatException("unknown slot state code " + code);
    };
  }
}
