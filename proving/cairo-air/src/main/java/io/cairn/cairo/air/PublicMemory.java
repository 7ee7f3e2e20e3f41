package io.cairn.cairo.air;

import io.cairn.math.Felt;
import java.util.ArrayList;
import java.util.List;

/**
 * The memory cells a verifier knows in advance, rebuilt from the statement alone (never taken from
 * the prover): the program, the initial stack, the input, the output, and main's returned builtin
 * pointers. The prover injects them through dummy (0, 0) accesses; the memory product's final value
 * then depends on them, so a proof binds every one.
 *
 * <ul>
 *   <li>program word i at {@code 1 + i};
 *   <li>the initial stack at the execution base e: {@code [e] = e + 2}, {@code [e+1] = 0}, then the
 *       builtin segments' bases, then {@code input_len} and the input pointer when main takes
 *       input;
 *   <li>input felt i at the input base + i; output felt i at the output base + i;
 *   <li>main's returned builtin pointers at {@code ap_final − nb + k}: each builtin segment's end,
 *       the output's being {@code output base + |output|}, which fixes the output's length.
 * </ul>
 */
public final class PublicMemory {

  private PublicMemory() {}

  /** The public cells of a validated statement, in the order above. */
  public static List<MemoryCell> of(CairoStatement statement) {
    ProvableProgram program = statement.program();
    List<MemoryCell> cells = new ArrayList<>();
    List<Felt> code = program.bytecode();
    for (int i = 0; i < code.size(); i++) {
      cells.add(new MemoryCell(1 + i, code.get(i)));
    }
    long e = statement.claim().segments().get(1).base();
    List<Segment> builtins = new ArrayList<>();
    for (String b : program.builtins()) {
      builtins.add(statement.segment(b).orElseThrow());
    }
    List<Felt> stack = new ArrayList<>(List.of(Felt.of(e + 2), Felt.ZERO));
    for (Segment b : builtins) {
      stack.add(Felt.of(b.base()));
    }
    Segment input = statement.segment("input").orElse(null);
    if (program.takesInput()) {
      stack.add(Felt.of(statement.input().size()));
      stack.add(Felt.of(input.base()));
    }
    for (int i = 0; i < stack.size(); i++) {
      cells.add(new MemoryCell(e + i, stack.get(i)));
    }
    if (program.takesInput()) {
      addAll(cells, input.base(), statement.input());
    }
    statement.segment("output").ifPresent(o -> addAll(cells, o.base(), statement.output()));
    long returned = statement.claim().apFinal() - builtins.size();
    for (int k = 0; k < builtins.size(); k++) {
      cells.add(new MemoryCell(returned + k, Felt.of(builtins.get(k).end())));
    }
    return cells;
  }

  /**
   * The memory product's required final value, {@code z^|PM| / Π (z − (a + α·v))} over the public
   * cells: the dummies contribute z each on the unsorted side, the real cells appear on the sorted
   * side.
   */
  public static Felt productTarget(List<MemoryCell> cells, Felt z, Felt alpha) {
    Felt denominator = Felt.ONE;
    for (MemoryCell c : cells) {
      denominator = denominator.mul(z.sub(Felt.of(c.address()).add(alpha.mul(c.value()))));
    }
    return z.pow(cells.size()).mul(denominator.inverse());
  }

  private static void addAll(List<MemoryCell> cells, long base, List<Felt> values) {
    for (int i = 0; i < values.size(); i++) {
      cells.add(new MemoryCell(base + i, values.get(i)));
    }
  }
}
