package io.cairn.orgcli.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.orgcli.BadLocalInput;
import io.cairn.orgcli.ExitCodes;
import io.cairn.orgcli.FeltText;
import io.cairn.orgcli.Json;
import io.cairn.orgcli.LocalVerifier;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code verify <proof> --program <file.json> (--result result.json | --input … --lease …)
 * [--output …]}: checks a proof on this machine, trusting neither donor nor server. Needs no
 * session and no network.
 */
final class VerifyCommand implements Command {
  @Override
  public String name() {
    return "verify";
  }

  @Override
  public String arguments() {
    return "<proof file>";
  }

  @Override
  public String summary() {
    return "verify a downloaded proof locally with the Cairo verifier";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(
            Option.builder("p")
                .longOpt("program")
                .hasArg()
                .argName("file.json")
                .desc("your own copy of the program (required)")
                .get())
        .addOption(
            Option.builder()
                .longOpt("result")
                .hasArg()
                .argName("result.json")
                .desc("the file 'results download' wrote: input, output and lease")
                .get())
        .addOption(
            Option.builder()
                .longOpt("input")
                .hasArg()
                .argName("felts")
                .desc("the input group, e.g. 1,1000 or [1, 1000]")
                .get())
        .addOption(
            Option.builder()
                .longOpt("output")
                .hasArg()
                .argName("felts")
                .desc("the output to insist on (default: the one the proof claims)")
                .get())
        .addOption(
            Option.builder()
                .longOpt("lease")
                .hasArg()
                .argName("token")
                .desc("the lease token the proof is bound to")
                .get())
        .addOption(
            Option.builder()
                .longOpt("min-security-bits")
                .hasArg()
                .argName("n")
                .desc(
                    "least conjectured security accepted (default "
                        + LocalVerifier.DEFAULT_MIN_SECURITY_BITS
                        + ")")
                .get());
  }

  @Override
  public int execute(CommandLine line, Cli cli) {
    Path proofFile = Path.of(Cli.oneArgument(line, "the proof file"));
    Path programFile = Path.of(Cli.required(line, "program"));
    ProgramCommands.checkProgramFile(programFile);
    List<BigInteger> input = null;
    List<BigInteger> output = null;
    String lease = null;
    if (line.hasOption("result")) {
      JsonNode r = readJson(Path.of(line.getOptionValue("result")));
      input = felts(r.path("input"), "input");
      output = r.hasNonNull("output") ? felts(r.path("output"), "output") : null;
      lease = r.hasNonNull("lease_token") ? r.path("lease_token").asText() : null;
    }
    if (line.hasOption("input")) {
      input = list(line.getOptionValue("input"), "--input");
    }
    if (line.hasOption("output")) {
      output = list(line.getOptionValue("output"), "--output");
    }
    if (line.hasOption("lease")) {
      lease = line.getOptionValue("lease");
    }
    if (input == null) {
      throw new UsageException("give the input with --input or --result");
    }
    if (lease == null || lease.isBlank()) {
      throw new UsageException(
          "give the lease token with --lease (or a --result file that has it)");
    }
    int bits =
        Cli.longOption(line, "min-security-bits", 1, 256)
            .orElse((long) LocalVerifier.DEFAULT_MIN_SECURITY_BITS)
            .intValue();
    byte[] program = read(programFile);
    byte[] proof = read(proofFile);
    List<BigInteger> proven = LocalVerifier.verify(program, input, output, lease, bits, proof);
    cli.out.println(
        "VALID: "
            + programFile.getFileName()
            + " on input "
            + input
            + " outputs "
            + proven
            + " (lease "
            + lease
            + ", at least "
            + bits
            + " bits)");
    return ExitCodes.OK;
  }

  private static List<BigInteger> list(String text, String what) {
    try {
      return FeltText.parseList(text);
    } catch (IllegalArgumentException e) {
      throw new BadLocalInput(what + ": " + e.getMessage());
    }
  }

  private static List<BigInteger> felts(JsonNode array, String what) {
    if (!array.isArray()) {
      throw new BadLocalInput("the result file has no '" + what + "' array");
    }
    List<BigInteger> out = new ArrayList<>();
    for (JsonNode v : array) {
      try {
        out.add(FeltText.parse(v.asText()));
      } catch (IllegalArgumentException e) {
        throw new BadLocalInput("the result file's " + what + ": " + e.getMessage());
      }
    }
    return out;
  }

  private static JsonNode readJson(Path file) {
    try {
      return Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new BadLocalInput("cannot read " + file + " as JSON: " + e.getMessage(), e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new BadLocalInput("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
