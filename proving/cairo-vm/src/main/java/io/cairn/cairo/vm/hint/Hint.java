package io.cairn.cairo.vm.hint;

/** A natively implemented hint: what one known hint code string does. */
@FunctionalInterface
public interface Hint {
  /** Runs the hint. */
  void execute(HintContext ctx);
}
