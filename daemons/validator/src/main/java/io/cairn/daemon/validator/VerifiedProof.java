package io.cairn.daemon.validator;

/**
 * What a verified proof proved.
 *
 * @param steps the number of Cairo steps the proof covers (credit is proportional to it)
 * @param securityBits the conjectured security of the proof's options
 */
public record VerifiedProof(long steps, int securityBits) {}
