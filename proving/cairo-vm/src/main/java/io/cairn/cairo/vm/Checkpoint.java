package io.cairn.cairo.vm;

import io.cairn.cairo.vm.builtin.BuiltinRunner;
import io.cairn.cairo.vm.hint.HintRuntime;
import io.cairn.cairo.vm.hint.ScopeCodec;
import io.cairn.cairo.vm.program.BuiltinName;
import io.cairn.cairo.vm.program.CairoProgram;
import io.cairn.math.Felt;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The versioned binary checkpoint of a run: everything needed to continue it and produce the same
 * trace and memory as an uninterrupted run.
 *
 * <p>Layout (big-endian, {@link DataOutputStream}): magic {@code CAIRNCKP}, format version (1),
 * sha256 of the program's data words, mode, end-step flag, steps, registers, initial registers,
 * special segment indices, segment names, memory (per segment: builtin name or "", used size, then
 * per cell a tag 0 empty / 1 felt (32 bytes LE) / 2 pointer (segment, offset)), the trace (row
 * count, then packed pc, ap, fp per row), and the hint scopes ({@link ScopeCodec}).
 */
final class Checkpoint {
  private static final long MAGIC = 0x434149524e434b50L; // "CAIRNCKP"
  private static final int VERSION = 1;

  private Checkpoint() {}

  static void write(CairoRunner runner, OutputStream sink) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(sink, 1 << 16));
    CairoVm vm = runner.vm;
    out.writeLong(MAGIC);
    out.writeInt(VERSION);
    out.write(fingerprint(runner.program()));
    out.writeUTF(runner.config().mode().name());
    out.writeBoolean(runner.endStepDone);
    out.writeLong(vm.steps);
    writePointer(out, vm.pc());
    writePointer(out, vm.ap());
    writePointer(out, vm.fp());
    writePointer(out, runner.initialPc);
    writePointer(out, runner.initialAp);
    CairoRunner.SpecialSegments s = runner.special;
    out.writeInt(s.output());
    out.writeInt(s.input());
    out.writeInt(s.returnFp());
    out.writeInt(s.end());
    out.writeInt(runner.segmentNames.size());
    for (String name : runner.segmentNames) {
      out.writeUTF(name);
    }
    Memory memory = runner.memory;
    out.writeInt(memory.segmentCount());
    byte[] felt = new byte[32];
    for (int seg = 0; seg < memory.segmentCount(); seg++) {
      BuiltinRunner b = memory.builtinOf(seg);
      out.writeUTF(b == null ? "" : b.name().programName());
      long size = memory.usedSize(seg);
      out.writeLong(size);
      for (long off = 0; off < size; off++) {
        Object v = memory.get(seg, off);
        if (v == null) {
          out.writeByte(0);
        } else if (v instanceof Felt f) {
          out.writeByte(1);
          f.writeBytesLE(felt, 0);
          out.write(felt);
        } else {
          out.writeByte(2);
          writePointer(out, (Relocatable) v);
        }
      }
    }
    Trace trace = vm.trace();
    out.writeLong(trace == null ? -1 : trace.size());
    if (trace != null) {
      for (long row = 0; row < trace.size(); row++) {
        out.writeLong(trace.pc(row));
        out.writeLong(trace.ap(row));
        out.writeLong(trace.fp(row));
      }
    }
    out.writeBoolean(runner.hints != null);
    if (runner.hints != null) {
      ScopeCodec.write(runner.hints.scopes(), out);
    }
    out.flush();
  }

  static CairoRunner read(
      CairoProgram program, RunConfig config, LongSupplier clock, InputStream source)
      throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(source, 1 << 16));
    if (in.readLong() != MAGIC) {
      throw new IOException("not a Cairn VM checkpoint");
    }
    int version = in.readInt();
    if (version != VERSION) {
      throw new IOException("unsupported checkpoint version " + version);
    }
    byte[] print = new byte[32];
    in.readFully(print);
    if (!Arrays.equals(print, fingerprint(program))) {
      throw new IOException("checkpoint was taken for a different program");
    }
    RunMode mode = RunMode.valueOf(in.readUTF());
    if (mode != config.mode()) {
      throw new IOException(
          "checkpoint was taken in " + mode + " mode, config says " + config.mode());
    }
    boolean endStepDone = in.readBoolean();
    long steps = in.readLong();
    Relocatable pc = readPointer(in);
    Relocatable ap = readPointer(in);
    Relocatable fp = readPointer(in);
    Relocatable initialPc = readPointer(in);
    Relocatable initialAp = readPointer(in);
    CairoRunner.SpecialSegments special =
        new CairoRunner.SpecialSegments(in.readInt(), in.readInt(), in.readInt(), in.readInt());
    int nNames = in.readInt();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < nNames; i++) {
      names.add(in.readUTF());
    }
    Memory memory = new Memory(config.limits().maxMemoryCells());
    int nSegments = in.readInt();
    byte[] felt = new byte[32];
    for (int seg = 0; seg < nSegments; seg++) {
      memory.addSegment();
      String builtin = in.readUTF();
      if (!builtin.isEmpty()) {
        BuiltinName name =
            BuiltinName.fromProgramName(builtin)
                .orElseThrow(() -> new IOException("corrupt checkpoint: builtin " + builtin));
        memory.attachBuiltin(seg, BuiltinRunner.of(name));
      }
      long size = in.readLong();
      for (long off = 0; off < size; off++) {
        int tag = in.readUnsignedByte();
        if (tag == 1) {
          in.readFully(felt);
          memory.insert(seg, off, Felt.fromBytesLE(felt, 0));
        } else if (tag == 2) {
          memory.insert(seg, off, readPointer(in));
        } else if (tag != 0) {
          throw new IOException("corrupt checkpoint: cell tag " + tag);
        }
      }
    }
    long traceRows = in.readLong();
    HintRuntime hints = program.hints().isEmpty() ? null : new HintRuntime(program);
    RunConfig effective = config.withTrace(traceRows >= 0);
    CairoRunner runner = new CairoRunner(program, effective, clock, memory, hints, names, special);
    for (long row = 0; row < traceRows; row++) {
      runner.vm.trace().append(in.readLong(), in.readLong(), in.readLong());
    }
    if (in.readBoolean()) {
      if (hints == null) {
        throw new IOException("corrupt checkpoint: hint scopes for a program without hints");
      }
      hints.restoreScopes(ScopeCodec.read(in));
    }
    runner.vm.setRegisters(pc, ap, fp);
    runner.vm.setSteps(steps);
    runner.initialPc = initialPc;
    runner.initialAp = initialAp;
    runner.endStepDone = endStepDone;
    return runner;
  }

  private static void writePointer(DataOutputStream out, Relocatable r) throws IOException {
    out.writeInt(r.segment());
    out.writeLong(r.offset());
  }

  private static Relocatable readPointer(DataInputStream in) throws IOException {
    return new Relocatable(in.readInt(), in.readLong());
  }

  private static byte[] fingerprint(CairoProgram program) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Felt f : program.data()) {
        md.update(f.toBytesLE());
      }
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
