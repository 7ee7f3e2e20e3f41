package io.cairn.cairo.vm;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Receives checkpoints during a run. The runner calls {@link #open} every {@code
 * checkpointInterval} steps, writes the complete VM state to the stream and closes it.
 */
@FunctionalInterface
public interface CheckpointSink {
  /** A stream for the checkpoint taken after {@code steps} steps. */
  OutputStream open(long steps) throws IOException;
}
