package io.cairn.ops;

import static io.cairn.schema.jooq.Tables.ORGANIZATION;
import static io.cairn.schema.jooq.Tables.WEBHOOK;

import io.cairn.config.CairnConfig;
import java.io.IOException;
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
 * </pre>
 *
 * <p>Programs are not added here: they are uploaded through the organization API, which loads them
 * with the Cairo VM, refuses unknown hints and signs them with the server key.
 */
final class Xadd {
  private static final SecureRandom random = new SecureRandom();

  /** One organization of the project file. */
  record OrganizationSpec(
      String name, String publicName, String description, List<String> webhooks) {}

  private Xadd() {}

  static int run(CairnConfig config, List<String> args) {
    if (args.size() != 1) {
      throw new CairnOps.UsageException("xadd: give one project file");
    }
    List<OrganizationSpec> specs;
    try {
      specs = parse(Files.readAllLines(Path.of(args.get(0))));
    } catch (IOException e) {
      System.err.println("cannot read " + args.get(0) + ": " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      System.err.println(args.get(0) + ": " + e.getMessage());
      return 2;
    }
    try (OpsRuntime ops = OpsRuntime.open(config, "cairn-xadd")) {
      ops.database().dsl().transaction(c -> apply(c.dsl(), specs).forEach(System.out::println));
    }
    return 0;
  }

  /** Parses the project file; throws with the line number on anything it does not understand. */
  static List<OrganizationSpec> parse(List<String> lines) {
    List<OrganizationSpec> out = new ArrayList<>();
    String name = null;
    Map<String, String> fields = new LinkedHashMap<>();
    List<String> hooks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("organization ")) {
        if (name != null) {
          out.add(spec(name, fields, hooks));
        }
        name = line.substring("organization ".length()).strip();
        if (!name.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
          throw new IllegalArgumentException(
              "line " + (i + 1) + ": organization name '" + name + "' is not [a-z0-9_-]{1,64}");
        }
        fields = new LinkedHashMap<>();
        hooks = new ArrayList<>();
        continue;
      }
      int eq = line.indexOf('=');
      if (name == null || eq < 0) {
        throw new IllegalArgumentException(
            "line " + (i + 1) + ": expected 'organization NAME' or 'key = value'");
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
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
                    + "' (public-name, description, webhook)");
      }
    }
    if (name != null) {
      out.add(spec(name, fields, hooks));
    }
    return out;
  }

  private static OrganizationSpec spec(String name, Map<String, String> f, List<String> hooks) {
    return new OrganizationSpec(
        name,
        f.getOrDefault("public-name", name),
        f.getOrDefault("description", ""),
        List.copyOf(hooks));
  }

  /** Adds or updates each organization and webhook; returns one report line per change. */
  static List<String> apply(DSLContext tx, List<OrganizationSpec> specs) {
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
    }
    return report;
  }
}
