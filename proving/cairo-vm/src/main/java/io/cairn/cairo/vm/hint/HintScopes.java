package io.cairn.cairo.vm.hint;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The stack of hint scopes: dictionaries of variables that hints read and assign. There is one
 * scope at the start; {@code vm_enter_scope} pushes, {@code vm_exit_scope} pops (popping the last
 * one fails). Hints see only the innermost scope.
 */
public final class HintScopes {
  private final Deque<Map<String, Object>> stack = new ArrayDeque<>();

  /** Creates the stack with one empty scope. */
  public HintScopes() {
    stack.push(new HashMap<>());
  }

  /** Pushes a scope holding {@code variables}. */
  public void enter(Map<String, Object> variables) {
    stack.push(new HashMap<>(variables));
  }

  /** Pops the innermost scope. */
  public void exit() {
    if (stack.size() == 1) {
      throw new HintException("vm_exit_scope: cannot leave the main scope");
    }
    stack.pop();
  }

  /** The innermost scope's variables (mutable). */
  public Map<String, Object> current() {
    return stack.peek();
  }

  /** A variable of the innermost scope, failing if it is not set. */
  public Object get(String name) {
    Object v = current().get(name);
    if (v == null && !current().containsKey(name)) {
      throw new HintException("scope variable '" + name + "' is not defined");
    }
    return v;
  }

  /** Sets a variable in the innermost scope. */
  public void put(String name, Object value) {
    current().put(name, value);
  }

  /** The scopes, outermost first (for checkpoints). */
  public java.util.List<Map<String, Object>> outermostFirst() {
    java.util.List<Map<String, Object>> list = new java.util.ArrayList<>(stack);
    java.util.Collections.reverse(list);
    return list;
  }

  /** Replaces the whole stack (restoring a checkpoint), outermost first. */
  public void restore(java.util.List<Map<String, Object>> scopes) {
    stack.clear();
    for (Map<String, Object> s : scopes) {
      stack.push(new HashMap<>(s));
    }
  }
}
