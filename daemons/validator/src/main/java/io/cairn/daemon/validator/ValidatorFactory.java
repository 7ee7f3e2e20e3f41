package io.cairn.daemon.validator;

import io.cairn.blob.BlobStore;
import io.cairn.daemon.Daemon;
import io.cairn.daemon.DaemonContext;
import io.cairn.daemon.DaemonEnvironment;
import io.cairn.daemon.DaemonFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Builds the {@link Validator} ({@code cairn-daemon validator}) with the one {@link ProofVerifier}
 * on the class path: {@link CairoProofVerifier}, registered by this module. Without exactly one it
 * refuses to start: there is no fallback that accepts proofs.
 */
public final class ValidatorFactory implements DaemonFactory {
  @Override
  public String name() {
    return "validator";
  }

  @Override
  public Daemon create(DaemonEnvironment environment, DaemonContext context) {
    List<ProofVerifier> verifiers = new ArrayList<>();
    ServiceLoader.load(ProofVerifier.class).forEach(verifiers::add);
    return create(environment, context, verifiers);
  }

  /** Builds the validator with the one verifier in {@code verifiers}; refuses none or several. */
  static Validator create(
      DaemonEnvironment environment, DaemonContext context, List<ProofVerifier> verifiers) {
    if (verifiers.size() != 1) {
      throw new IllegalStateException(
          "the validator needs exactly one io.cairn.daemon.validator.ProofVerifier on the class"
              + " path (CairoProofVerifier), found "
              + verifiers.size()
              + "; refusing to start rather than accept unverified proofs");
    }
    return new Validator(
        environment.dsl(),
        context,
        environment.service(BlobStore.class),
        verifiers.get(0),
        ValidatorSettings.from(environment.settings(name(context))));
  }

  private static String name(DaemonContext context) {
    return context.daemon();
  }
}
