package io.cairn.cairo.prover.cli;

import io.cairn.air.ProofOptions;
import io.cairn.cairo.air.CairoProofFile;
import io.cairn.cairo.air.CairoStatement;
import io.cairn.cairo.air.CairoStatementException;
import io.cairn.cairo.air.CairoVerificationException;
import io.cairn.cairo.air.CairoVerifier;
import io.cairn.cairo.air.ExecutionClaim;
import io.cairn.cairo.air.ProvableProgram;
import io.cairn.cairo.air.PublicMemory;
import io.cairn.cairo.air.Segment;
import io.cairn.cairo.prover.CairoProofResult;
import io.cairn.cairo.prover.CairoProver;
import io.cairn.cairo.prover.CairoProvingException;
import io.cairn.cairo.prover.CairoProvingJob;
import io.cairn.math.Felt;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;

/** The three commands of {@link CairoProverCli}, over parsed arguments. */
final class CliCommands {

  /** Bad arguments or unreadable files. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  private final CommandLine line;
  private final PrintStream out;
  private final PrintStream err;

  CliCommands(CommandLine line, PrintStream out, PrintStream err) {
    this.line = line;
    this.out = out;
    this.err = err;
  }

  int prove() throws UsageException {
    ProofOptions options =
        switch (line.getOptionValue("security", "128")) {
          case "128" -> ProofOptions.DEFAULT_128;
          case "100" -> ProofOptions.PRESET_100;
          default -> throw new UsageException("--security must be 128 or 100");
        };
    byte[] program = read("program");
    List<Felt> input = input();
    try {
      long start = System.nanoTime();
      CairoProvingJob job =
          new CairoProver(options).start(program, input, line.getOptionValue("lease"));
      stat("execute + trace", start);
      while (job.stage() != CairoProvingJob.Stage.DONE) {
        long t = System.nanoTime();
        CairoProvingJob.Stage reached = job.advance();
        stat(reached.name().toLowerCase(java.util.Locale.ROOT), t);
      }
      CairoProofResult r = job.finish();
      Files.write(Path.of(line.getOptionValue("out")), r.proof());
      int rows = job.trace().air().traceLength();
      double seconds = (System.nanoTime() - start) / 1e9;
      out.printf("output: %s%n", format(r.output()));
      out.printf(
          "steps: %d, trace rows: %d, columns: %d + %d, proof: %d bytes, time: %.2f s%n",
          r.steps(),
          rows,
          job.trace().air().mainWidth(),
          job.trace().air().auxWidth(),
          r.proof().length,
          seconds);
      if (line.hasOption("stats")) {
        out.printf("peak heap: %d MiB%n", peakHeapBytes() >> 20);
      }
      return CairoProverCli.OK;
    } catch (CairoProvingException e) {
      err.println("cannot prove: " + e.getMessage());
      return CairoProverCli.REJECTED;
    } catch (IOException e) {
      throw new UsageException(
          "cannot write " + line.getOptionValue("out") + ": " + e.getMessage());
    }
  }

  int verify() throws UsageException {
    byte[] program = read("program");
    byte[] proof = read("proof");
    List<Felt> input = input();
    try {
      List<Felt> output =
          line.hasOption("output")
              ? parseFelts(line.getOptionValue("output"))
              : CairoVerifier.claimedOutput(proof);
      int minBits = Integer.parseInt(line.getOptionValue("min-bits", "128"));
      int repeat = Integer.parseInt(line.getOptionValue("repeat", "1"));
      long best = Long.MAX_VALUE;
      for (int i = 0; i < repeat; i++) {
        long start = System.nanoTime();
        CairoVerifier.verify(program, input, output, line.getOptionValue("lease"), minBits, proof);
        best = Math.min(best, System.nanoTime() - start);
      }
      out.printf("valid: output %s (%.1f ms, best of %d)%n", format(output), best / 1e6, repeat);
      return CairoProverCli.OK;
    } catch (CairoVerificationException e) {
      out.println("rejected: " + e.getMessage());
      return CairoProverCli.REJECTED;
    } catch (NumberFormatException e) {
      throw new UsageException("--min-bits and --repeat must be integers");
    }
  }

  int statement() throws UsageException {
    try {
      ProvableProgram program = ProvableProgram.fromJson(read("program"));
      CairoProofFile file = CairoProofFile.decode(read("proof"));
      ExecutionClaim c = file.claim();
      CairoStatement s =
          new CairoStatement(program, input(), file.output(), line.getOptionValue("lease"), c);
      out.printf(
          "program: %d words, builtins %s, __start__ %d, __end__ %d, takes input: %s%n",
          program.bytecode().size(),
          program.builtins(),
          program.startPc(),
          program.endPc(),
          program.takesInput());
      out.printf(
          "input: %s%noutput: %s%nlease: %s%n", format(s.input()), format(s.output()), s.leaseId());
      out.printf(
          "pc: %d -> %d, ap: %d -> %d%n", s.pcInitial(), s.pcFinal(), s.apInitial(), c.apFinal());
      out.printf(
          "steps: %d, trace rows: %d, range-check bounds: [%d, %d]%n",
          c.steps(), c.traceLength(), c.rcMin(), c.rcMax());
      for (Segment seg : c.segments()) {
        out.printf("segment %-12s base %d size %d%n", seg.name(), seg.base(), seg.size());
      }
      s.validate();
      out.printf("public memory: %d cells%n", PublicMemory.of(s).size());
      return CairoProverCli.OK;
    } catch (CairoStatementException | CairoVerificationException e) {
      out.println("invalid statement: " + e.getMessage());
      return CairoProverCli.REJECTED;
    }
  }

  private void stat(String what, long startNanos) {
    if (line.hasOption("stats")) {
      err.printf("  %-22s %8.2f s%n", what, (System.nanoTime() - startNanos) / 1e9);
    }
  }

  /** The sum of the heap pools' peak usage since the JVM started. */
  static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  private byte[] read(String option) throws UsageException {
    String file = line.getOptionValue(option);
    try {
      return Files.readAllBytes(Path.of(file));
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private List<Felt> input() throws UsageException {
    if (line.hasOption("input-file")) {
      return parseFelts(new String(read("input-file"), java.nio.charset.StandardCharsets.UTF_8));
    }
    return parseFelts(line.getOptionValue("input", ""));
  }

  static List<Felt> parseFelts(String text) throws UsageException {
    List<Felt> felts = new ArrayList<>();
    for (String token : text.trim().split("[,\\s]+")) {
      if (token.isEmpty()) {
        continue;
      }
      try {
        felts.add(Felt.parse(token));
      } catch (RuntimeException e) {
        throw new UsageException("not a field element: " + token);
      }
    }
    return felts;
  }

  private static String format(List<Felt> felts) {
    return felts.stream().map(f -> f.toBigInteger().toString()).toList().toString();
  }
}
