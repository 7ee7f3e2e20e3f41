package io.cairn.orgcli.model;

import java.util.List;

/**
 * An input group: one job of a program. {@code input} (decimal felts) is present only when one
 * group is fetched; lists give {@code inputLen}.
 */
public record InputGroup(
    long id,
    long programId,
    String name,
    String state,
    int inputLen,
    int priority,
    int attempts,
    int maxAttempts,
    long maxSteps,
    int leaseTimeoutSeconds,
    String errorReason,
    String createdAt,
    String updatedAt,
    List<String> input) {}
