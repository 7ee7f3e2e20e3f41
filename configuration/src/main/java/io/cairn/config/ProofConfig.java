package io.cairn.config;

/**
 * What the validator demands of a proof ({@code proof.*}).
 *
 * @param minSecurityBits {@code proof.min-security-bits}: proofs whose options give fewer
 *     conjectured bits of security are rejected (the default preset gives about 128, the benchmark
 *     preset 100)
 */
public record ProofConfig(int minSecurityBits) {
  static ProofConfig read(SettingsReader settings) {
    return new ProofConfig(settings.integer("proof.min-security-bits", 80, 256));
  }
}
