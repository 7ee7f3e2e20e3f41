package io.cairn.cairo.vm.hint;

import io.cairn.cairo.vm.Arithmetic;
import io.cairn.cairo.vm.CairoVm;
import io.cairn.cairo.vm.Memory;
import io.cairn.cairo.vm.Relocatable;
import io.cairn.cairo.vm.program.CairoProgram;
import io.cairn.cairo.vm.program.HintSite;
import io.cairn.cairo.vm.program.Identifier;
import io.cairn.cairo.vm.program.Reference;
import io.cairn.math.Felt;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * What a hint sees while it runs: memory, ap and fp, {@code ids} resolved through the reference
 * manager, the scopes and segment creation.
 *
 * <p>{@code ids.x} is found by trying each accessible scope from last to first and following
 * aliases. A const gives its value; a reference is evaluated from its expression, with ap shifted
 * by the difference of ap-tracking offsets when the groups match (an expression using ap from
 * another group cannot be evaluated). A reference whose expression is {@code [e]} has address e, so
 * it can be assigned. Members of {@code S*} references are at value + offset, of {@code S}
 * references at address + offset.
 */
public final class HintContext {
  private final CairoVm vm;
  private final CairoProgram program;
  private final HintSite site;
  private final HintScopes scopes;
  private final Map<Integer, ReferenceExpression> parsed;

  HintContext(
      CairoVm vm,
      CairoProgram program,
      HintSite site,
      HintScopes scopes,
      Map<Integer, ReferenceExpression> parsed) {
    this.vm = vm;
    this.program = program;
    this.site = site;
    this.scopes = scopes;
    this.parsed = parsed;
  }

  /** The VM memory. */
  public Memory memory() {
    return vm.memory();
  }

  /** The current ap. */
  public Relocatable ap() {
    return vm.ap();
  }

  /** The current fp. */
  public Relocatable fp() {
    return vm.fp();
  }

  /** The hint scopes. */
  public HintScopes scopes() {
    return scopes;
  }

  /** Creates a new segment ({@code segments.add()}). */
  public Relocatable addSegment() {
    return new Relocatable(vm.memory().addSegment(), 0);
  }

  /** {@code segments.gen_arg(values)}: a new segment holding the values; returns its base. */
  public Relocatable genArg(List<?> values) {
    Relocatable base = addSegment();
    for (int i = 0; i < values.size(); i++) {
      vm.memory().insert(base.add(i), toValue(values.get(i)));
    }
    return base;
  }

  /**
   * Converts a hint-side value (BigInteger, Long, Integer, Felt, Relocatable) to a memory value.
   */
  static Object toValue(Object v) {
    if (v instanceof Felt || v instanceof Relocatable) {
      return v;
    }
    if (v instanceof BigInteger b) {
      return Felt.of(b);
    }
    if (v instanceof Long || v instanceof Integer) {
      return Felt.of(((Number) v).longValue());
    }
    throw new HintException("cannot store " + v + " in memory");
  }

  // ------------------------------------------------------------------ ids

  /** A resolved reference: its value (may be null if the cell is empty) and address, if any. */
  private record Resolved(Object value, Relocatable address, String cairoType) {}

  private Resolved resolveReference(String name) {
    for (int i = site.accessibleScopes().size() - 1; i >= 0; i--) {
      String full = site.accessibleScopes().get(i) + "." + name;
      for (int hops = 0; hops < 32; hops++) {
        Identifier id = program.identifiers().get(full);
        if (id instanceof Identifier.Alias a) {
          full = a.destination();
          continue;
        }
        if (id instanceof Identifier.ReferenceDef ref) {
          return evaluate(full, ref.cairoType());
        }
        if (id != null) {
          throw new HintException(
              "ids." + name + " is a " + id.getClass().getSimpleName() + ", not a reference");
        }
        break;
      }
    }
    throw new HintException("ids." + name + " is not defined at this hint");
  }

  private Resolved evaluate(String fullName, String cairoType) {
    Integer index = site.referenceIds().get(fullName);
    if (index == null) {
      throw new HintException("ids reference " + fullName + " is not visible at this hint");
    }
    Reference ref = program.references().get(index);
    ReferenceExpression expr =
        parsed.computeIfAbsent(index, k -> ReferenceExpression.parse(ref.value()));
    Relocatable ap = vm.ap();
    if (ref.apTracking().group() == site.apTracking().group()) {
      ap = ap.add(-(site.apTracking().offset() - ref.apTracking().offset()));
    } else if (expr.usesAp()) {
      throw new HintException(
          "ids reference " + fullName + " uses ap from another ap-tracking group");
    }
    ReferenceExpression.Registers regs =
        new ReferenceExpression.Registers(ap, vm.fp(), vm.memory());
    if (expr instanceof ReferenceExpression.Deref d) {
      Object addr = d.inner().eval(regs);
      if (!(addr instanceof Relocatable r)) {
        throw new HintException("ids reference " + fullName + " has a felt address");
      }
      return new Resolved(vm.memory().get(r), r, cairoType);
    }
    return new Resolved(expr.eval(regs), null, cairoType);
  }

  private Resolved lookupValue(String name) {
    Identifier constant = constantOrStruct(name);
    if (constant instanceof Identifier.Const c) {
      return new Resolved(Felt.of(c.value()), null, "felt");
    }
    return resolveReference(name);
  }

  private Identifier constantOrStruct(String name) {
    for (int i = site.accessibleScopes().size() - 1; i >= 0; i--) {
      String full = site.accessibleScopes().get(i) + "." + name;
      var id = program.identifier(full);
      if (id.isPresent()
          && (id.get() instanceof Identifier.Const || id.get() instanceof Identifier.Struct)) {
        return id.get();
      }
      if (id.isPresent()) {
        return null;
      }
    }
    return null;
  }

  /** The value of {@code ids.name} (a felt or a pointer). */
  public Object value(String name) {
    Resolved r = lookupValue(name);
    if (r.value() == null) {
      throw new HintException(
          "ids." + name + " is unknown (memory cell " + r.address() + " is empty)");
    }
    return r.value();
  }

  /** {@code ids.name} as a felt. */
  public Felt felt(String name) {
    Object v = value(name);
    if (v instanceof Felt f) {
      return f;
    }
    throw new HintException("ids." + name + " is a pointer (" + v + "), expected an integer");
  }

  /** {@code ids.name} as a canonical integer in [0, P). */
  public BigInteger integer(String name) {
    return felt(name).toBigInteger();
  }

  /** {@code ids.name} as a pointer. */
  public Relocatable pointer(String name) {
    Object v = value(name);
    if (v instanceof Relocatable r) {
      return r;
    }
    throw new HintException("ids." + name + " is a felt (" + v + "), expected a pointer");
  }

  /** The address of {@code ids.name} ({@code ids.name.address_}). */
  public Relocatable address(String name) {
    Resolved r = resolveReference(name);
    if (r.address() == null) {
      throw new HintException("ids." + name + " has no address (its reference is not [e])");
    }
    return r.address();
  }

  /** Assigns {@code ids.name = value}. */
  public void set(String name, Object value) {
    vm.memory().insert(address(name), toValue(value));
  }

  /** The address of member {@code m} of {@code ids.name}. */
  public Relocatable memberAddress(String name, String member) {
    Resolved r = resolveReference(name);
    String type = r.cairoType().trim();
    Relocatable base;
    String structName;
    if (type.endsWith("**") || type.equals("felt*")) {
      throw new HintException("ids." + name + " of type " + type + " has no members");
    } else if (type.endsWith("*")) {
      if (!(r.value() instanceof Relocatable p)) {
        throw new HintException("ids." + name + " is not a pointer");
      }
      base = p;
      structName = type.substring(0, type.length() - 1);
    } else {
      if (r.address() == null) {
        throw new HintException("struct ids." + name + " has no address");
      }
      base = r.address();
      structName = type;
    }
    Identifier id = program.identifier(structName).orElse(null);
    if (!(id instanceof Identifier.Struct s) || !s.members().containsKey(member)) {
      throw new HintException("type " + structName + " has no member " + member);
    }
    return base.add(s.members().get(member).offset());
  }

  /** The value of {@code ids.name.member}. */
  public Object member(String name, String member) {
    return vm.memory().getRequired(memberAddress(name, member));
  }

  /** Assigns {@code ids.name.member = value}. */
  public void setMember(String name, String member, Object value) {
    vm.memory().insert(memberAddress(name, member), toValue(value));
  }

  /** The value of the constant {@code ids.name}. */
  public BigInteger constant(String name) {
    if (constantOrStruct(name) instanceof Identifier.Const c) {
      return c.value();
    }
    throw new HintException("ids." + name + " is not a constant");
  }

  /** {@code ids.S.SIZE} for a struct {@code S}. */
  public int structSize(String name) {
    if (constantOrStruct(name) instanceof Identifier.Struct s) {
      return s.size();
    }
    throw new HintException("ids." + name + " is not a struct");
  }

  /** {@code ids.name} as a signed integer (cairo-lang {@code as_int}). */
  public BigInteger signed(String name) {
    return Arithmetic.asInt(felt(name));
  }
}
