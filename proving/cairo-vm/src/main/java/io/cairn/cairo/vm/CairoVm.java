package io.cairn.cairo.vm;

import io.cairn.cairo.vm.Instruction.Op1Source;
import io.cairn.cairo.vm.Instruction.Opcode;
import io.cairn.cairo.vm.Instruction.Register;
import io.cairn.cairo.vm.builtin.BuiltinRunner;
import io.cairn.math.Felt;
import java.math.BigInteger;

/**
 * The Cairo CPU: registers pc, ap and fp over a {@link Memory}, and the step function of the
 * whitepaper §4.5 / cairo-lang {@code vm_core.py}.
 *
 * <p>A step runs the hints at pc, records (pc, ap, fp) in the trace, fetches and decodes the
 * instruction, computes operands (deducing an unknown op0/op1/dst where the opcode allows, and
 * builtin cells on read), writes deduced cells, checks the opcode's assertions and updates the
 * registers. Instructions in the program segment are decoded once and cached.
 */
public final class CairoVm {
  private static final BigInteger WORD_LIMIT = BigInteger.ONE.shiftLeft(63);

  private final Memory memory;
  private final Trace trace;
  private final HintExecutor hints;

  private final Instruction[] decoded;
  private final boolean[] hasHint;

  int pcSeg;
  long pcOff;
  int apSeg;
  long apOff;
  int fpSeg;
  long fpOff;
  long steps;

  /**
   * Creates a VM over {@code memory}; segment 0 must hold the program's {@code programSize} words.
   *
   * @param trace where to record the trace, or null for none
   * @param hints the hint executor, or null if the program has no hints
   */
  public CairoVm(Memory memory, int programSize, Trace trace, HintExecutor hints) {
    this.memory = memory;
    this.trace = trace;
    this.hints = hints;
    this.decoded = new Instruction[programSize];
    this.hasHint = new boolean[programSize];
    if (hints != null) {
      for (int i = 0; i < programSize; i++) {
        hasHint[i] = hints.hasHints(i);
      }
    }
  }

  /** Sets the registers. */
  public void setRegisters(Relocatable pc, Relocatable ap, Relocatable fp) {
    pcSeg = pc.segment();
    pcOff = pc.offset();
    apSeg = ap.segment();
    apOff = ap.offset();
    fpSeg = fp.segment();
    fpOff = fp.offset();
  }

  /** Sets the number of steps executed so far (when resuming). */
  void setSteps(long steps) {
    this.steps = steps;
  }

  /** The memory. */
  public Memory memory() {
    return memory;
  }

  /** The trace, or null when not recorded. */
  public Trace trace() {
    return trace;
  }

  /** The current pc. */
  public Relocatable pc() {
    return new Relocatable(pcSeg, pcOff);
  }

  /** The current ap. */
  public Relocatable ap() {
    return new Relocatable(apSeg, apOff);
  }

  /** The current fp. */
  public Relocatable fp() {
    return new Relocatable(fpSeg, fpOff);
  }

  /** The number of steps executed. */
  public long steps() {
    return steps;
  }

  /** Whether pc is at {@code segment:offset}. */
  public boolean pcIs(int segment, long offset) {
    return pcSeg == segment && pcOff == offset;
  }

  /** Executes one step: hints, trace row, instruction. */
  public void step() {
    if (pcSeg == 0 && pcOff < hasHint.length && hasHint[(int) pcOff]) {
      hints.runHints(this, pcOff);
    }
    if (trace != null) {
      trace.append(Trace.pack(pcSeg, pcOff), Trace.pack(apSeg, apOff), Trace.pack(fpSeg, fpOff));
    }
    execute(fetch());
    steps++;
  }

  private Instruction fetch() {
    if (pcSeg == 0 && pcOff < decoded.length) {
      Instruction cached = decoded[(int) pcOff];
      if (cached != null) {
        return cached;
      }
      Instruction d = decodeAt();
      decoded[(int) pcOff] = d;
      return d;
    }
    return decodeAt();
  }

  private Instruction decodeAt() {
    Object word = memory.get(pcSeg, pcOff);
    if (!(word instanceof Felt f)) {
      throw new ExecutionException(
          "no instruction at pc " + pc() + (word == null ? " (empty cell)" : " (a pointer)"));
    }
    BigInteger v = f.toBigInteger();
    if (v.compareTo(WORD_LIMIT) >= 0) {
      throw new InvalidInstructionException("instruction at pc " + pc() + " is 2^63 or more: " + f);
    }
    return Instruction.decode(v.longValue());
  }

  private void execute(Instruction ins) {
    // dst and op0 addresses
    int dstSeg;
    long dstOff;
    if (ins.dstReg() == Register.AP) {
      dstSeg = apSeg;
      dstOff = apOff + ins.offDst();
    } else {
      dstSeg = fpSeg;
      dstOff = fpOff + ins.offDst();
    }
    int op0Seg;
    long op0Off;
    if (ins.op0Reg() == Register.AP) {
      op0Seg = apSeg;
      op0Off = apOff + ins.offOp0();
    } else {
      op0Seg = fpSeg;
      op0Off = fpOff + ins.offOp0();
    }
    checkAddress(dstSeg, dstOff, "dst");
    checkAddress(op0Seg, op0Off, "op0");
    Object op0 = read(op0Seg, op0Off);

    int op1Seg;
    long op1Off;
    switch (ins.op1Src()) {
      case IMM -> {
        op1Seg = pcSeg;
        op1Off = pcOff + ins.offOp1();
      }
      case AP -> {
        op1Seg = apSeg;
        op1Off = apOff + ins.offOp1();
      }
      case FP -> {
        op1Seg = fpSeg;
        op1Off = fpOff + ins.offOp1();
      }
      default -> {
        if (op0 == null) {
          op0 = deduceOp0(ins, null, memory.get(dstSeg, dstOff));
          if (op0 == null) {
            throw new ExecutionException(
                "op0 at " + new Relocatable(op0Seg, op0Off) + " is unknown at pc " + pc());
          }
          memory.insert(op0Seg, op0Off, op0);
        }
        if (!(op0 instanceof Relocatable base)) {
          throw new ExecutionException("op1 is [op0 + off] but op0 is a felt at pc " + pc());
        }
        op1Seg = base.segment();
        op1Off = base.offset() + ins.offOp1();
      }
    }
    checkAddress(op1Seg, op1Off, "op1");
    Object op1 = read(op1Seg, op1Off);
    Object dst = memory.get(dstSeg, dstOff);

    if (op0 == null) {
      op0 = deduceOp0(ins, op1, dst);
      if (op0 == null) {
        throw new ExecutionException(
            "op0 at " + new Relocatable(op0Seg, op0Off) + " is unknown at pc " + pc());
      }
      memory.insert(op0Seg, op0Off, op0);
    }
    if (op1 == null) {
      op1 = deduceOp1(ins, op0, dst);
      if (op1 == null) {
        throw new ExecutionException(
            "op1 at " + new Relocatable(op1Seg, op1Off) + " is unknown at pc " + pc());
      }
      memory.insert(op1Seg, op1Off, op1);
    }
    Object res =
        switch (ins.resLogic()) {
          case OP1 -> op1;
          case ADD -> Arithmetic.add(op0, op1);
          case MUL -> Arithmetic.mul(op0, op1);
          case UNCONSTRAINED -> null;
        };
    if (dst == null) {
      if (ins.opcode() == Opcode.ASSERT_EQ && res != null) {
        dst = res;
      } else if (ins.opcode() == Opcode.CALL) {
        dst = new Relocatable(fpSeg, fpOff);
      } else {
        throw new ExecutionException(
            "dst at " + new Relocatable(dstSeg, dstOff) + " is unknown at pc " + pc());
      }
      memory.insert(dstSeg, dstOff, dst);
    }

    switch (ins.opcode()) {
      case ASSERT_EQ -> {
        if (!dst.equals(res)) {
          throw new ExecutionException(
              "assert_eq failed at pc " + pc() + ": " + dst + " != " + res);
        }
      }
      case CALL -> {
        Relocatable returnPc = new Relocatable(pcSeg, pcOff + ins.size());
        if (!returnPc.equals(op0)) {
          throw new ExecutionException(
              "call at pc " + pc() + ": return pc cell holds " + op0 + ", expected " + returnPc);
        }
        if (!(dst instanceof Relocatable d && d.segment() == fpSeg && d.offset() == fpOff)) {
          throw new ExecutionException(
              "call at pc " + pc() + ": saved fp cell holds " + dst + ", expected " + fp());
        }
      }
      default -> {}
    }

    // fp update (uses the old ap)
    switch (ins.fpUpdate()) {
      case AP_PLUS2 -> {
        fpSeg = apSeg;
        fpOff = apOff + 2;
      }
      case DST -> {
        if (dst instanceof Relocatable d) {
          fpSeg = d.segment();
          fpOff = d.offset();
        } else {
          fpOff = checkedOffset(fpOff + Arithmetic.signedOffset((Felt) dst), "fp");
        }
      }
      default -> {}
    }
    // ap update
    switch (ins.apUpdate()) {
      case ADD -> {
        if (!(res instanceof Felt r)) {
          throw new InvalidOperationException("ap += res with a pointer res at pc " + pc());
        }
        apOff = checkedOffset(apOff + Arithmetic.signedOffset(r), "ap");
      }
      case ADD1 -> apOff++;
      case ADD2 -> apOff += 2;
      default -> {}
    }
    // pc update
    switch (ins.pcUpdate()) {
      case REGULAR -> pcOff += ins.size();
      case JUMP -> {
        if (!(res instanceof Relocatable target)) {
          throw new InvalidOperationException(
              "absolute jump to a felt (" + res + ") at pc " + pc());
        }
        pcSeg = target.segment();
        pcOff = target.offset();
      }
      case JUMP_REL -> {
        if (!(res instanceof Felt r)) {
          throw new InvalidOperationException("relative jump by a pointer at pc " + pc());
        }
        pcOff = checkedOffset(pcOff + jumpOffset(r, ins, op1Seg, op1Off), "pc");
      }
      case JNZ -> {
        if (dst instanceof Felt d && d.isZero()) {
          pcOff += ins.size();
        } else {
          if (!(op1 instanceof Felt o)) {
            throw new InvalidOperationException("jnz by a pointer at pc " + pc());
          }
          pcOff = checkedOffset(pcOff + jumpOffset(o, ins, op1Seg, op1Off), "pc");
        }
      }
    }
  }

  private long[] immediateOffsets;

  /** The signed value of a jump amount; immediates in the program segment are converted once. */
  private long jumpOffset(Felt amount, Instruction ins, int op1Seg, long op1Off) {
    if (ins.op1Src() == Op1Source.IMM && op1Seg == 0 && op1Off < decoded.length) {
      if (immediateOffsets == null) {
        immediateOffsets = new long[decoded.length];
        java.util.Arrays.fill(immediateOffsets, Long.MIN_VALUE);
      }
      long cached = immediateOffsets[(int) op1Off];
      if (cached == Long.MIN_VALUE) {
        cached = Arithmetic.signedOffset(amount);
        immediateOffsets[(int) op1Off] = cached;
      }
      return cached;
    }
    return Arithmetic.signedOffset(amount);
  }

  private Object read(int seg, long off) {
    Object v = memory.get(seg, off);
    if (v == null) {
      BuiltinRunner b = memory.builtinOf(seg);
      if (b != null) {
        v = b.deduce(memory, new Relocatable(seg, off));
        if (v != null) {
          memory.insert(seg, off, v);
        }
      }
    }
    return v;
  }

  private Object deduceOp0(Instruction ins, Object op1, Object dst) {
    switch (ins.opcode()) {
      case CALL:
        return new Relocatable(pcSeg, pcOff + ins.size());
      case ASSERT_EQ:
        if (dst == null || op1 == null) {
          return null;
        }
        switch (ins.resLogic()) {
          case ADD:
            return Arithmetic.sub(dst, op1);
          case MUL:
            if (dst instanceof Felt d && op1 instanceof Felt o && !o.isZero()) {
              return d.div(o);
            }
            return null;
          default:
            return null;
        }
      default:
        return null;
    }
  }

  private Object deduceOp1(Instruction ins, Object op0, Object dst) {
    if (ins.opcode() != Opcode.ASSERT_EQ || dst == null) {
      return null;
    }
    switch (ins.resLogic()) {
      case OP1:
        return dst;
      case ADD:
        return op0 == null ? null : Arithmetic.sub(dst, op0);
      case MUL:
        if (dst instanceof Felt d && op0 instanceof Felt o && !o.isZero()) {
          return d.div(o);
        }
        return null;
      default:
        return null;
    }
  }

  private void checkAddress(int seg, long off, String what) {
    if (off < 0) {
      throw new InvalidOperationException(
          what + " address " + seg + ":" + off + " is negative at pc " + pc());
    }
  }

  private long checkedOffset(long off, String register) {
    if (off < 0) {
      throw new InvalidOperationException(register + " would become negative at pc " + pc());
    }
    return off;
  }
}
