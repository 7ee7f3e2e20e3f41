package io.cairn.cairo.vm.builtin;

import io.cairn.cairo.vm.Memory;
import io.cairn.cairo.vm.Relocatable;
import io.cairn.cairo.vm.program.BuiltinName;
import io.cairn.math.Felt;

/**
 * The pedersen builtin: cells in triples (x, y, h); reading an empty h sets it to {@link
 * PedersenHash#hash}(x, y).
 */
public final class PedersenBuiltin implements BuiltinRunner {
  @Override
  public BuiltinName name() {
    return BuiltinName.PEDERSEN;
  }

  @Override
  public int cellsPerInstance() {
    return 3;
  }

  @Override
  public Object deduce(Memory memory, Relocatable address) {
    if (address.offset() % 3 != 2) {
      return null;
    }
    Object x = memory.get(address.add(-2));
    Object y = memory.get(address.add(-1));
    if (x == null || y == null) {
      return null;
    }
    if (!(x instanceof Felt fx) || !(y instanceof Felt fy)) {
      throw new BuiltinViolationException(
          "pedersen: input at " + address.add(-2) + " is a pointer");
    }
    return PedersenHash.hash(fx, fy);
  }
}
