package io.cairn.ops;

import static io.cairn.schema.jooq.Tables.ORGANIZATION;
import static io.cairn.schema.jooq.Tables.PROGRAM;
import static io.cairn.schema.jooq.Tables.WEBHOOK;

import io.cairn.blob.BlobRef;
import io.cairn.blob.BlobStore;
import io.cairn.config.CairnConfig;
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

  /** One organization of the project file. */
  record OrganizationSpec(
      String name,
      String publicName,
      String description,
      List<String> webhooks,
      List<ProgramSpec> programs) {
    OrganizationSpec(String name, String publicName, String description, List<String> webhooks) {
      this(name, publicName, description, webhooks, List.of());
    }
  }

  /**
   * One program of the project file.
   *
   * @param line the line of its {@code program} entry, for messages
   * @param file the compiled program JSON (relative paths are resolved against the project file)
   */
  record ProgramSpec(
      int line,
      String name,
      Path file,
      String description,
      long maxSteps,
      int leaseTimeoutSeconds,
      int maxAttempts) {}

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
      specs = parse(Files.readAllLines(projectFile), projectFile.toAbsolutePath().getParent());
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

  /** Parses a project file whose program paths are relative to the working directory. */
  static List<OrganizationSpec> parse(List<String> lines) {
    return parse(lines, Path.of(""));
  }

  /**
   * Parses the project file; throws with the line number on anything it does not understand.
   * Relative program paths are resolved against {@code base}.
   */
  static List<OrganizationSpec> parse(List<String> lines, Path base) {
    List<OrganizationSpec> out = new ArrayList<>();
    String name = null;
    Map<String, String> fields = new LinkedHashMap<>();
    List<String> hooks = new ArrayList<>();
    List<ProgramSpec> programs = new ArrayList<>();
    String program = null;
    int programLine = 0;
    Map<String, String> programFields = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("organization ") || line.startsWith("program ")) {
        if (program != null) {
          programs.add(programSpec(programLine, program, programFields, base));
          program = null;
        }
      }
      if (line.startsWith("program ")) {
        if (name == null) {
          throw new IllegalArgumentException(
              "line " + (i + 1) + ": a program belongs to an organization: put it after one");
        }
        program = line.substring("program ".length()).strip();
        programLine = i + 1;
        if (program.isEmpty() || program.length() > 100) {
          throw new IllegalArgumentException(
              "line " + (i + 1) + ": program name must be 1 to 100 characters");
        }
        for (ProgramSpec p : programs) {
          if (p.name().equals(program)) {
            throw new IllegalArgumentException(
                "line " + (i + 1) + ": program " + program + " is already on line " + p.line());
          }
        }
        programFields = new LinkedHashMap<>();
        continue;
      }
      if (line.startsWith("organization ")) {
        if (name != null) {
          out.add(spec(name, fields, hooks, programs));
        }
        name = line.substring("organization ".length()).strip();
        if (!name.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
          throw new IllegalArgumentException(
              "line " + (i + 1) + ": organization name '" + name + "' is not [a-z0-9_-]{1,64}");
        }
        fields = new LinkedHashMap<>();
        hooks = new ArrayList<>();
        programs = new ArrayList<>();
        continue;
      }
      int eq = line.indexOf('=');
      if (name == null || eq < 0) {
        throw new IllegalArgumentException(
            "line " + (i + 1) + ": expected 'organization NAME', 'program NAME' or 'key = value'");
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      if (program != null) {
        switch (key) {
          case "file", "description", "max-steps", "lease-timeout", "max-attempts" -> {
            if (programFields.put(key, value) != null) {
              throw new IllegalArgumentException(
                  "line " + (i + 1) + ": program " + program + " has '" + key + "' twice");
            }
            if (key.equals("file") && value.isEmpty()) {
              throw new IllegalArgumentException("line " + (i + 1) + ": file is empty");
            }
          }
          default ->
              throw new IllegalArgumentException(
                  "line "
                      + (i + 1)
                      + ": unknown key '"
                      + key
                      + "' for program "
                      + program
                      + " (file, description, max-steps, lease-timeout, max-attempts;"
                      + " organization keys go before its first program)");
        }
        continue;
      }
      switch (key) {
        case "public-name", "description" -> fields.put(key, value);
        case "webhook" -> {
          if (!value.startsWith("https://") && !value.startsWith("http://")) {
            throw new IllegalArgumentException(
                "line " + (i + 1) + ": webhook must be an http(s) URL");
          }
          hooks.add(value);
        }
        default ->
            throw new IllegalArgumentException(
                "line "
                    + (i + 1)
                    + ": unknown key '"
                    + key
                    + "' (public-name, description, webhook, program)");
      }
    }
    if (program != null) {
      programs.add(programSpec(programLine, program, programFields, base));
    }
    if (name != null) {
      out.add(spec(name, fields, hooks, programs));
    }
    return out;
  }

  private static OrganizationSpec spec(
      String name, Map<String, String> f, List<String> hooks, List<ProgramSpec> programs) {
    return new OrganizationSpec(
        name,
        f.getOrDefault("public-name", name),
        f.getOrDefault("description", ""),
        List.copyOf(hooks),
        List.copyOf(programs));
  }

  private static ProgramSpec programSpec(int line, String name, Map<String, String> f, Path base) {
    String file = f.get("file");
    if (file == null) {
      throw new IllegalArgumentException(
          "line " + line + ": program " + name + " has no 'file = PATH' (the compiled JSON)");
    }
    String description = f.getOrDefault("description", "");
    if (description.length() > 4000) {
      throw new IllegalArgumentException(
          "line " + line + ": program " + name + ": description is longer than 4000 characters");
    }
    // the upload's limits and defaults (ProgramHandlers.upload)
    return new ProgramSpec(
        line,
        name,
        base.resolve(file),
        description,
        number(f, "max-steps", 1, 1L << 40, 1_000_000, line, name),
        (int) number(f, "lease-timeout", 10, 30 * 86400, 3600, line, name),
        (int) number(f, "max-attempts", 1, 100, 5, line, name));
  }

  private static long number(
      Map<String, String> f, String key, long min, long max, long dflt, int line, String name) {
    String value = f.get(key);
    if (value == null) {
      return dflt;
    }
    long n;
    try {
      n = Long.parseLong(value.replace("_", ""));
    } catch (NumberFormatException e) {
      n = Long.MIN_VALUE;
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException(
          "program "
              + name
              + " (line "
              + line
              + "): "
              + key
              + " = '"
              + value
              + "' must be a whole number from "
              + min
              + " to "
              + max);
    }
    return n;
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
