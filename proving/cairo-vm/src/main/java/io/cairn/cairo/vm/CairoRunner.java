package io.cairn.cairo.vm;

import io.cairn.cairo.vm.builtin.BuiltinRunner;
import io.cairn.cairo.vm.hint.HintRuntime;
import io.cairn.cairo.vm.program.BuiltinName;
import io.cairn.cairo.vm.program.CairoProgram;
import io.cairn.math.Felt;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Runs a {@link CairoProgram} to completion in exec or proof mode and returns an {@link
 * ExecutionResult}.
 *
 * <p>Segment order (it fixes the relocated addresses): 0 program, 1 execution, one segment per
 * declared builtin in the program's order, then the <b>input segment</b> (only when {@code main}
 * takes Cairn's explicit arguments {@code (input_len, input)}), then in exec mode the return-fp and
 * end segments, then segments created by hints in creation order. A {@code main} without explicit
 * arguments therefore runs exactly as cairo-run runs it.
 *
 * <p>Usage: {@code CairoRunner.run(program, RunConfig.exec())}; or {@link #start} then {@link
 * #run()}, or {@link #resume} from a checkpoint written by a {@link CheckpointSink}.
 */
public final class CairoRunner {
  private final CairoProgram program;
  private final RunConfig config;
  private final LongSupplier nanoClock;
  final Memory memory;
  final CairoVm vm;
  final HintRuntime hints;
  final List<String> segmentNames;
  final SpecialSegments special;
  private final long endPc;
  Relocatable initialPc;
  Relocatable initialAp;

  /** Indices of the segments the runner creates itself (-1 when absent). */
  record SpecialSegments(int output, int input, int returnFp, int end) {}

  CairoRunner(
      CairoProgram program,
      RunConfig config,
      LongSupplier nanoClock,
      Memory memory,
      HintRuntime hints,
      List<String> segmentNames,
      SpecialSegments special) {
    this.program = program;
    this.config = config;
    this.nanoClock = nanoClock;
    this.memory = memory;
    this.hints = hints;
    this.segmentNames = segmentNames;
    this.special = special;
    this.vm =
        new CairoVm(
            memory, program.data().size(), config.recordTrace() ? new Trace() : null, hints);
    this.endPc =
        config.mode() == RunMode.PROOF
            ? program
                .endPc()
                .orElseThrow(() -> new ProgramInterfaceException("proof mode needs __end__"))
            : -1;
  }

  /** Loads nothing and runs {@code program} to the end. */
  public static ExecutionResult run(CairoProgram program, RunConfig config) {
    return start(program, config).run();
  }

  /** Prepares a run: segments, initial stack, registers. */
  public static CairoRunner start(CairoProgram program, RunConfig config) {
    return start(program, config, System::nanoTime);
  }

  /** Prepares a run with an injected nanosecond clock for the wall-clock limit. */
  public static CairoRunner start(CairoProgram program, RunConfig config, LongSupplier nanoClock) {
    return RunInitializer.initialize(program, config, nanoClock);
  }

  /**
   * Restores a run from a checkpoint written during a run of the same program with the same config
   * (the sink and limits may differ); running it on produces the same trace and memory.
   */
  public static CairoRunner resume(CairoProgram program, RunConfig config, InputStream checkpoint)
      throws IOException {
    return resume(program, config, checkpoint, System::nanoTime);
  }

  /**
   * {@link #resume(CairoProgram, RunConfig, InputStream)} with an injected nanosecond clock, which
   * the run probes every {@link RunLimits#clockCheckInterval()} steps as a fresh one does (a host
   * uses it as a pause point).
   */
  public static CairoRunner resume(
      CairoProgram program, RunConfig config, InputStream checkpoint, LongSupplier nanoClock)
      throws IOException {
    return Checkpoint.read(program, config, nanoClock, checkpoint);
  }

  /** The program. */
  public CairoProgram program() {
    return program;
  }

  /** The configuration. */
  public RunConfig config() {
    return config;
  }

  /** The VM (registers, memory, trace). */
  public CairoVm vm() {
    return vm;
  }

  /** Runs until the mode's end condition and returns the relocated result. */
  public ExecutionResult run() {
    RunLimits limits = config.limits();
    deadline =
        limits.wallClock() == null
            ? Long.MAX_VALUE
            : nanoClock.getAsLong() + limits.wallClock().toNanos();
    if (config.mode() == RunMode.EXEC) {
      int end = special.end();
      while (!vm.pcIs(end, 0)) {
        checkedStep();
      }
    } else {
      while (!endStepDone && !vm.pcIs(0, endPc)) {
        checkedStep();
      }
      if (!endStepDone) {
        endStepDone = true;
        checkedStep();
      }
      while (Long.bitCount(vm.steps()) != 1) {
        checkedStep();
      }
    }
    return ExecutionResult.of(this);
  }

  private long deadline = Long.MAX_VALUE;
  boolean endStepDone;

  private void checkedStep() {
    long s = vm.steps();
    RunLimits limits = config.limits();
    if (s >= limits.maxSteps()) {
      throw new LimitExceededException(
          LimitExceededException.Limit.STEPS, "step limit of " + limits.maxSteps() + " reached");
    }
    if (deadline != Long.MAX_VALUE
        && s % limits.clockCheckInterval() == 0
        && nanoClock.getAsLong() - deadline > 0) {
      throw new LimitExceededException(
          LimitExceededException.Limit.WALL_CLOCK,
          "wall-clock budget of " + limits.wallClock() + " exhausted after " + s + " steps");
    }
    vm.step();
    if (config.checkpoints() != null && vm.steps() % config.checkpointInterval() == 0) {
      writeCheckpoint();
    }
  }

  private void writeCheckpoint() {
    try (OutputStream out = config.checkpoints().open(vm.steps())) {
      Checkpoint.write(this, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint at step " + vm.steps(), e);
    }
  }

  /** The name of segment {@code index}. */
  String segmentName(int index) {
    return index < segmentNames.size() ? segmentNames.get(index) : "hint";
  }

  /** The builtin segment indices by name, in program order. */
  static List<BuiltinRunner> builtinRunners(CairoProgram program) {
    List<BuiltinRunner> runners = new ArrayList<>();
    for (BuiltinName b : program.builtins()) {
      runners.add(BuiltinRunner.of(b));
    }
    return runners;
  }

  /** Felt helper for the initial stack. */
  static Felt felt(long v) {
    return Felt.of(v);
  }
}
