package io.cairn.orgcli.cli;

import io.cairn.orgcli.BadLocalInput;
import io.cairn.orgcli.ExitCodes;
import io.cairn.orgcli.Json;
import io.cairn.orgcli.OrgClient;
import io.cairn.orgcli.ResultExport;
import io.cairn.orgcli.ResultFile;
import io.cairn.orgcli.model.Result;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code results list | download | export}. */
final class ResultCommands {
  private ResultCommands() {}

  private static Long programOrAll(CommandLine line, Cli cli) {
    List<String> args = line.getArgList();
    if (args.size() > 1) {
      throw new UsageException("expected at most one program, got " + args);
    }
    return args.isEmpty() ? null : cli.client().resolveProgram(args.get(0));
  }

  /** {@code results list [<program>]}. */
  static final class ListResults implements Command {
    @Override
    public String name() {
      return "results list";
    }

    @Override
    public String arguments() {
      return "[<program>]";
    }

    @Override
    public String summary() {
      return "list validated results with their outputs";
    }

    @Override
    public Options options() {
      return new Options();
    }

    @Override
    public int execute(CommandLine line, Cli cli) {
      Long programId = programOrAll(line, cli);
      List<Result> results = cli.client().allResults(programId);
      if (cli.json()) {
        cli.printJson(results);
        return ExitCodes.OK;
      }
      if (results.isEmpty()) {
        cli.out.println("no results yet" + (programId == null ? "" : " for program " + programId));
        return ExitCodes.OK;
      }
      Table t = new Table("RESULT", "GROUP", "NAME", "OUTPUT", "STEPS", "VALIDATED");
      for (Result r : results) {
        t.row(
            r.resultId(),
            r.inputGroupId(),
            r.inputGroupName(),
            Table.felts(r.output(), 8),
            r.steps(),
            r.validatedAt());
      }
      t.print(cli.out);
      cli.out.println(results.size() + " result(s)");
      return ExitCodes.OK;
    }
  }

  /**
   * {@code results download [<program>] [--out dir]}: for each result, {@code result-<id>.proof}
   * and {@code result-<id>.json} (input, output, lease token), ready for {@code cairn-org verify}.
   * Results already downloaded are skipped.
   */
  static final class Download implements Command {
    @Override
    public String name() {
      return "results download";
    }

    @Override
    public String arguments() {
      return "[<program>]";
    }

    @Override
    public String summary() {
      return "download results and their proofs into a directory";
    }

    @Override
    public Options options() {
      return new Options()
          .addOption(
              Option.builder("o")
                  .longOpt("out")
                  .hasArg()
                  .argName("dir")
                  .desc("directory to write into (default: results)")
                  .get());
    }

    @Override
    public int execute(CommandLine line, Cli cli) {
      Long programId = programOrAll(line, cli);
      Path dir = Path.of(line.getOptionValue("out", "results"));
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new BadLocalInput("cannot create " + dir + ": " + e.getMessage(), e);
      }
      OrgClient client = cli.client();
      List<Result> results = client.allResults(programId);
      int fetched = 0;
      int skipped = 0;
      for (Result r : results) {
        Path proof = dir.resolve("result-" + r.resultId() + ".proof");
        Path meta = dir.resolve("result-" + r.resultId() + ".json");
        if (Files.exists(proof) && Files.exists(meta)) {
          skipped++;
          continue;
        }
        List<String> input = client.inputGroup(r.inputGroupId()).input();
        byte[] bytes = client.proof(r.resultId());
        try {
          Files.write(proof, bytes);
          Files.write(
              meta,
              Json.MAPPER.writeValueAsBytes(
                  ResultFile.of(r, input, proof.getFileName().toString())));
        } catch (IOException e) {
          throw new BadLocalInput("cannot write into " + dir + ": " + e.getMessage(), e);
        }
        fetched++;
      }
      cli.out.println(
          "downloaded "
              + fetched
              + " result(s) into "
              + dir
              + (skipped > 0 ? " (" + skipped + " already there)" : ""));
      if (results.stream().anyMatch(r -> r.leaseToken() == null) && !results.isEmpty()) {
        cli.err.println(
            "note: the server does not report lease tokens; give --lease to 'cairn-org verify'");
      }
      return ExitCodes.OK;
    }
  }

  /** {@code results export [<program>] --format csv|json [--out file] [--with-input]}. */
  static final class Export implements Command {
    @Override
    public String name() {
      return "results export";
    }

    @Override
    public String arguments() {
      return "[<program>]";
    }

    @Override
    public String summary() {
      return "export results as CSV or JSON";
    }

    @Override
    public Options options() {
      return new Options()
          .addOption(
              Option.builder()
                  .longOpt("format")
                  .hasArg()
                  .argName("csv|json")
                  .desc("output format (default csv)")
                  .get())
          .addOption(
              Option.builder("o")
                  .longOpt("out")
                  .hasArg()
                  .argName("file")
                  .desc("write here (default: standard output)")
                  .get())
          .addOption(
              Option.builder()
                  .longOpt("with-input")
                  .desc("add each group's input (one request per result)")
                  .get());
    }

    @Override
    public int execute(CommandLine line, Cli cli) {
      ResultExport.Format format;
      try {
        format =
            ResultExport.Format.valueOf(
                line.getOptionValue("format", "csv").toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--format is csv or json");
      }
      Long programId = programOrAll(line, cli);
      OrgClient client = cli.client();
      List<Result> results = client.allResults(programId);
      Map<Long, List<String>> inputs = null;
      if (line.hasOption("with-input")) {
        inputs = new LinkedHashMap<>();
        for (Result r : results) {
          inputs.put(r.inputGroupId(), client.inputGroup(r.inputGroupId()).input());
        }
      }
      if (line.hasOption("out")) {
        Path file = Path.of(line.getOptionValue("out"));
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          ResultExport.write(w, format, results, inputs);
        } catch (IOException e) {
          throw new BadLocalInput("cannot write " + file + ": " + e.getMessage(), e);
        }
        cli.err.println("exported " + results.size() + " result(s) to " + file);
      } else {
        Writer w = new OutputStreamWriter(cli.out, StandardCharsets.UTF_8);
        ResultExport.write(w, format, results, inputs);
      }
      return ExitCodes.OK;
    }
  }
}
