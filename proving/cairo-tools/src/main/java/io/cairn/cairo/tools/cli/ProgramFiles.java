package io.cairn.cairo.tools.cli;

import io.cairn.cairo.tools.asm.AssembledProgram;
import io.cairn.cairo.tools.asm.Assembler;
import io.cairn.cairo.tools.asm.AssemblyException;
import io.cairn.cairo.tools.asm.ProgramJsonWriter;
import io.cairn.cairo.vm.program.CairoProgram;
import io.cairn.cairo.vm.program.ProgramLoadException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the files the commands take: program JSON, assembly source, text. */
final class ProgramFiles {

  private ProgramFiles() {}

  static String readText(Path file) throws UsageException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UsageException("no such file: " + file);
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Assembles a source file; errors name the file, line and column. */
  static AssembledProgram assemble(Path source, Assembler.Mode mode) throws CommandFailure {
    String text;
    try {
      text = readText(source);
    } catch (UsageException e) {
      throw new CommandFailure(e.getMessage());
    }
    try {
      return Assembler.assemble(text, mode);
    } catch (AssemblyException e) {
      throw new CommandFailure(source + ":" + e.getMessage());
    }
  }

  /**
   * Loads a program: a {@code .json} file as compiled, anything else as assembly source that is
   * assembled first (in proof mode when {@code mode} says so).
   */
  static CairoProgram load(Path file, Assembler.Mode mode, boolean anyHint) throws CommandFailure {
    try {
      if (file.getFileName().toString().endsWith(".json")) {
        if (!Files.exists(file)) {
          throw new CommandFailure("no such file: " + file);
        }
        if (!anyHint) {
          return CairoProgram.load(file);
        }
        try (InputStream in = Files.newInputStream(file)) {
          return CairoProgram.load(in, code -> true);
        }
      }
      String json = ProgramJsonWriter.write(assemble(file, mode));
      return CairoProgram.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    } catch (ProgramLoadException e) {
      throw new CommandFailure("cannot load " + file + ": " + e.getMessage());
    } catch (IOException e) {
      throw new CommandFailure("cannot read " + file + ": " + e.getMessage());
    }
  }

  static void writeText(Path file, String text) throws CommandFailure {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CommandFailure("cannot write " + file + ": " + e.getMessage());
    }
  }
}
