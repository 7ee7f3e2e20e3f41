package io.cairn.cairo.vm.builtin;

import io.cairn.cairo.vm.Memory;
import io.cairn.cairo.vm.Relocatable;
import io.cairn.cairo.vm.program.BuiltinName;
import io.cairn.math.Felt;

/**
 * The bitwise builtin: cells in groups of five (x, y, x&amp;y, x^y, x|y). Reading an empty result
 * cell fills it from x and y, which must be felts below 2^251.
 */
public final class BitwiseBuiltin implements BuiltinRunner {
  @Override
  public BuiltinName name() {
    return BuiltinName.BITWISE;
  }

  @Override
  public int cellsPerInstance() {
    return 5;
  }

  @Override
  public Object deduce(Memory memory, Relocatable address) {
    int index = (int) (address.offset() % 5);
    if (index < 2) {
      return null;
    }
    Relocatable base = address.add(-index);
    Object x = memory.get(base);
    Object y = memory.get(base.add(1));
    if (x == null || y == null) {
      return null;
    }
    byte[] a = operand(x, base);
    byte[] b = operand(y, base.add(1));
    byte[] r = new byte[32];
    for (int i = 0; i < 32; i++) {
      r[i] =
          switch (index) {
            case 2 -> (byte) (a[i] & b[i]);
            case 3 -> (byte) (a[i] ^ b[i]);
            default -> (byte) (a[i] | b[i]);
          };
    }
    return Felt.fromBytesLE(r, 0);
  }

  private static byte[] operand(Object v, Relocatable at) {
    if (!(v instanceof Felt f)) {
      throw new BuiltinViolationException("bitwise: operand at " + at + " is a pointer");
    }
    byte[] le = f.toBytesLE();
    if ((le[31] & 0xF8) != 0) {
      throw new BuiltinViolationException(
          "bitwise: operand " + f + " at " + at + " is not below 2^251");
    }
    return le;
  }
}
