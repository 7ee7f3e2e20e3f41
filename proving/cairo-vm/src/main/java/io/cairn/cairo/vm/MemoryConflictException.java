package io.cairn.cairo.vm;

/** A write of a different value to a memory cell that already holds one (memory is write-once). */
public final class MemoryConflictException extends VmException {
  /** Creates the failure for the cell at {@code address}. */
  public MemoryConflictException(Relocatable address, Object existing, Object attempted) {
    super("memory cell " + address + " already holds " + existing + "; cannot write " + attempted);
  }
}
