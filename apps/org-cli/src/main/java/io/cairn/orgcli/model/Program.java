package io.cairn.orgcli.model;

import java.util.List;
import java.util.Map;

/**
 * A program as the server describes it. {@code inputGroups} (counts by state) is only present when
 * one program is fetched, not in lists.
 */
public record Program(
    long id,
    long organizationId,
    String name,
    String description,
    String sha256,
    String bytecodeHash,
    long sizeBytes,
    List<String> builtins,
    long maxSteps,
    int leaseTimeoutSeconds,
    int maxAttempts,
    boolean executionOnly,
    String createdAt,
    Map<String, Long> inputGroups) {}
