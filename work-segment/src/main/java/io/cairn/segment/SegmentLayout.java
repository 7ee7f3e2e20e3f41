package io.cairn.segment;

/**
 * The one definition of the work segment's byte layout: a header followed by fixed-size slots.
 *
 * <p>All numbers are in the platform's native byte order (the file never leaves the host that maps
 * it). Every field that is read or written atomically is 8-byte aligned.
 *
 * <pre>
 * header (128 bytes)
 *   0  long  magic            "CAIRNSEG" as ASCII
 *   8  int   version          {@link #VERSION}
 *  12  int   slot count
 *  16  int   slot size        {@link #SLOT_SIZE}
 *  20  int   (reserved)
 *  24  long  generation       bumped by every {@link SegmentWriter#open rebuild}
 *  32  long  last refresh     epoch millis of the feeder's last pass
 *  40  int   instance id length (bytes)
 *  44  byte[{@value #INSTANCE_ID_MAX}] instance id (UTF-8), the feeder's {@code cached_by} value
 *
 * slot i at HEADER_SIZE + i * SLOT_SIZE (64 bytes)
 *   0  long  state word        (sequence &lt;&lt; 8) | state, changed only by compare-and-set
 *   8  long  input group id
 *  16  long  program id
 *  24  long  max steps
 *  32  int   priority
 *  36  int   kind              {@link WorkKind#code()}
 *  40  int   lease timeout seconds
 *  44  int   input length (felts)
 *  48  long  filled at         epoch millis, written by the feeder
 *  56  long  claimed at        epoch millis, written by the claimer after a successful claim
 * </pre>
 *
 * <p>The sequence in the state word increases every time a slot is filled, so a reader that saw
 * {@code PRESENT} with sequence {@code s} and then succeeds in its compare-and-set from {@code (s,
 * PRESENT)} knows the payload it read belongs to this very fill (no ABA).
 */
public final class SegmentLayout {
  private SegmentLayout() {}

  /** "CAIRNSEG" in ASCII, as a big-endian long. */
  public static final long MAGIC = 0x434149524E534547L;

  /** Bumped on any incompatible change of this layout. */
  public static final int VERSION = 1;

  public static final int HEADER_SIZE = 128;
  public static final int SLOT_SIZE = 64;
  public static final int INSTANCE_ID_MAX = 80;

  // header offsets
  static final int H_MAGIC = 0;
  static final int H_VERSION = 8;
  static final int H_SLOT_COUNT = 12;
  static final int H_SLOT_SIZE = 16;
  static final int H_GENERATION = 24;
  static final int H_LAST_REFRESH = 32;
  static final int H_INSTANCE_LEN = 40;
  static final int H_INSTANCE = 44;

  // slot offsets
  static final int S_STATE = 0;
  static final int S_INPUT_GROUP = 8;
  static final int S_PROGRAM = 16;
  static final int S_MAX_STEPS = 24;
  static final int S_PRIORITY = 32;
  static final int S_KIND = 36;
  static final int S_LEASE_TIMEOUT = 40;
  static final int S_INPUT_LEN = 44;
  static final int S_FILLED_AT = 48;
  static final int S_CLAIMED_AT = 56;

  /** The largest number of slots a segment may have (keeps the file under 64 MiB). */
  public static final int MAX_SLOTS = 1 << 20;

  /** The file size of a segment with {@code slotCount} slots. */
  public static long fileSize(int slotCount) {
    return HEADER_SIZE + (long) slotCount * SLOT_SIZE;
  }

  static int slotOffset(int slot) {
    return HEADER_SIZE + slot * SLOT_SIZE;
  }

  static long stateWord(long sequence, SlotState state) {
    return (sequence << 8) | state.code();
  }

  static long sequenceOf(long word) {
    return word >>> 8;
  }

  static SlotState stateOf(long word) {
    return SlotState.ofCode((int) (word & 0xFF));
  }
}
