package io.cairn.cairo.tools.cli;

import io.cairn.cairo.tools.asm.Assembler;
import io.cairn.cairo.tools.disasm.Disassembler;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code cairo disassemble program.json [-o program.casm]}. */
final class DisassembleCommand implements Command {

  @Override
  public String name() {
    return "disassemble";
  }

  @Override
  public String arguments() {
    return "<program.json>";
  }

  @Override
  public String summary() {
    return "print a compiled program as instruction-level Cairo 0";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(
            Option.builder("o")
                .longOpt("output")
                .hasArg()
                .argName("file")
                .desc("write the assembly here (default: standard output)")
                .get());
  }

  @Override
  public void execute(CommandLine line, PrintStream out) throws UsageException, CommandFailure {
    Path program = CairoCli.singleArgument(line, arguments());
    String text =
        Disassembler.disassemble(ProgramFiles.load(program, Assembler.Mode.EXECUTION, true));
    if (line.hasOption("output")) {
      ProgramFiles.writeText(Path.of(line.getOptionValue("output")), text);
    } else {
      out.print(text);
    }
  }
}
