package io.cairn.segment;

/**
 * A slot this process claimed: the job and the state word it holds, needed to {@link
 * SegmentReader#release release} it.
 *
 * @param slot the slot index
 * @param sequence the fill sequence the claim is for
 * @param entry the job
 */
public record Claim(int slot, long sequence, SlotEntry entry) {}
