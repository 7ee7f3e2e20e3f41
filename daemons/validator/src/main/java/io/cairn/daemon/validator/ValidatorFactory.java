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
 * on the class path. Without one it refuses to start: there is no fallback that accepts proofs.
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
    if (verifiers.size() != 1) {
      throw new IllegalStateException(
          "the validator needs exactly one io.cairn.daemon.validator.ProofVerifier on the class"
              + " path (the Cairo verifier adapter), found "
              + verifiers.size()
              + "; refusing to start rather than accept unverified proofs");
    }
    return new Validator(
        environment.dsl(),
        context,
        environment.service(BlobStore.class),
        verifiers.get(0),
        ValidatorSettings.from(environment.settings(name())));
  }
}
