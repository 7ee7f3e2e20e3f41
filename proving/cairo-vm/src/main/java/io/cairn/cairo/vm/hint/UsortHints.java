package io.cairn.cairo.vm.hint;

import io.cairn.cairo.vm.Relocatable;
import io.cairn.math.Felt;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The usort hints. Scope variables: {@code __usort_max_size}, {@code positions_dict} (value to its
 * positions in the input), {@code positions} (positions of the value being verified, reversed) and
 * {@code last_pos}.
 */
final class UsortHints {
  private UsortHints() {}

  static void register(Map<String, Hint> table) {
    table.put(
        "USORT_ENTER_SCOPE",
        ctx -> {
          Map<String, Object> vars = new HashMap<>();
          vars.put("__usort_max_size", ctx.scopes().current().get("__usort_max_size"));
          ctx.scopes().enter(vars);
        });
    table.put("USORT_BODY", UsortHints::body);
    table.put(
        "USORT_VERIFY",
        ctx -> {
          ctx.scopes().put("last_pos", BigInteger.ZERO);
          List<BigInteger> positions =
              new ArrayList<>(positionsDict(ctx).getOrDefault(ctx.integer("value"), List.of()));
          Collections.reverse(positions);
          ctx.scopes().put("positions", positions);
        });
    table.put(
        "USORT_VERIFY_MULTIPLICITY_BODY",
        ctx -> {
          List<BigInteger> positions = positions(ctx);
          if (positions.isEmpty()) {
            throw new HintException("usort: no position left");
          }
          BigInteger current = positions.remove(positions.size() - 1);
          BigInteger last = (BigInteger) ctx.scopes().get("last_pos");
          ctx.set("next_item_index", current.subtract(last));
          ctx.scopes().put("last_pos", current.add(BigInteger.ONE));
        });
    table.put(
        "USORT_VERIFY_MULTIPLICITY_ASSERT",
        ctx -> {
          if (!positions(ctx).isEmpty()) {
            throw new HintException("assert len(positions) == 0");
          }
        });
  }

  @SuppressWarnings("unchecked")
  private static Map<BigInteger, List<BigInteger>> positionsDict(HintContext ctx) {
    return (Map<BigInteger, List<BigInteger>>) ctx.scopes().get("positions_dict");
  }

  @SuppressWarnings("unchecked")
  private static List<BigInteger> positions(HintContext ctx) {
    return (List<BigInteger>) ctx.scopes().get("positions");
  }

  private static void body(HintContext ctx) {
    Relocatable input = ctx.pointer("input");
    long len = ctx.integer("input_len").longValueExact();
    Object max = ctx.scopes().get("__usort_max_size");
    if (max instanceof BigInteger m && BigInteger.valueOf(len).compareTo(m) > 0) {
      throw new HintException("usort() can only be used with input_len<=" + m);
    }
    TreeMap<BigInteger, List<BigInteger>> positions = new TreeMap<>();
    for (long i = 0; i < len; i++) {
      Object v = ctx.memory().getRequired(input.add(i));
      if (!(v instanceof Felt f)) {
        throw new HintException("usort: input element is a pointer");
      }
      positions
          .computeIfAbsent(f.toBigInteger(), k -> new ArrayList<>())
          .add(BigInteger.valueOf(i));
    }
    List<BigInteger> output = new ArrayList<>(positions.keySet());
    List<BigInteger> multiplicities = new ArrayList<>();
    for (BigInteger k : output) {
      multiplicities.add(BigInteger.valueOf(positions.get(k).size()));
    }
    ctx.scopes().put("positions_dict", new HashMap<>(positions));
    ctx.set("output_len", BigInteger.valueOf(output.size()));
    ctx.set("output", ctx.genArg(output));
    ctx.set("multiplicities", ctx.genArg(multiplicities));
  }
}
