package io.cairn.cairo.tools.cli;

import io.cairn.cairo.tools.asm.Assembler;
import io.cairn.cairo.vm.CairoRunner;
import io.cairn.cairo.vm.ExecutionResult;
import io.cairn.cairo.vm.RunConfig;
import io.cairn.cairo.vm.RunLimits;
import io.cairn.cairo.vm.VmException;
import io.cairn.cairo.vm.program.CairoProgram;
import io.cairn.math.Felt;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.OptionGroup;
import org.apache.commons.cli.Options;

/**
 * {@code cairo run program [--input JSON | --input-file FILE] [--proof-mode] [--max-steps N]
 * [--trace-file FILE] [--memory-file FILE]}: runs a program in the Cairn VM and prints its output
 * and step count, as cairo-run does.
 */
final class RunCommand implements Command {

  @Override
  public String name() {
    return "run";
  }

  @Override
  public String arguments() {
    return "<program.json | source.casm>";
  }

  @Override
  public String summary() {
    return "run a program on an input; print its output and step count";
  }

  @Override
  public Options options() {
    OptionGroup input =
        new OptionGroup()
            .addOption(
                Option.builder()
                    .longOpt("input")
                    .hasArg()
                    .argName("json")
                    .desc("the input felts as a JSON list, e.g. '[10]' or '[1, \"0x2\"]'")
                    .get())
            .addOption(
                Option.builder()
                    .longOpt("input-file")
                    .hasArg()
                    .argName("file")
                    .desc("a file holding the input JSON list")
                    .get());
    return new Options()
        .addOptionGroup(input)
        .addOption(
            Option.builder()
                .longOpt("proof-mode")
                .desc(
                    "run from __start__ and pad to a power of two (cairo-run --proof_mode);"
                        + " a source file is assembled with the proof-mode prologue")
                .get())
        .addOption(
            Option.builder()
                .longOpt("max-steps")
                .hasArg()
                .argName("n")
                .desc("stop with an error after n steps")
                .get())
        .addOption(
            Option.builder()
                .longOpt("trace-file")
                .hasArg()
                .argName("file")
                .desc("write the relocated trace (cairo-run --trace_file format)")
                .get())
        .addOption(
            Option.builder()
                .longOpt("memory-file")
                .hasArg()
                .argName("file")
                .desc("write the relocated memory (cairo-run --memory_file format)")
                .get());
  }

  @Override
  public void execute(CommandLine line, PrintStream out) throws UsageException, CommandFailure {
    Path file = CairoCli.singleArgument(line, arguments());
    List<Felt> input = input(line);
    boolean proof = line.hasOption("proof-mode");
    RunLimits limits = RunLimits.NONE;
    if (line.hasOption("max-steps")) {
      limits = limits.withMaxSteps(positive(line.getOptionValue("max-steps"), "--max-steps"));
    }
    boolean trace = line.hasOption("trace-file");
    CairoProgram program =
        ProgramFiles.load(file, proof ? Assembler.Mode.PROOF : Assembler.Mode.EXECUTION, false);
    RunConfig config =
        (proof ? RunConfig.proof() : RunConfig.exec())
            .withInput(input)
            .withLimits(limits)
            .withTrace(trace);
    ExecutionResult result;
    try {
      result = CairoRunner.run(program, config);
    } catch (VmException e) {
      throw new CommandFailure("run failed: " + e.getMessage());
    }
    out.println("Program output:");
    for (Felt felt : result.output()) {
      out.println("  " + signed(felt));
    }
    out.println();
    out.println("Number of steps: " + result.steps());
    if (trace) {
      write(Path.of(line.getOptionValue("trace-file")), result::writeTrace);
    }
    if (line.hasOption("memory-file")) {
      write(Path.of(line.getOptionValue("memory-file")), result::writeMemory);
    }
  }

  private static List<Felt> input(CommandLine line) throws UsageException {
    if (line.hasOption("input")) {
      return FeltListParser.parse(line.getOptionValue("input"));
    }
    if (line.hasOption("input-file")) {
      return FeltListParser.parse(
          ProgramFiles.readText(Path.of(line.getOptionValue("input-file"))));
    }
    return List.of();
  }

  /** cairo-run prints felts above P/2 as negative numbers. */
  private static String signed(Felt felt) {
    java.math.BigInteger value = felt.toBigInteger();
    return value.compareTo(Felt.MODULUS.shiftRight(1)) > 0
        ? value.subtract(Felt.MODULUS).toString()
        : value.toString();
  }

  private static long positive(String text, String option) throws UsageException {
    try {
      long value = Long.parseLong(text);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(option + " needs a positive integer, got '" + text + "'");
  }

  private interface Writer {
    void writeTo(OutputStream out) throws IOException;
  }

  private static void write(Path file, Writer writer) throws CommandFailure {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      writer.writeTo(out);
    } catch (IOException e) {
      throw new CommandFailure("cannot write " + file + ": " + e.getMessage());
    }
  }
}
