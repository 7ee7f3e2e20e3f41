package io.cairn.client.rpc;

import java.time.Instant;
import java.util.List;

/**
 * One lease in a scheduler reply (docs/donor-protocol.md).
 *
 * @param leaseId the opaque lease id
 * @param kind EXECUTE_AND_PROVE, EXECUTE or PROVE
 * @param inputGroupId the input group
 * @param programId the program
 * @param programUrl where to download the program file (relative to the server)
 * @param programSha256 hex sha256 of the file
 * @param programSignature base64 Ed25519 signature of {@code "cairn-program-v1:" + sha256}
 * @param input the input felts, decimal
 * @param maxSteps the step limit
 * @param deadline the lease deadline
 * @param uploadUrl where the proof (or trace) goes
 * @param traceUrl for PROVE leases, the trace to prove; else null
 */
public record Lease(
    String leaseId,
    String kind,
    long inputGroupId,
    long programId,
    String programUrl,
    String programSha256,
    String programSignature,
    List<String> input,
    long maxSteps,
    Instant deadline,
    String uploadUrl,
    String traceUrl) {}
