package io.cairn.ops;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project file {@code bin/xadd} reads (its format is in {@link Xadd}'s description and
 * docs/operations.md): organizations with their keys, webhooks and programs. Parsing checks
 * everything and names the line of the first problem; nothing here touches the database.
 */
final class ProjectFile {
  private ProjectFile() {}

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
}
