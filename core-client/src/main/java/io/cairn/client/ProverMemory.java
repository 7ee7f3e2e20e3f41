package io.cairn.client;

import io.cairn.client.state.TaskState;

/**
 * The heap a task's prover is expected to need, so that the CPU scheduler does not start tasks that
 * cannot fit beside each other (the prover, not the client, holds nearly all the memory). From
 * docs/bench/client.md: about 55 KB per trace row at the 128-bit options, garbage included; the
 * trace has the next power of two of the executed steps, or of max_steps before execution.
 */
final class ProverMemory {
  /** Heap per trace row, bytes. */
  static final long BYTES_PER_ROW = 64 * 1024;

  private ProverMemory() {}

  /** Expected peak heap of {@code t}'s prover, bytes. */
  static long estimate(TaskState t) {
    long steps = t.steps > 0 ? t.steps : t.maxSteps;
    long rows = Long.highestOneBit(Math.max(1, steps - 1)) << 1;
    return rows > (1L << 40) / BYTES_PER_ROW ? Long.MAX_VALUE / 4 : rows * BYTES_PER_ROW;
  }
}
