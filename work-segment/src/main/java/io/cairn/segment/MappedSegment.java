package io.cairn.segment;

import static io.cairn.segment.SegmentLayout.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The mapped file and the atomic accessors over it; shared by {@link SegmentWriter} and {@link
 * SegmentReader}. Every access to a slot's state word is a volatile read or a compare-and-set
 * through a byte-buffer view {@link VarHandle}, which is atomic across processes mapping the same
 * file.
 */
final class MappedSegment implements AutoCloseable {
  private static final VarHandle LONGS =
      MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
  private static final VarHandle INTS =
      MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

  private final FileChannel channel;
  private final MappedByteBuffer buffer;
  private final int slotCount;

  private MappedSegment(FileChannel channel, MappedByteBuffer buffer, int slotCount) {
    this.channel = channel;
    this.buffer = buffer;
    this.slotCount = slotCount;
  }

  /** Maps an existing segment file and checks its header. */
  static MappedSegment openExisting(Path file) {
    try {
      FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      try {
        long size = ch.size();
        if (size < HEADER_SIZE) {
          throw new SegmentFormatException(file + " is too small to be a work segment");
        }
        MappedByteBuffer buf = ch.map(FileChannel.MapMode.READ_WRITE, 0, size);
        long magic = (long) LONGS.getVolatile(buf, H_MAGIC);
        int version = (int) INTS.getVolatile(buf, H_VERSION);
        int slots = (int) INTS.getVolatile(buf, H_SLOT_COUNT);
        int slotSize = (int) INTS.getVolatile(buf, H_SLOT_SIZE);
        if (magic != MAGIC) {
          throw new SegmentFormatException(file + " is not a work segment (bad magic)");
        }
        if (version != VERSION || slotSize != SLOT_SIZE) {
          throw new SegmentFormatException(
              file
                  + " has layout version "
                  + version
                  + ", slot size "
                  + slotSize
                  + "; this code reads version "
                  + VERSION
                  + ", slot size "
                  + SLOT_SIZE);
        }
        if (slots <= 0 || slots > MAX_SLOTS || fileSize(slots) != size) {
          throw new SegmentFormatException(
              file + " claims " + slots + " slots but is " + size + " bytes long");
        }
        return new MappedSegment(ch, buf, slots);
      } catch (RuntimeException e) {
        ch.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot map the work segment " + file, e);
    }
  }

  /** Creates (or truncates) the file with {@code slotCount} empty slots and a fresh header. */
  static MappedSegment create(Path file, int slotCount) {
    if (slotCount <= 0 || slotCount > MAX_SLOTS) {
      throw new IllegalArgumentException(
          "slot count must be 1.." + MAX_SLOTS + ", was " + slotCount);
    }
    try {
      FileChannel ch =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      ch.truncate(0);
      MappedByteBuffer buf = ch.map(FileChannel.MapMode.READ_WRITE, 0, fileSize(slotCount));
      INTS.setVolatile(buf, H_VERSION, VERSION);
      INTS.setVolatile(buf, H_SLOT_COUNT, slotCount);
      INTS.setVolatile(buf, H_SLOT_SIZE, SLOT_SIZE);
      // magic last: a reader never sees a header without its sizes
      LONGS.setVolatile(buf, H_MAGIC, MAGIC);
      return new MappedSegment(ch, buf, slotCount);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the work segment " + file, e);
    }
  }

  int slotCount() {
    return slotCount;
  }

  void checkSlot(int slot) {
    if (slot < 0 || slot >= slotCount) {
      throw new IndexOutOfBoundsException("slot " + slot + " of " + slotCount);
    }
  }

  long stateWord(int slot) {
    return (long) LONGS.getVolatile(buffer, slotOffset(slot) + S_STATE);
  }

  boolean casState(int slot, long expected, long next) {
    return LONGS.compareAndSet(buffer, slotOffset(slot) + S_STATE, expected, next);
  }

  void setState(int slot, long word) {
    LONGS.setVolatile(buffer, slotOffset(slot) + S_STATE, word);
  }

  void writeEntry(int slot, SlotEntry e, long nowMillis) {
    int o = slotOffset(slot);
    LONGS.set(buffer, o + S_INPUT_GROUP, e.inputGroupId());
    LONGS.set(buffer, o + S_PROGRAM, e.programId());
    LONGS.set(buffer, o + S_MAX_STEPS, e.maxSteps());
    INTS.set(buffer, o + S_PRIORITY, e.priority());
    INTS.set(buffer, o + S_KIND, e.kind().code());
    INTS.set(buffer, o + S_LEASE_TIMEOUT, e.leaseTimeoutSeconds());
    INTS.set(buffer, o + S_INPUT_LEN, e.inputLen());
    LONGS.set(buffer, o + S_FILLED_AT, nowMillis);
    LONGS.set(buffer, o + S_CLAIMED_AT, 0L);
  }

  SlotEntry readEntry(int slot) {
    int o = slotOffset(slot);
    return new SlotEntry(
        (long) LONGS.get(buffer, o + S_INPUT_GROUP),
        (long) LONGS.get(buffer, o + S_PROGRAM),
        (int) INTS.get(buffer, o + S_PRIORITY),
        WorkKind.ofCode((int) INTS.get(buffer, o + S_KIND)),
        (long) LONGS.get(buffer, o + S_MAX_STEPS),
        (int) INTS.get(buffer, o + S_LEASE_TIMEOUT),
        (int) INTS.get(buffer, o + S_INPUT_LEN));
  }

  int priority(int slot) {
    return (int) INTS.get(buffer, slotOffset(slot) + S_PRIORITY);
  }

  int kindCode(int slot) {
    return (int) INTS.get(buffer, slotOffset(slot) + S_KIND);
  }

  long inputGroupId(int slot) {
    return (long) LONGS.getVolatile(buffer, slotOffset(slot) + S_INPUT_GROUP);
  }

  void setClaimedAt(int slot, long millis) {
    LONGS.setVolatile(buffer, slotOffset(slot) + S_CLAIMED_AT, millis);
  }

  long claimedAt(int slot) {
    return (long) LONGS.getVolatile(buffer, slotOffset(slot) + S_CLAIMED_AT);
  }

  long filledAt(int slot) {
    return (long) LONGS.getVolatile(buffer, slotOffset(slot) + S_FILLED_AT);
  }

  void writeHeader(long generation, String instanceId, long lastRefreshMillis) {
    byte[] id = instanceId.getBytes(StandardCharsets.UTF_8);
    if (id.length > INSTANCE_ID_MAX) {
      throw new IllegalArgumentException(
          "instance id longer than " + INSTANCE_ID_MAX + " bytes: " + instanceId);
    }
    for (int i = 0; i < INSTANCE_ID_MAX; i++) {
      buffer.put(H_INSTANCE + i, i < id.length ? id[i] : 0);
    }
    INTS.setVolatile(buffer, H_INSTANCE_LEN, id.length);
    LONGS.setVolatile(buffer, H_LAST_REFRESH, lastRefreshMillis);
    LONGS.setVolatile(buffer, H_GENERATION, generation);
  }

  void setLastRefresh(long millis) {
    LONGS.setVolatile(buffer, H_LAST_REFRESH, millis);
  }

  long generation() {
    return (long) LONGS.getVolatile(buffer, H_GENERATION);
  }

  SegmentHeader header() {
    long generation = generation();
    int len =
        Math.min(Math.max((int) INTS.getVolatile(buffer, H_INSTANCE_LEN), 0), INSTANCE_ID_MAX);
    byte[] id = new byte[len];
    for (int i = 0; i < len; i++) {
      id[i] = buffer.get(H_INSTANCE + i);
    }
    return new SegmentHeader(
        slotCount,
        generation,
        new String(id, StandardCharsets.UTF_8),
        Instant.ofEpochMilli((long) LONGS.getVolatile(buffer, H_LAST_REFRESH)));
  }

  void force() {
    buffer.force();
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
