package io.cairn.client.rpc;

import java.util.List;

/**
 * The scheduler RPC's reply.
 *
 * @param leases new work
 * @param acks lease ids whose reports the server processed
 * @param nextRequestDelaySeconds do not call again before this, unless there is something to report
 * @param message a message for the donor, or null
 */
public record SchedulerReply(
    List<Lease> leases, List<String> acks, long nextRequestDelaySeconds, String message) {}
