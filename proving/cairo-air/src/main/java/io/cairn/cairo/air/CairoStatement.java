package io.cairn.cairo.air;

import io.cairn.math.Felt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * What a Cairo proof proves: this program, on this input, ran from {@code __start__} to {@code
 * __end__} and wrote this output, for this lease. The verifier builds it from the program, input,
 * output and lease id it already holds, plus the {@link ExecutionClaim} carried by the proof, and
 * {@link #validate}s the claim against the rest before checking anything else.
 *
 * <p>The register boundary values derive from it: pc starts at {@code 1 + startPc} and ends at
 * {@code 1 + endPc}, ap (= fp) starts at the execution segment's base + 2 (after cairo-run's
 * proof-mode prefix {@code [base + 2, 0]}), and ap ends at {@link ExecutionClaim#apFinal}.
 *
 * @param program the program, read from its JSON by the verifier itself
 * @param input the input group's felts (the input segment's contents)
 * @param output the output builtin segment's contents
 * @param leaseId the lease the proof is for, absorbed into the transcript
 * @param claim the prover's claims, bound by the proof
 */
public record CairoStatement(
    ProvableProgram program,
    List<Felt> input,
    List<Felt> output,
    String leaseId,
    ExecutionClaim claim) {

  /** The largest trace the verifier accepts: 2^26 rows. */
  public static final int MAX_LOG_TRACE_LENGTH = 26;

  /** Copies the lists. */
  public CairoStatement {
    input = List.copyOf(input);
    output = List.copyOf(output);
  }

  /**
   * Checks that the claim is consistent with the program, input and output: supported builtins,
   * segment table laid out as the runner lays it out, output size, trace size, offset bounds.
   *
   * @throws CairoStatementException naming the first inconsistency
   */
  public void validate() throws CairoStatementException {
    program.requireProvableBuiltins();
    if (!program.takesInput() && !input.isEmpty()) {
      throw new CairoStatementException("input given but main takes no (input_len, input)");
    }
    List<Segment> segs = claim.segments();
    List<String> expected = expectedSegmentNames();
    if (segs.size() < expected.size()) {
      throw new CairoStatementException("segment table lacks " + expected);
    }
    long next = 1;
    for (int i = 0; i < segs.size(); i++) {
      Segment s = segs.get(i);
      if (i < expected.size() && !expected.get(i).equals(s.name())) {
        throw new CairoStatementException("segment " + i + " must be " + expected.get(i));
      }
      if (s.base() != next || s.size() < 0 || s.size() > (1L << 40)) {
        throw new CairoStatementException("segment " + i + " breaks the relocated layout");
      }
      next = s.end();
    }
    requireSize("program", program.bytecode().size());
    if (program.takesInput()) {
      requireSize("input", input.size());
    }
    if (program.builtins().contains("output")) {
      requireSize("output", output.size());
    } else if (!output.isEmpty()) {
      throw new CairoStatementException("output given but the program has no output builtin");
    }
    int nb = program.builtins().size();
    Segment exec = segs.get(1);
    if (exec.size() < prefixLength()) {
      throw new CairoStatementException("execution segment shorter than its initial stack");
    }
    if (claim.apFinal() - nb < exec.base() + prefixLength() || claim.apFinal() > exec.end()) {
      throw new CairoStatementException("final ap outside the execution segment");
    }
    if (claim.logTraceLength() < 3 || claim.logTraceLength() > MAX_LOG_TRACE_LENGTH) {
      throw new CairoStatementException("trace length out of range: 2^" + claim.logTraceLength());
    }
    if (claim.steps() < 1 || claim.steps() > claim.traceLength()) {
      throw new CairoStatementException("step count out of range: " + claim.steps());
    }
    for (int a = 0; a < 2; a++) {
      int[] b = claim.rangeCheckBounds(a);
      if (b[0] < 0 || b[0] > b[1] || b[1] >= (1 << 16)) {
        throw new CairoStatementException("range-check bounds outside [0, 2^16)");
      }
    }
    if (!program.usesRangeCheck() && (claim.limbMin() != 0 || claim.limbMax() != 0)) {
      throw new CairoStatementException("limb bounds claimed without the range_check builtin");
    }
  }

  private void requireSize(String name, long size) throws CairoStatementException {
    if (segment(name).orElseThrow().size() != size) {
      throw new CairoStatementException("the " + name + " segment must hold " + size + " cells");
    }
  }

  /** The segment names the runner creates first, in order. */
  private List<String> expectedSegmentNames() {
    List<String> names = new java.util.ArrayList<>(List.of("program", "execution"));
    names.addAll(program.builtins());
    if (program.takesInput()) {
      names.add("input");
    }
    return names;
  }

  /** Cells of the initial stack: [base+2, 0], the builtin bases, then (input_len, input). */
  int prefixLength() {
    return 2 + program.builtins().size() + (program.takesInput() ? 2 : 0);
  }

  /** The first segment called {@code name} among the runner-created ones. */
  public Optional<Segment> segment(String name) {
    List<String> expected = expectedSegmentNames();
    int i = expected.indexOf(name);
    return i < 0 || i >= claim.segments().size()
        ? Optional.empty()
        : Optional.of(claim.segments().get(i));
  }

  /** The initial pc. */
  public long pcInitial() {
    return 1 + program.startPc();
  }

  /** The final pc. */
  public long pcFinal() {
    return 1 + program.endPc();
  }

  /** The initial ap and fp. */
  public long apInitial() {
    return claim.segments().get(1).base() + 2;
  }

  /** The lease id as the transcript context bytes. */
  public byte[] context() {
    return leaseId.getBytes(StandardCharsets.UTF_8);
  }

  /** The canonical encoding of the whole statement, absorbed before the first challenge. */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writeFelts(out, program.bytecode());
      out.writeInt(program.builtins().size());
      for (String b : program.builtins()) {
        out.writeUTF(b);
      }
      out.writeInt(program.startPc());
      out.writeInt(program.endPc());
      out.writeBoolean(program.takesInput());
      writeFelts(out, input);
      writeFelts(out, output);
      out.writeUTF(leaseId);
      claim.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writeFelts(DataOutputStream out, List<Felt> felts) throws IOException {
    out.writeInt(felts.size());
    for (Felt f : felts) {
      out.write(f.toBytesBE());
    }
  }
}
