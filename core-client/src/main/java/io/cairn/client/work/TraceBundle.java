package io.cairn.client.work;

import io.cairn.cairo.vm.ExecutionResult;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The body of an execution-only upload ({@code PUT /api/v1/leases/{id}/trace}): the run in
 * cairo-run's binary formats, framed so that a prover can split it again.
 *
 * <pre>
 *   "CAIRNTB1"                    8 bytes
 *   steps                         u64 big-endian
 *   trace length, trace bytes     u64 big-endian, then 24 bytes per step (u64 LE ap, fp, pc)
 *   memory length, memory bytes   u64 big-endian, then 40 bytes per cell (u64 LE address, 32-byte LE value)
 * </pre>
 */
public final class TraceBundle {
  /** The magic. */
  public static final byte[] MAGIC = "CAIRNTB1".getBytes(StandardCharsets.US_ASCII);

  private TraceBundle() {}

  /** Writes the bundle of {@code run} (which must have recorded its trace). */
  public static void write(ExecutionResult run, OutputStream sink) throws IOException {
    java.io.ByteArrayOutputStream trace = new java.io.ByteArrayOutputStream();
    run.writeTrace(trace);
    java.io.ByteArrayOutputStream memory = new java.io.ByteArrayOutputStream();
    run.writeMemory(memory);
    DataOutputStream out = new DataOutputStream(sink);
    out.write(MAGIC);
    out.writeLong(run.steps());
    out.writeLong(trace.size());
    trace.writeTo(out);
    out.writeLong(memory.size());
    memory.writeTo(out);
    out.flush();
  }
}
