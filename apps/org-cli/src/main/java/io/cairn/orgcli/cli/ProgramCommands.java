package io.cairn.orgcli.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.orgcli.BadLocalInput;
import io.cairn.orgcli.ExitCodes;
import io.cairn.orgcli.Json;
import io.cairn.orgcli.ProgressReport;
import io.cairn.orgcli.model.Program;
import io.cairn.orgcli.model.ProgramUpload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code programs upload | list | show | delete}. */
final class ProgramCommands {
  private ProgramCommands() {}

  /** {@code programs upload <file.json> --name … [--description …] [limits]}. */
  static final class Upload implements Command {
    @Override
    public String name() {
      return "programs upload";
    }

    @Override
    public String arguments() {
      return "<program.json>";
    }

    @Override
    public String summary() {
      return "upload a compiled Cairo program";
    }

    @Override
    public Options options() {
      return new Options()
          .addOption(
              Option.builder().longOpt("name").hasArg().argName("name").desc("unique name").get())
          .addOption(
              Option.builder()
                  .longOpt("description")
                  .hasArg()
                  .argName("text")
                  .desc("what it computes")
                  .get())
          .addOption(
              Option.builder()
                  .longOpt("max-steps")
                  .hasArg()
                  .argName("n")
                  .desc("default step limit of its input groups (server default 1000000)")
                  .get())
          .addOption(
              Option.builder()
                  .longOpt("lease-timeout")
                  .hasArg()
                  .argName("seconds")
                  .desc("how long a donor may hold an input group (server default 3600)")
                  .get())
          .addOption(
              Option.builder()
                  .longOpt("max-attempts")
                  .hasArg()
                  .argName("n")
                  .desc("attempts before an input group gives up (server default 5)")
                  .get())
          .addOption(
              Option.builder()
                  .longOpt("execution-only")
                  .desc("split each job: one host executes, another proves")
                  .get());
    }

    @Override
    public int execute(CommandLine line, Cli cli) {
      Path file = Path.of(Cli.oneArgument(line, "the program file"));
      checkProgramFile(file);
      String name = line.getOptionValue("name", stripExtension(file));
      ProgramUpload form =
          new ProgramUpload(
              name,
              line.getOptionValue("description", ""),
              Cli.longOption(line, "max-steps", 1, 1L << 40).orElse(null),
              Cli.longOption(line, "lease-timeout", 10, 30 * 86400)
                  .map(Long::intValue)
                  .orElse(null),
              Cli.longOption(line, "max-attempts", 1, 100).map(Long::intValue).orElse(null),
              line.hasOption("execution-only"));
      Program p = cli.client().uploadProgram(file, form);
      if (cli.json()) {
        cli.printJson(p);
      } else {
        cli.out.println(
            "uploaded program '"
                + p.name()
                + "' as id "
                + p.id()
                + " (sha256 "
                + p.sha256()
                + ", builtins "
                + p.builtins()
                + ")");
      }
      return ExitCodes.OK;
    }

    private static String stripExtension(Path file) {
      String n = file.getFileName().toString();
      int dot = n.lastIndexOf('.');
      return dot > 0 ? n.substring(0, dot) : n;
    }
  }

  /** Refuses a file that cannot be a compiled program before it is sent. */
  static void checkProgramFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BadLocalInput("no such file: " + file);
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new BadLocalInput(
          file + " is not JSON; upload the JSON that cairo-compile or 'cairo assemble' writes", e);
    }
    if (root == null || !root.isObject() || !root.path("data").isArray()) {
      throw new BadLocalInput(
          file
              + " is not a compiled Cairo program (no \"data\" array); upload the JSON that"
              + " cairo-compile or 'cairo assemble' writes");
    }
  }

  /** {@code programs list}. */
  static final class ListPrograms implements Command {
    @Override
    public String name() {
      return "programs list";
    }

    @Override
    public String arguments() {
      return "";
    }

    @Override
    public String summary() {
      return "list your organization's programs";
    }

    @Override
    public Options options() {
      return new Options();
    }

    @Override
    public int execute(CommandLine line, Cli cli) {
      List<Program> programs = cli.client().allPrograms();
      if (cli.json()) {
        cli.printJson(programs);
        return ExitCodes.OK;
      }
      if (programs.isEmpty()) {
        cli.out.println("no programs yet; upload one with 'cairn-org programs upload'");
        return ExitCodes.OK;
      }
      Table t = new Table("ID", "NAME", "MAX STEPS", "LEASE", "ATTEMPTS", "CREATED", "DESCRIPTION");
      for (Program p : programs) {
        t.row(
            p.id(),
            p.name(),
            p.maxSteps(),
            p.leaseTimeoutSeconds() + "s",
            p.maxAttempts(),
            p.createdAt(),
            p.description());
      }
      t.print(cli.out);
      return ExitCodes.OK;
    }
  }

  /** {@code programs show <program>}. */
  static final class Show implements Command {
    @Override
    public String name() {
      return "programs show";
    }

    @Override
    public String arguments() {
      return "<program>";
    }

    @Override
    public String summary() {
      return "show a program (by id or name) and its input groups by state";
    }

    @Override
    public Options options() {
      return new Options();
    }

    @Override
    public int execute(CommandLine line, Cli cli) {
      long id = cli.client().resolveProgram(Cli.oneArgument(line, "a program id or name"));
      Program p = cli.client().program(id);
      if (cli.json()) {
        cli.printJson(p);
        return ExitCodes.OK;
      }
      cli.out.println("program " + p.id() + ": " + p.name());
      if (!p.description().isEmpty()) {
        cli.out.println("  description:    " + p.description());
      }
      cli.out.println("  sha256:         " + p.sha256());
      cli.out.println("  bytecode hash:  " + p.bytecodeHash());
      cli.out.println("  size:           " + p.sizeBytes() + " bytes, builtins " + p.builtins());
      cli.out.println(
          "  defaults:       max steps "
              + p.maxSteps()
              + ", lease timeout "
              + p.leaseTimeoutSeconds()
              + "s, max attempts "
              + p.maxAttempts()
              + (p.executionOnly() ? ", execution-only" : ""));
      cli.out.println("  created:        " + p.createdAt());
      cli.out.println("  input groups:   " + new ProgressReport(p.inputGroups()).line(30));
      return ExitCodes.OK;
    }
  }

  /** {@code programs delete <program> --yes}. */
  static final class Delete implements Command {
    @Override
    public String name() {
      return "programs delete";
    }

    @Override
    public String arguments() {
      return "<program>";
    }

    @Override
    public String summary() {
      return "delete a program with its input groups, proofs and results";
    }

    @Override
    public Options options() {
      return new Options()
          .addOption(Option.builder().longOpt("yes").desc("really delete everything").get());
    }

    @Override
    public int execute(CommandLine line, Cli cli) {
      long id = cli.client().resolveProgram(Cli.oneArgument(line, "a program id or name"));
      if (!line.hasOption("yes")) {
        Program p = cli.client().program(id);
        throw new UsageException(
            "this deletes program "
                + id
                + " ('"
                + p.name()
                + "') with its "
                + new ProgressReport(p.inputGroups()).total()
                + " input groups and their results; add --yes to do it");
      }
      cli.client().deleteProgram(id);
      cli.out.println("deleted program " + id);
      return ExitCodes.OK;
    }
  }
}
