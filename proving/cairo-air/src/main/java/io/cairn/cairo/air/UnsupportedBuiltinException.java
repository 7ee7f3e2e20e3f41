package io.cairn.cairo.air;

import java.util.List;

/**
 * The program declares a builtin whose semantics the Cairo AIR does not constrain (e.g. pedersen,
 * bitwise, poseidon). Such a program may still be executed by the VM but cannot be proven: a proof
 * would say nothing about that builtin's cells.
 */
public final class UnsupportedBuiltinException extends CairoStatementException {

  private final String builtin;

  /** {@code builtin} is not among {@code supported}. */
  public UnsupportedBuiltinException(String builtin, List<String> supported) {
    super("builtin '" + builtin + "' cannot be proven; the Cairo AIR constrains only " + supported);
    this.builtin = builtin;
  }

  /** The refused builtin's name as the program declares it. */
  public String builtin() {
    return builtin;
  }
}
