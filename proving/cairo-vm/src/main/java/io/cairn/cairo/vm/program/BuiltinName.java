package io.cairn.cairo.vm.program;

import java.util.Optional;

/**
 * The builtins a Cairo 0 program can declare with {@code %builtins}, in cairo-lang's canonical
 * order. Only some are supported by the Cairn VM; the loader refuses the rest.
 */
public enum BuiltinName {
  OUTPUT("output", true),
  PEDERSEN("pedersen", true),
  RANGE_CHECK("range_check", true),
  ECDSA("ecdsa", false),
  BITWISE("bitwise", true),
  EC_OP("ec_op", false),
  KECCAK("keccak", false),
  POSEIDON("poseidon", true);

  private final String programName;
  private final boolean supported;

  BuiltinName(String programName, boolean supported) {
    this.programName = programName;
    this.supported = supported;
  }

  /** The name as written in the program's {@code builtins} list, e.g. {@code range_check}. */
  public String programName() {
    return programName;
  }

  /** Whether the Cairn VM implements this builtin. */
  public boolean supported() {
    return supported;
  }

  /** The builtin called {@code name} in a program's {@code builtins} list, if any. */
  public static Optional<BuiltinName> fromProgramName(String name) {
    for (BuiltinName b : values()) {
      if (b.programName.equals(name)) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }
}
