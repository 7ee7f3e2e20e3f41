package io.cairn.cairo.vm.hint;

import io.cairn.cairo.vm.CairoVm;
import io.cairn.cairo.vm.HintExecutor;
import io.cairn.cairo.vm.program.CairoProgram;
import io.cairn.cairo.vm.program.HintSite;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a program's hints natively. Each hint site is bound at construction to the implementation of
 * its exact code string; the scopes (and the dict manager inside them) live here for the whole run.
 */
public final class HintRuntime implements HintExecutor {
  private static final Map<String, Hint> IMPLEMENTATIONS = implementations();

  private final CairoProgram program;
  private final Map<Integer, List<HintSite>> sites;
  private final Map<Integer, Hint[]> bound = new HashMap<>();
  private final Map<Integer, ReferenceExpression> parsed = new HashMap<>();
  private HintScopes scopes = new HintScopes();

  /**
   * Binds every hint of {@code program} to its implementation.
   *
   * @throws HintException if a hint's code has no implementation
   */
  public HintRuntime(CairoProgram program) {
    this.program = program;
    this.sites = program.hints();
    for (Map.Entry<Integer, List<HintSite>> e : sites.entrySet()) {
      Hint[] impls = new Hint[e.getValue().size()];
      for (int i = 0; i < impls.length; i++) {
        String code = e.getValue().get(i).code();
        String name =
            HintCatalog.nameOf(code)
                .orElseThrow(() -> new HintException("unknown hint at pc " + e.getKey()));
        impls[i] = IMPLEMENTATIONS.get(name);
        if (impls[i] == null) {
          throw new HintException("hint " + name + " at pc " + e.getKey() + " is not implemented");
        }
      }
      bound.put(e.getKey(), impls);
    }
  }

  private static Map<String, Hint> implementations() {
    Map<String, Hint> table = new HashMap<>();
    ScopeHints.register(table);
    MathHints.register(table);
    AssertLeFeltHints.register(table);
    SearchHints.register(table);
    DictHints.register(table);
    SquashDictHints.register(table);
    UsortHints.register(table);
    return Map.copyOf(table);
  }

  /** Whether a hint with this catalog name is implemented. */
  static boolean isImplemented(String name) {
    return IMPLEMENTATIONS.containsKey(name);
  }

  @Override
  public boolean hasHints(long pc) {
    return bound.containsKey((int) pc);
  }

  @Override
  public void runHints(CairoVm vm, long pc) {
    List<HintSite> list = sites.get((int) pc);
    Hint[] impls = bound.get((int) pc);
    for (int i = 0; i < impls.length; i++) {
      impls[i].execute(new HintContext(vm, program, list.get(i), scopes, parsed));
    }
  }

  /** The hint scopes (for checkpoints). */
  public HintScopes scopes() {
    return scopes;
  }

  /** Replaces the scopes (restoring a checkpoint). */
  public void restoreScopes(HintScopes restored) {
    this.scopes = restored;
  }
}
