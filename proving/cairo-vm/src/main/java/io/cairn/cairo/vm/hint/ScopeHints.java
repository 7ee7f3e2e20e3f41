package io.cairn.cairo.vm.hint;

import io.cairn.math.Felt;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/** Segment and scope hints: alloc, vm_enter/exit_scope, the memcpy and memset loops, printing. */
final class ScopeHints {
  private ScopeHints() {}

  static void register(Map<String, Hint> table) {
    table.put("ADD_SEGMENT", ctx -> ctx.memory().insert(ctx.ap(), ctx.addSegment()));
    table.put("VM_ENTER_SCOPE", ctx -> ctx.scopes().enter(Map.of()));
    table.put("VM_EXIT_SCOPE", ctx -> ctx.scopes().exit());
    table.put("MEMCPY_ENTER_SCOPE", ctx -> enterWithN(ctx, "len"));
    table.put("MEMSET_ENTER_SCOPE", ctx -> enterWithN(ctx, "n"));
    table.put("MEMCPY_CONTINUE_COPYING", ctx -> countDown(ctx, "continue_copying"));
    table.put("MEMSET_CONTINUE_LOOP", ctx -> countDown(ctx, "continue_loop"));
    // Printing has no effect on the run: the program's result is its output segment only.
    table.put("PRINT_FELT", ctx -> {});
    table.put("PRINT_ARR", ctx -> {});
    table.put("PRINT_DICT", ctx -> {});
  }

  private static void enterWithN(HintContext ctx, String id) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("n", ctx.integer(id));
    ctx.scopes().enter(vars);
  }

  private static void countDown(HintContext ctx, String flag) {
    Object n = ctx.scopes().get("n");
    if (!(n instanceof BigInteger count)) {
      throw new HintException("scope variable n is not an integer");
    }
    BigInteger next = count.subtract(BigInteger.ONE);
    ctx.scopes().put("n", next);
    ctx.set(flag, next.signum() > 0 ? Felt.ONE : Felt.ZERO);
  }
}
