package io.cairn.ops;

import static io.cairn.schema.jooq.Tables.ORGANIZATION;
import static io.cairn.schema.jooq.Tables.PROGRAM;
import static io.cairn.schema.jooq.Tables.WEBHOOK;

import io.cairn.blob.BlobRef;
import io.cairn.blob.BlobStore;
import io.cairn.config.CairnConfig;
import io.cairn.ops.ProjectFile.OrganizationSpec;
import io.cairn.ops.ProjectFile.ProgramSpec;
import io.cairn.server.ConfiguredSettings;
import io.cairn.server.auth.ServerKey;
import io.cairn.server.program.ProgramFiles;
import io.cairn.server.program.ProgramRepository;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * {@code bin/xadd <project-file>}: adds the organizations described in a project file, and their
 * webhooks, or updates them; running it twice changes nothing (BOINC's {@code xadd}). A new
 * organization gets a fresh random webhook secret, printed once.
 *
 * <pre>
 * # project.conf
 * organization acme
 *   public-name = Acme Research
 *   description = Protein folding heuristics
 *   webhook = https://acme.example.org/cairn-hook
 *   program collatz
 *     file = programs/collatz.json
 *     description = Collatz stopping times
 *     max-steps = 1000000
 *     lease-timeout = 3600
 *     max-attempts = 5
 * </pre>
 *
 * <p>A program is added exactly as the organization API's upload adds it, with the server's own
 * code: {@link ProgramFiles#check} (the Cairo VM's loader; unknown hints and builtins are refused),
 * the file stored in the blob store under {@code programs}, the row written by {@link
 * ProgramRepository#insert} with the Ed25519 signature of the server's signing key (the key file of
 * {@code server.signing-key-file}, created as the server would create it). A program whose name the
 * organization already has is left alone when its bytecode hash is the same, and refused when it
 * differs: xadd never replaces a program.
 */
final class Xadd {
  private static final SecureRandom random = new SecureRandom();

  private static final String PROGRAM_NAMESPACE = "programs";

  /** A project file xadd cannot apply: the message names the entry and what is wrong. */
  static final class XaddException extends RuntimeException {
    XaddException(String message) {
      super(message);
    }
  }

  /** A program file checked and stored in the blob store, ready to be inserted. */
  record PreparedProgram(ProgramSpec spec, ProgramFiles files, BlobRef blob, byte[] signature) {}

  private Xadd() {}

  static int run(CairnConfig config, List<String> args) {
    if (args.size() != 1) {
      throw new CairnOps.UsageException("xadd: give one project file");
    }
    List<OrganizationSpec> specs;
    Path projectFile = Path.of(args.get(0));
    try {
      specs =
          ProjectFile.parse(
              Files.readAllLines(projectFile), projectFile.toAbsolutePath().getParent());
    } catch (IOException e) {
      System.err.println("cannot read " + args.get(0) + ": " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      System.err.println(args.get(0) + ": " + e.getMessage());
      return 2;
    }
    boolean anyProgram = specs.stream().anyMatch(s -> !s.programs().isEmpty());
    try (OpsRuntime ops = OpsRuntime.open(config, "cairn-xadd")) {
      ServerKey key = anyProgram ? serverKey(config) : null;
      Map<ProgramSpec, PreparedProgram> prepared = new LinkedHashMap<>();
      for (OrganizationSpec org : specs) {
        for (ProgramSpec p : org.programs()) {
          prepared.put(
              p, prepare(p, org.name(), ops.blobs(), key, config.limits().maxProgramBytes()));
        }
      }
      ops.database()
          .dsl()
          .transaction(c -> apply(c.dsl(), specs, prepared).forEach(System.out::println));
    } catch (XaddException e) {
      System.err.println(args.get(0) + ": " + e.getMessage());
      return 2;
    }
    return 0;
  }

  /** The server's signing key, from (or created in) the file the server uses. */
  static ServerKey serverKey(CairnConfig config) {
    return ServerKey.fromSeed(ConfiguredSettings.from(config, false).serverKeySeed());
  }

  /**
   * Reads, validates (as an upload is validated), stores and signs one program file; nothing is
   * written to the database.
   */
  static PreparedProgram prepare(
      ProgramSpec p, String org, BlobStore blobs, ServerKey key, long maxProgramBytes) {
    String where = "line " + p.line() + ": program " + p.name() + " of " + org;
    byte[] bytes;
    try {
      if (Files.size(p.file()) > maxProgramBytes) {
        throw new XaddException(
            where
                + ": "
                + p.file()
                + " is larger than limits.max-program-bytes ("
                + maxProgramBytes
                + ")");
      }
      bytes = Files.readAllBytes(p.file());
    } catch (IOException e) {
      throw new XaddException(where + ": cannot read " + p.file() + ": " + e);
    }
    ProgramFiles checked;
    try {
      checked = ProgramFiles.check(bytes);
    } catch (RuntimeException e) {
      throw new XaddException(where + ": " + p.file() + ": " + e.getMessage());
    }
    BlobRef ref;
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      ref = blobs.put(PROGRAM_NAMESPACE, in, maxProgramBytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store " + p.file() + " in the blob store", e);
    }
    return new PreparedProgram(p, checked, ref, key.signProgram(checked.fileSha256()));
  }

  /** Adds or updates each organization and webhook; returns one report line per change. */
  static List<String> apply(DSLContext tx, List<OrganizationSpec> specs) {
    return apply(tx, specs, Map.of());
  }

  /**
   * Adds or updates each organization and webhook and adds each program ({@code prepared} holds
   * every program of {@code specs}); returns one report line per entry. Throws {@link
   * XaddException} when an organization already has a program of that name with other bytecode.
   */
  static List<String> apply(
      DSLContext tx, List<OrganizationSpec> specs, Map<ProgramSpec, PreparedProgram> prepared) {
    List<String> report = new ArrayList<>();
    for (OrganizationSpec s : specs) {
      Record existing =
          tx.select(ORGANIZATION.ID, ORGANIZATION.PUBLIC_NAME, ORGANIZATION.DESCRIPTION)
              .from(ORGANIZATION)
              .where(ORGANIZATION.NAME.eq(s.name()))
              .forUpdate()
              .fetchOne();
      long id;
      if (existing == null) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String hex = HexFormat.of().formatHex(secret);
        id =
            tx.insertInto(ORGANIZATION)
                .set(ORGANIZATION.NAME, s.name())
                .set(ORGANIZATION.PUBLIC_NAME, s.publicName())
                .set(ORGANIZATION.DESCRIPTION, s.description())
                .set(ORGANIZATION.WEBHOOK_SECRET, hex)
                .onConflict(ORGANIZATION.NAME)
                .doNothing()
                .returning(ORGANIZATION.ID)
                .fetchOne(ORGANIZATION.ID);
        report.add("organization " + s.name() + ": added; webhook secret " + hex);
      } else {
        id = existing.get(ORGANIZATION.ID);
        if (!s.publicName().equals(existing.get(ORGANIZATION.PUBLIC_NAME))
            || !s.description().equals(existing.get(ORGANIZATION.DESCRIPTION))) {
          tx.update(ORGANIZATION)
              .set(ORGANIZATION.PUBLIC_NAME, s.publicName())
              .set(ORGANIZATION.DESCRIPTION, s.description())
              .where(ORGANIZATION.ID.eq(id))
              .execute();
          report.add("organization " + s.name() + ": updated");
        } else {
          report.add("organization " + s.name() + ": unchanged");
        }
      }
      for (String url : s.webhooks()) {
        boolean present =
            tx.fetchExists(WEBHOOK, WEBHOOK.ORGANIZATION_ID.eq(id).and(WEBHOOK.URL.eq(url)));
        if (!present) {
          tx.insertInto(WEBHOOK).set(WEBHOOK.ORGANIZATION_ID, id).set(WEBHOOK.URL, url).execute();
          report.add("  webhook " + url + ": added");
        }
      }
      for (ProgramSpec p : s.programs()) {
        report.add(addProgram(tx, id, s.name(), prepared.get(p)));
      }
    }
    return report;
  }

  private static String addProgram(DSLContext tx, long orgId, String org, PreparedProgram pp) {
    ProgramSpec p = pp.spec();
    String existing =
        tx.select(PROGRAM.BYTECODE_HASH)
            .from(PROGRAM)
            .where(PROGRAM.ORGANIZATION_ID.eq(orgId).and(PROGRAM.NAME.eq(p.name())))
            .forUpdate()
            .fetchOne(PROGRAM.BYTECODE_HASH);
    if (existing != null) {
      if (existing.equals(pp.files().bytecodeHash())) {
        return "  program " + p.name() + ": unchanged";
      }
      throw new XaddException(
          "line "
              + p.line()
              + ": organization "
              + org
              + " already has a program named "
              + p.name()
              + " with bytecode hash "
              + existing
              + ", but "
              + p.file()
              + " has "
              + pp.files().bytecodeHash()
              + "; xadd never replaces a program: give the new one another name");
    }
    long programId =
        new ProgramRepository()
            .insert(
                tx,
                new ProgramRepository.NewProgram(
                    orgId,
                    p.name(),
                    p.description(),
                    pp.files().bytecodeHash(),
                    pp.blob().key().toString(),
                    pp.blob().sizeBytes(),
                    pp.signature(),
                    pp.files().builtins(),
                    p.maxSteps(),
                    p.leaseTimeoutSeconds(),
                    p.maxAttempts(),
                    false));
    return "  program "
        + p.name()
        + ": added (id "
        + programId
        + ", bytecode hash "
        + pp.files().bytecodeHash()
        + ")";
  }
}
