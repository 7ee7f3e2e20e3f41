package io.cairn.segment;

import java.util.Objects;

/**
 * One ready job as the feeder places it in a slot: what the scheduler needs to pick it and to build
 * a lease. The input felts themselves are not here; the scheduler's one conditional write ({@code
 * UPDATE input_group … RETURNING input}) returns them.
 *
 * @param inputGroupId the {@code input_group.id}
 * @param programId the {@code program.id}
 * @param priority higher runs first
 * @param kind what the lease will ask for
 * @param maxSteps the VM step limit
 * @param leaseTimeoutSeconds the lease deadline is the claim time plus this
 * @param inputLen the number of input felts (to size work without reading them)
 */
public record SlotEntry(
    long inputGroupId,
    long programId,
    int priority,
    WorkKind kind,
    long maxSteps,
    int leaseTimeoutSeconds,
    int inputLen) {
  public SlotEntry {
    Objects.requireNonNull(kind, "kind");
    if (inputGroupId <= 0 || programId <= 0) {
      throw new IllegalArgumentException("ids must be positive");
    }
  }
}
