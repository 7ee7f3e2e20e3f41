package io.cairn.cairo.vm;

import io.cairn.math.Felt;
import java.util.List;

/**
 * How to run a program: the mode, the job's input felts, limits, whether to record the trace, and
 * where to write checkpoints.
 *
 * @param mode exec or proof mode
 * @param input the input felts, placed in the input segment and passed to {@code main} as {@code
 *     (input_len, input)}; must be empty when {@code main} takes no explicit arguments
 * @param limits step, memory and time limits
 * @param recordTrace whether to record the register trace (needed for trace output and proving)
 * @param checkpoints where to write checkpoints, or null for none
 * @param checkpointInterval steps between checkpoints (ignored without a sink)
 */
public record RunConfig(
    RunMode mode,
    List<Felt> input,
    RunLimits limits,
    boolean recordTrace,
    CheckpointSink checkpoints,
    long checkpointInterval) {

  /** Copies the input and validates. */
  public RunConfig {
    input = List.copyOf(input);
    if (mode == null || limits == null) {
      throw new IllegalArgumentException("mode and limits are required");
    }
    if (checkpoints != null && checkpointInterval <= 0) {
      throw new IllegalArgumentException("checkpointInterval must be positive");
    }
  }

  /** Exec mode, no input, no limits, trace recorded. */
  public static RunConfig exec() {
    return new RunConfig(RunMode.EXEC, List.of(), RunLimits.NONE, true, null, 0);
  }

  /** Proof mode, no input, no limits, trace recorded. */
  public static RunConfig proof() {
    return new RunConfig(RunMode.PROOF, List.of(), RunLimits.NONE, true, null, 0);
  }

  /** This config with the given input felts. */
  public RunConfig withInput(List<Felt> felts) {
    return new RunConfig(mode, felts, limits, recordTrace, checkpoints, checkpointInterval);
  }

  /** This config with the given limits. */
  public RunConfig withLimits(RunLimits l) {
    return new RunConfig(mode, input, l, recordTrace, checkpoints, checkpointInterval);
  }

  /** This config with trace recording on or off. */
  public RunConfig withTrace(boolean record) {
    return new RunConfig(mode, input, limits, record, checkpoints, checkpointInterval);
  }

  /** This config writing a checkpoint to {@code sink} every {@code interval} steps. */
  public RunConfig withCheckpoints(CheckpointSink sink, long interval) {
    return new RunConfig(mode, input, limits, recordTrace, sink, interval);
  }
}
