package io.cairn.orgcli.cli;

import io.cairn.orgcli.BadLocalInput;
import io.cairn.orgcli.ExitCodes;
import io.cairn.orgcli.FeltText;
import io.cairn.orgcli.InputGroupsText;
import io.cairn.orgcli.OrgClient;
import io.cairn.orgcli.ProgressReport;
import io.cairn.orgcli.model.CreatedGroups;
import io.cairn.orgcli.model.InputGroup;
import io.cairn.orgcli.model.Page;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code inputs create | list | show | cancel}. */
final class InputCommands {
  private InputCommands() {}

  /** {@code inputs create <program> --file f.csv|f.jsonl} or {@code --range a:b --step k}. */
  static final class Create implements Command {
    @Override
    public String name() {
      return "inputs create";
    }

    @Override
    public String arguments() {
      return "<program>";
    }

    @Override
    public String summary() {
      return "create input groups from a file (one per line) or a range";
    }

    @Override
    public Options options() {
      return new Options()
          .addOption(
              Option.builder("f")
                  .longOpt("file")
                  .hasArg()
                  .argName("file")
                  .desc("CSV (felts per line) or JSON lines ({\"input\": [...], \"name\": ...})")
                  .get())
          .addOption(
              Option.builder()
                  .longOpt("format")
                  .hasArg()
                  .argName("csv|jsonl")
                  .desc("the file's format (default: from its extension)")
                  .get())
          .addOption(
              Option.builder()
                  .longOpt("range")
                  .hasArg()
                  .argName("a:b")
                  .desc("generate groups over [a, b): inputs (start, end)")
                  .get())
          .addOption(
              Option.builder()
                  .longOpt("step")
                  .hasArg()
                  .argName("k")
                  .desc("width of each generated group (with --range)")
                  .get());
    }

    @Override
    public int execute(CommandLine line, Cli cli) {
      String program = Cli.oneArgument(line, "a program id or name");
      InputGroupsText groups;
      if (line.hasOption("file") == line.hasOption("range")) {
        throw new UsageException("give either --file or --range a:b --step k");
      }
      if (line.hasOption("file")) {
        InputGroupsText.Format format =
            line.hasOption("format")
                ? InputGroupsText.Format.parse(line.getOptionValue("format"))
                : null;
        groups = InputGroupsText.read(Path.of(line.getOptionValue("file")), format);
      } else {
        groups = range(line.getOptionValue("range"), Cli.required(line, "step"));
      }
      OrgClient client = cli.client();
      long programId = client.resolveProgram(program);
      int[] stored = {0};
      CreatedGroups created =
          client.createInputGroups(
              programId,
              groups,
              chunk -> {
                stored[0] += chunk.created();
                if (groups.groups() > InputGroupsText.MAX_LINES_PER_REQUEST) {
                  cli.err.println("  stored " + stored[0] + " of " + groups.groups());
                }
              });
      if (cli.json()) {
        cli.printJson(created);
      } else {
        List<Long> ids = created.ids();
        cli.out.println(
            "created "
                + created.created()
                + " input group(s) for program "
                + programId
                + (ids.isEmpty()
                    ? ""
                    : " (ids " + ids.get(0) + (ids.size() > 1 ? "…" + ids.getLast() : "") + ")"));
      }
      return ExitCodes.OK;
    }

    private static InputGroupsText range(String range, String step) {
      int colon = range.indexOf(':');
      if (colon < 0) {
        throw new UsageException("--range is a:b (for example 1:1000000)");
      }
      try {
        BigInteger a = FeltText.parse(range.substring(0, colon));
        BigInteger b = FeltText.parse(range.substring(colon + 1));
        BigInteger k = FeltText.parse(step);
        return InputGroupsText.range(a, b, k);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--range/--step: " + e.getMessage());
      } catch (BadLocalInput e) {
        throw new UsageException(e.getMessage());
      }
    }
  }

  /** {@code inputs list <program> [--state S] [--page n] [--limit n] [--all]}. */
  static final class ListGroups implements Command {
    @Override
    public String name() {
      return "inputs list";
    }

    @Override
    public String arguments() {
      return "<program>";
    }

    @Override
    public String summary() {
      return "list a program's input groups with their state";
    }

    @Override
    public Options options() {
      return new Options()
          .addOption(
              Option.builder()
                  .longOpt("state")
                  .hasArg()
                  .argName("state")
                  .desc("only this state: " + String.join(", ", ProgressReport.STATES))
                  .get())
          .addOption(
              Option.builder().longOpt("page").hasArg().argName("n").desc("page (from 1)").get())
          .addOption(
              Option.builder()
                  .longOpt("limit")
                  .hasArg()
                  .argName("n")
                  .desc("groups per page, 1–50 (default 50)")
                  .get())
          .addOption(Option.builder().longOpt("all").desc("every page").get());
    }

    @Override
    public int execute(CommandLine line, Cli cli) {
      String state = line.getOptionValue("state");
      if (state != null) {
        state = state.toUpperCase(Locale.ROOT);
        if (!ProgressReport.STATES.contains(state)) {
          throw new UsageException(
              "unknown state " + state + "; one of " + String.join(", ", ProgressReport.STATES));
        }
      }
      int limit = Cli.longOption(line, "limit", 1, 50).orElse(50L).intValue();
      int page = Cli.longOption(line, "page", 1, Integer.MAX_VALUE).orElse(1L).intValue();
      long programId = cli.client().resolveProgram(Cli.oneArgument(line, "a program id or name"));
      List<InputGroup> groups = new ArrayList<>();
      long total;
      while (true) {
        Page<InputGroup> p = cli.client().listInputGroups(programId, state, page, limit);
        groups.addAll(p.items());
        total = p.totalElementsAmount();
        if (!line.hasOption("all") || p.items().isEmpty() || groups.size() >= total) {
          break;
        }
        page++;
      }
      if (cli.json()) {
        cli.printJson(groups);
        return ExitCodes.OK;
      }
      if (groups.isEmpty()) {
        cli.out.println(
            "no input groups" + (state == null ? "" : " in state " + state) + " on this page");
        return ExitCodes.OK;
      }
      Table t = new Table("ID", "NAME", "STATE", "FELTS", "ATTEMPTS", "UPDATED", "ERROR");
      for (InputGroup g : groups) {
        t.row(
            g.id(),
            g.name(),
            g.state(),
            g.inputLen(),
            g.attempts() + "/" + g.maxAttempts(),
            g.updatedAt(),
            g.errorReason());
      }
      t.print(cli.out);
      if (groups.size() < total) {
        cli.out.println(
            "("
                + groups.size()
                + " of "
                + total
                + " shown; --page "
                + (page + 1)
                + " for more, or --all)");
      }
      return ExitCodes.OK;
    }
  }

  /** {@code inputs show <group id>}. */
  static final class Show implements Command {
    @Override
    public String name() {
      return "inputs show";
    }

    @Override
    public String arguments() {
      return "<input group id>";
    }

    @Override
    public String summary() {
      return "show one input group with its input";
    }

    @Override
    public Options options() {
      return new Options();
    }

    @Override
    public int execute(CommandLine line, Cli cli) {
      InputGroup g = cli.client().inputGroup(groupId(Cli.oneArgument(line, "an input group id")));
      if (cli.json()) {
        cli.printJson(g);
        return ExitCodes.OK;
      }
      cli.out.println("input group " + g.id() + " of program " + g.programId() + ": " + g.state());
      if (!g.name().isEmpty()) {
        cli.out.println("  name:      " + g.name());
      }
      cli.out.println("  input:     " + Table.felts(g.input(), 20));
      cli.out.println("  attempts:  " + g.attempts() + " of " + g.maxAttempts());
      cli.out.println(
          "  limits:    max steps " + g.maxSteps() + ", lease " + g.leaseTimeoutSeconds() + "s");
      if (g.errorReason() != null) {
        cli.out.println("  error:     " + g.errorReason());
      }
      cli.out.println("  updated:   " + g.updatedAt());
      return ExitCodes.OK;
    }
  }

  /** {@code inputs cancel <id>…} or {@code inputs cancel --all <program>}. */
  static final class Cancel implements Command {
    @Override
    public String name() {
      return "inputs cancel";
    }

    @Override
    public String arguments() {
      return "<group id>… | --all <prog>";
    }

    @Override
    public String summary() {
      return "cancel input groups (and their live leases)";
    }

    @Override
    public Options options() {
      return new Options()
          .addOption(
              Option.builder()
                  .longOpt("all")
                  .desc("cancel every unfinished group of a program")
                  .get());
    }

    @Override
    public int execute(CommandLine line, Cli cli) {
      List<String> args = line.getArgList();
      if (line.hasOption("all")) {
        long programId = cli.client().resolveProgram(Cli.oneArgument(line, "a program id or name"));
        int n = cli.client().cancelAllInputGroups(programId);
        cli.out.println("cancelled " + n + " input group(s) of program " + programId);
        return ExitCodes.OK;
      }
      if (args.isEmpty()) {
        throw new UsageException("give input group ids, or --all <program>");
      }
      List<Long> ids = args.stream().map(InputCommands::groupId).toList();
      for (long id : ids) {
        InputGroup g = cli.client().cancelInputGroup(id);
        cli.out.println("input group " + g.id() + ": " + g.state());
      }
      return ExitCodes.OK;
    }
  }

  static long groupId(String text) {
    if (!text.matches("[0-9]{1,18}")) {
      throw new UsageException("'" + text + "' is not an input group id");
    }
    return Long.parseLong(text);
  }
}
