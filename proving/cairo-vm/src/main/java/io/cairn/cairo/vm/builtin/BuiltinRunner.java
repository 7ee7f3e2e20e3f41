package io.cairn.cairo.vm.builtin;

import io.cairn.cairo.vm.Memory;
import io.cairn.cairo.vm.Relocatable;
import io.cairn.cairo.vm.program.BuiltinName;

/**
 * A builtin's rules over its memory segment.
 *
 * <p>Implement two things: {@link #validate}, called on every write into the segment (throw to
 * refuse the value), and {@link #deduce}, called when an instruction reads an empty cell of the
 * segment (return the value the builtin defines there, or null if it defines none yet). Builtins
 * hold no state beyond their segment, so checkpoints need nothing from them.
 */
public interface BuiltinRunner {
  /** Which builtin this is. */
  BuiltinName name();

  /** Cells per builtin instance (1 for output and range_check, 3 for pedersen, ...). */
  int cellsPerInstance();

  /** Checks a value written at {@code address}. */
  default void validate(Relocatable address, Object value) {}

  /** The value the builtin defines at the empty cell {@code address}, or null. */
  default Object deduce(Memory memory, Relocatable address) {
    return null;
  }

  /** The runner for a builtin name. */
  static BuiltinRunner of(BuiltinName name) {
    return switch (name) {
      case OUTPUT -> new OutputBuiltin();
      case RANGE_CHECK -> new RangeCheckBuiltin();
      case BITWISE -> new BitwiseBuiltin();
      case PEDERSEN -> new PedersenBuiltin();
      case POSEIDON -> new PoseidonBuiltin();
      default -> throw new IllegalArgumentException("builtin not supported: " + name);
    };
  }
}
