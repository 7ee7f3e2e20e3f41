package io.cairn.client.work;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.air.ProofOptions;
import io.cairn.cairo.air.CairoVerifier;
import io.cairn.cairo.prover.CairoProofResult;
import io.cairn.cairo.prover.CairoProvingJob.Stage;
import io.cairn.cairo.tools.asm.Assembler;
import io.cairn.cairo.tools.asm.ProgramJsonWriter;
import io.cairn.client.state.AtomicFiles;
import io.cairn.math.Felt;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prover checkpoints: proving stopped after a commitment stage resumes from that stage in a new run
 * and yields the uninterrupted proof; a corrupt checkpoint is dropped and proving starts over.
 */
class ProvingCheckpointTest {
  private static final ProofOptions OPTIONS = new ProofOptions(2, 8, 0);
  private static final String LEASE = "lease-ckpt-1";
  private static final List<Felt> INPUT = List.of(Felt.of(200));

  @TempDir Path dir;

  private static byte[] sumJson() throws Exception {
    try (InputStream in = ProvingCheckpointTest.class.getResourceAsStream("/programs/sum.casm")) {
      String src = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return ProgramJsonWriter.write(Assembler.assemble(src, Assembler.Mode.PROOF))
          .getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Records stages; quits the task once a checkpoint after {@code quitAt} is on disk. */
  private static final class Recorder implements Proving.Listener {
    final TaskControl control = VmExecutionTest.control();
    final Stage quitAt;
    final List<Stage> checkpoints = new ArrayList<>();
    Stage resumed;

    Recorder(Stage quitAt) {
      this.quitAt = quitAt;
    }

    @Override
    public void resumed(Stage stage) {
      resumed = stage;
    }

    @Override
    public void checkpointed(Stage stage) {
      checkpoints.add(stage);
      if (stage == quitAt) {
        control.quit();
      }
    }
  }

  private static CairoProofResult prove(byte[] json, Path slot, Recorder r) throws Exception {
    return Proving.prove(json, INPUT, LEASE, 1 << 20, OPTIONS, slot, r.control, f -> {}, r);
  }

  private static void verify(byte[] json, CairoProofResult proof) throws Exception {
    CairoVerifier.verify(json, INPUT, proof.output(), LEASE, 5, proof.proof());
  }

  @Test
  void stoppedProvingResumesFromItsStageAndEqualsTheUninterruptedProof() throws Exception {
    byte[] json = sumJson();
    CairoProofResult straight = prove(json, dir.resolve("straight"), new Recorder(null));
    verify(json, straight);

    Path slot = dir.resolve("slot");
    Recorder first = new Recorder(Stage.AUX_COMMITTED);
    TaskStoppedException stop =
        assertThrows(TaskStoppedException.class, () -> prove(json, slot, first));
    assertEquals(TaskStoppedException.Why.QUITTING, stop.why());
    assertEquals(List.of(Stage.MAIN_COMMITTED, Stage.AUX_COMMITTED), first.checkpoints);
    Path ckpt = Proving.checkpointFile(slot);
    assertTrue(Files.exists(ckpt));
    assertFalse(Files.exists(AtomicFiles.prev(ckpt)), "only the latest stage's file is kept");
    // a kill during the next checkpoint leaves a partial .next file: it is ignored
    Files.write(AtomicFiles.next(ckpt), new byte[] {1, 2, 3});

    Recorder second = new Recorder(null);
    CairoProofResult resumed = prove(json, slot, second);
    assertEquals(Stage.AUX_COMMITTED, second.resumed, "resumed after the saved stage");
    assertEquals(List.of(Stage.COMPOSITION_COMMITTED), second.checkpoints);
    verify(json, resumed);
    assertArrayEquals(straight.proof(), resumed.proof());

    Proving.deleteCheckpoint(slot);
    assertFalse(Files.exists(ckpt));
    assertFalse(Files.exists(AtomicFiles.next(ckpt)));
  }

  @Test
  void corruptCheckpointIsDeletedAndProvingStartsOver() throws Exception {
    byte[] json = sumJson();
    Path slot = dir.resolve("slot");
    Recorder first = new Recorder(Stage.MAIN_COMMITTED);
    assertThrows(TaskStoppedException.class, () -> prove(json, slot, first));
    Path ckpt = Proving.checkpointFile(slot);
    try (RandomAccessFile f = new RandomAccessFile(ckpt.toFile(), "rw")) {
      f.setLength(f.length() / 2);
    }

    Recorder second = new Recorder(null);
    CairoProofResult proof = prove(json, slot, second);
    assertNull(second.resumed, "a truncated checkpoint is refused");
    assertEquals(
        List.of(Stage.MAIN_COMMITTED, Stage.AUX_COMMITTED, Stage.COMPOSITION_COMMITTED),
        second.checkpoints,
        "proving started over");
    verify(json, proof);
  }
}
