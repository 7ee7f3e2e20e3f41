package io.cairn.cairo.vm;

import io.cairn.cairo.vm.builtin.BuiltinRunner;
import io.cairn.cairo.vm.hint.HintRuntime;
import io.cairn.cairo.vm.program.CairoProgram;
import io.cairn.cairo.vm.program.Identifier;
import io.cairn.math.Felt;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** Creates a run's segments, loads the program, builds the initial stack and sets the registers. */
final class RunInitializer {
  private RunInitializer() {}

  static CairoRunner initialize(CairoProgram program, RunConfig config, LongSupplier clock) {
    boolean explicitInput = takesInput(program, config);
    Memory memory = new Memory(config.limits().maxMemoryCells());
    List<String> names = new ArrayList<>();
    int programSeg = memory.addSegment();
    names.add("program");
    int execSeg = memory.addSegment();
    names.add("execution");
    List<Object> builtinBases = new ArrayList<>();
    int outputSeg = -1;
    for (BuiltinRunner b : CairoRunner.builtinRunners(program)) {
      int seg = memory.addSegment();
      memory.attachBuiltin(seg, b);
      names.add(b.name().programName());
      builtinBases.add(new Relocatable(seg, 0));
      if (b.name() == io.cairn.cairo.vm.program.BuiltinName.OUTPUT) {
        outputSeg = seg;
      }
    }
    int inputSeg = -1;
    if (explicitInput) {
      inputSeg = memory.addSegment();
      names.add("input");
      for (int i = 0; i < config.input().size(); i++) {
        memory.insert(inputSeg, i, config.input().get(i));
      }
    }
    int returnFpSeg = -1;
    int endSeg = -1;
    if (config.mode() == RunMode.EXEC) {
      returnFpSeg = memory.addSegment();
      names.add("return_fp");
      endSeg = memory.addSegment();
      names.add("end");
    }
    List<Felt> data = program.data();
    for (int i = 0; i < data.size(); i++) {
      memory.insert(programSeg, i, data.get(i));
    }

    List<Object> stack = new ArrayList<>();
    Relocatable pc;
    if (config.mode() == RunMode.EXEC) {
      int main =
          program
              .mainPc()
              .orElseThrow(() -> new ProgramInterfaceException("program has no main function"));
      stack.addAll(builtinBases);
      if (explicitInput) {
        stack.add(Felt.of(config.input().size()));
        stack.add(new Relocatable(inputSeg, 0));
      }
      stack.add(new Relocatable(returnFpSeg, 0));
      stack.add(new Relocatable(endSeg, 0));
      pc = new Relocatable(programSeg, main);
    } else {
      int start =
          program
              .startPc()
              .orElseThrow(() -> new ProgramInterfaceException("proof mode needs __start__"));
      program.endPc().orElseThrow(() -> new ProgramInterfaceException("proof mode needs __end__"));
      stack.add(new Relocatable(execSeg, 2));
      stack.add(Felt.ZERO);
      stack.addAll(builtinBases);
      if (explicitInput) {
        stack.add(Felt.of(config.input().size()));
        stack.add(new Relocatable(inputSeg, 0));
      }
      pc = new Relocatable(programSeg, start);
    }
    for (int i = 0; i < stack.size(); i++) {
      memory.insert(execSeg, i, stack.get(i));
    }
    Relocatable apFp = new Relocatable(execSeg, config.mode() == RunMode.EXEC ? stack.size() : 2);
    HintRuntime hints = program.hints().isEmpty() ? null : new HintRuntime(program);
    CairoRunner runner =
        new CairoRunner(
            program,
            config,
            clock,
            memory,
            hints,
            names,
            new CairoRunner.SpecialSegments(outputSeg, inputSeg, returnFpSeg, endSeg));
    runner.vm.setRegisters(pc, apFp, apFp);
    runner.initialPc = pc;
    runner.initialAp = apFp;
    return runner;
  }

  /**
   * Whether main takes Cairn's explicit {@code (input_len, input)}: exactly two explicit arguments.
   * A main without explicit arguments must get no input.
   */
  private static boolean takesInput(CairoProgram program, RunConfig config) {
    String args = program.mainScope() + ".main.Args";
    int size = program.identifier(args).orElse(null) instanceof Identifier.Struct s ? s.size() : 0;
    if (size == 0) {
      if (!config.input().isEmpty()) {
        throw new ProgramInterfaceException(
            "input was given but main takes no explicit arguments (expected (input_len, input))");
      }
      return false;
    }
    if (size != 2) {
      throw new ProgramInterfaceException(
          "main's explicit arguments must be (input_len: felt, input: felt*), found "
              + size
              + " cells");
    }
    return true;
  }
}
