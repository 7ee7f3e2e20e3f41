package io.cairn.segment;

/** What a lease asks a host to do; the same names as the {@code lease.kind} column. */
public enum WorkKind {
  EXECUTE_AND_PROVE(0),
  EXECUTE(1),
  PROVE(2);

  private final int code;

  WorkKind(int code) {
    this.code = code;
  }

  /** The number stored in a slot. */
  public int code() {
    return code;
  }

  /** The kind stored as {@code code}. */
  public static WorkKind ofCode(int code) {
    for (WorkKind k : values()) {
      if (k.code == code) {
        return k;
      }
    }
    throw new SegmentFormatException("unknown work kind code " + code);
  }
}
