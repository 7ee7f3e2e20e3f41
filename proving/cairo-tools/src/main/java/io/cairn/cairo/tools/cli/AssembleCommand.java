package io.cairn.cairo.tools.cli;

import io.cairn.cairo.tools.asm.Assembler;
import io.cairn.cairo.tools.asm.ProgramJsonWriter;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code cairo assemble source.casm [-o program.json] [--proof-mode]}. */
final class AssembleCommand implements Command {

  @Override
  public String name() {
    return "assemble";
  }

  @Override
  public String arguments() {
    return "<source.casm>";
  }

  @Override
  public String summary() {
    return "assemble instruction-level Cairo 0 into cairo-compile JSON";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(
            Option.builder("o")
                .longOpt("output")
                .hasArg()
                .argName("file")
                .desc("write the program JSON here (default: standard output)")
                .get())
        .addOption(
            Option.builder()
                .longOpt("proof-mode")
                .desc("add the __start__/__end__ prologue, like cairo-compile --proof_mode")
                .get());
  }

  @Override
  public void execute(CommandLine line, PrintStream out) throws UsageException, CommandFailure {
    Path source = CairoCli.singleArgument(line, arguments());
    Assembler.Mode mode =
        line.hasOption("proof-mode") ? Assembler.Mode.PROOF : Assembler.Mode.EXECUTION;
    String json = ProgramJsonWriter.write(ProgramFiles.assemble(source, mode));
    if (line.hasOption("output")) {
      ProgramFiles.writeText(Path.of(line.getOptionValue("output")), json);
    } else {
      out.print(json);
    }
  }
}
