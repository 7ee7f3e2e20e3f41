package io.cairn.segment;

import java.time.Instant;

/**
 * What the header says about the feeder that owns the segment.
 *
 * @param slotCount the number of slots
 * @param generation bumped each time a feeder (re)builds the segment
 * @param instanceId the feeder instance ({@code input_group.cached_by})
 * @param lastRefresh the end of the feeder's last pass, or the epoch if never
 */
public record SegmentHeader(
    int slotCount, long generation, String instanceId, Instant lastRefresh) {}
