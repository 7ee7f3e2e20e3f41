package io.cairn.segment;

/** The file is not a work segment of this layout version, or it holds a value that cannot be. */
public final class SegmentFormatException extends RuntimeException {
  public SegmentFormatException(String message) {
    super(message);
  }
}
