package io.cairn.orgcli.model;

import java.util.List;

/**
 * A validated result: the output (decimal felts) of an input group, proven by a STARK proof the
 * server checked. {@code leaseToken} is the lease token (the "lease id" of the proof statement) the
 * proof is bound to, when the server reports it (needed to re-verify the proof locally).
 */
public record Result(
    long resultId,
    long inputGroupId,
    String inputGroupName,
    long programId,
    List<String> output,
    long steps,
    int securityBits,
    String validatedAt,
    String proofUrl,
    String leaseToken) {}
