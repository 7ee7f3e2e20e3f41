package io.cairn.cairo.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cairn.cairo.vm.builtin.BuiltinViolationException;
import io.cairn.cairo.vm.builtin.RangeCheckBuiltin;
import io.cairn.math.Felt;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class MemoryTest {
  @Test
  void isWriteOnce() {
    Memory m = new Memory(100);
    int seg = m.addSegment();
    m.insert(seg, 3, Felt.of(7));
    m.insert(seg, 3, Felt.of(7));
    assertThrows(MemoryConflictException.class, () -> m.insert(seg, 3, Felt.of(8)));
    assertThrows(MemoryConflictException.class, () -> m.insert(seg, 3, new Relocatable(seg, 0)));
    assertNull(m.get(seg, 2));
    assertEquals(4, m.usedSize(seg));
    assertEquals(1, m.writtenCells());
  }

  @Test
  void rangeCheckSegmentRefusesLargeValues() {
    Memory m = new Memory(100);
    int seg = m.addSegment();
    m.attachBuiltin(seg, new RangeCheckBuiltin());
    m.insert(seg, 0, Felt.of(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE)));
    assertThrows(
        BuiltinViolationException.class,
        () -> m.insert(seg, 1, Felt.of(BigInteger.ONE.shiftLeft(128))));
    assertThrows(BuiltinViolationException.class, () -> m.insert(seg, 2, Felt.of(-1)));
    assertThrows(BuiltinViolationException.class, () -> m.insert(seg, 3, new Relocatable(0, 0)));
  }

  @Test
  void pointerArithmetic() {
    Relocatable p = new Relocatable(2, 10);
    assertEquals(new Relocatable(2, 7), Arithmetic.add(p, Felt.of(-3)));
    assertEquals(Felt.of(4), Arithmetic.sub(p, new Relocatable(2, 6)));
    assertThrows(InvalidOperationException.class, () -> Arithmetic.sub(p, new Relocatable(3, 6)));
    assertThrows(InvalidOperationException.class, () -> Arithmetic.add(p, p));
    assertThrows(InvalidOperationException.class, () -> Arithmetic.mul(p, Felt.ONE));
    assertThrows(InvalidOperationException.class, () -> Arithmetic.add(p, Felt.of(-11)));
  }
}
