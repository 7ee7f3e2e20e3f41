package io.cairn.cairo.vm;

/**
 * A pointer into VM memory: a segment index and an offset within that segment. Becomes a flat
 * address only at relocation, once every segment's size is known.
 *
 * @param segment segment index, 0 or more
 * @param offset offset within the segment, 0 or more
 */
public record Relocatable(int segment, long offset) {

  /** Validates the components. */
  public Relocatable {
    if (segment < 0) {
      throw new IllegalArgumentException("negative segment index " + segment);
    }
    if (offset < 0) {
      throw new InvalidOperationException(
          "pointer offset would be negative: " + segment + ":" + offset);
    }
  }

  /** This pointer moved by {@code delta} cells. */
  public Relocatable add(long delta) {
    return new Relocatable(segment, offset + delta);
  }

  @Override
  public String toString() {
    return segment + ":" + offset;
  }
}
