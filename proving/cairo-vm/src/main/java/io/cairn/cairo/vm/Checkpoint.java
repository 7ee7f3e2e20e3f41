package io.cairn.cairo.vm;

import io.cairn.cairo.vm.program.CairoProgram;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.LongSupplier;

/** Checkpoint codec (not implemented yet). */
final class Checkpoint {
  private Checkpoint() {}

  static void write(CairoRunner runner, OutputStream out) throws IOException {
    throw new IOException("checkpoints are not implemented yet");
  }

  static CairoRunner read(
      CairoProgram program, RunConfig config, LongSupplier clock, InputStream in)
      throws IOException {
    throw new IOException("checkpoints are not implemented yet");
  }
}
