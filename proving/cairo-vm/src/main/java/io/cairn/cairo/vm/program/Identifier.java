package io.cairn.cairo.vm.program;

import java.math.BigInteger;
import java.util.Map;

/** One entry of a compiled program's {@code identifiers} table. */
public sealed interface Identifier {

  /** A function; its code starts at {@code pc}. */
  record Function(int pc) implements Identifier {}

  /** A label at {@code pc}. */
  record Label(int pc) implements Identifier {}

  /** A compile-time constant (may be negative; reduce mod P to use it as a felt). */
  record Const(BigInteger value) implements Identifier {}

  /** A struct: named members at fixed offsets, and its size in cells. */
  record Struct(String fullName, Map<String, Member> members, int size) implements Identifier {
    /** Makes an immutable copy of the members. */
    public Struct {
      members = Map.copyOf(members);
    }
  }

  /** A struct member. */
  record Member(int offset, String cairoType) {}

  /** Another name for {@code destination}. */
  record Alias(String destination) implements Identifier {}

  /** A reference (a variable); its value comes from the reference manager. */
  record ReferenceDef(String fullName, String cairoType) implements Identifier {}

  /** A named type. */
  record TypeDefinition(String cairoType) implements Identifier {}

  /** Any other identifier kind (namespace, scope): kept by its kind only. */
  record Other(String type) implements Identifier {}
}
