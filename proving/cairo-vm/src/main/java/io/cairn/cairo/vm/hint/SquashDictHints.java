package io.cairn.cairo.vm.hint;

import io.cairn.cairo.vm.Relocatable;
import io.cairn.cairo.vm.builtin.RangeCheckBuiltin;
import io.cairn.math.Felt;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The squash_dict hints. Scope variables: {@code access_indices} (key to access positions), {@code
 * keys} (keys still to process, descending), {@code key}, {@code current_access_indices}
 * (descending) and {@code current_access_index}.
 */
final class SquashDictHints {
  private SquashDictHints() {}

  static void register(Map<String, Hint> table) {
    table.put("SQUASH_DICT", SquashDictHints::squashDict);
    table.put(
        "SQUASH_DICT_INNER_SKIP_LOOP",
        ctx -> ctx.set("should_skip_loop", currentIndices(ctx).isEmpty() ? 1L : 0L));
    table.put("SQUASH_DICT_INNER_FIRST_ITERATION", SquashDictHints::firstIteration);
    table.put("SQUASH_DICT_INNER_CHECK_ACCESS_INDEX", SquashDictHints::checkAccessIndex);
    table.put(
        "SQUASH_DICT_INNER_CONTINUE_LOOP",
        ctx ->
            ctx.setMember(
                "loop_temps", "should_continue", currentIndices(ctx).isEmpty() ? 0L : 1L));
    table.put(
        "SQUASH_DICT_INNER_ASSERT_LEN_KEYS",
        ctx -> require(keys(ctx).isEmpty(), "assert len(keys) == 0"));
    table.put(
        "SQUASH_DICT_INNER_LEN_ASSERT",
        ctx -> require(currentIndices(ctx).isEmpty(), "assert len(current_access_indices) == 0"));
    table.put(
        "SQUASH_DICT_INNER_USED_ACCESSES_ASSERT",
        ctx ->
            require(
                ctx.integer("n_used_accesses")
                    .equals(BigInteger.valueOf(accessIndices(ctx).get(key(ctx)).size())),
                "assert ids.n_used_accesses == len(access_indices[key])"));
    table.put(
        "SQUASH_DICT_INNER_NEXT_KEY",
        ctx -> {
          List<BigInteger> keys = keys(ctx);
          require(!keys.isEmpty(), "No keys left but remaining_accesses > 0.");
          BigInteger key = keys.remove(keys.size() - 1);
          ctx.scopes().put("key", key);
          ctx.set("next_key", key);
        });
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new HintException(message);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<BigInteger, List<BigInteger>> accessIndices(HintContext ctx) {
    return (Map<BigInteger, List<BigInteger>>) ctx.scopes().get("access_indices");
  }

  @SuppressWarnings("unchecked")
  private static List<BigInteger> keys(HintContext ctx) {
    return (List<BigInteger>) ctx.scopes().get("keys");
  }

  @SuppressWarnings("unchecked")
  private static List<BigInteger> currentIndices(HintContext ctx) {
    return (List<BigInteger>) ctx.scopes().get("current_access_indices");
  }

  private static BigInteger key(HintContext ctx) {
    return (BigInteger) ctx.scopes().get("key");
  }

  private static void squashDict(HintContext ctx) {
    int size = ctx.structSize("DictAccess");
    Relocatable address = ctx.pointer("dict_accesses");
    require(
        ctx.integer("ptr_diff").mod(BigInteger.valueOf(size)).signum() == 0,
        "Accesses array size must be divisible by DictAccess.SIZE");
    long n = ctx.integer("n_accesses").longValueExact();
    Object max = ctx.scopes().current().get("__squash_dict_max_size");
    if (max instanceof BigInteger m) {
      require(BigInteger.valueOf(n).compareTo(m) <= 0, "squash_dict(): n_accesses exceeds max");
    }
    Map<BigInteger, List<BigInteger>> accessIndices = new LinkedHashMap<>();
    for (long i = 0; i < n; i++) {
      Object key = ctx.memory().getRequired(address.add(size * i));
      if (!(key instanceof Felt f)) {
        throw new HintException("squash_dict: key is a pointer");
      }
      accessIndices
          .computeIfAbsent(f.toBigInteger(), k -> new ArrayList<>())
          .add(BigInteger.valueOf(i));
    }
    List<BigInteger> keys = new ArrayList<>(accessIndices.keySet());
    keys.sort(Collections.reverseOrder());
    require(!keys.isEmpty(), "squash_dict: no accesses");
    ctx.set("big_keys", keys.get(0).compareTo(RangeCheckBuiltin.BOUND) >= 0 ? 1L : 0L);
    BigInteger key = keys.remove(keys.size() - 1);
    ctx.scopes().put("access_indices", accessIndices);
    ctx.scopes().put("keys", keys);
    ctx.scopes().put("key", key);
    ctx.set("first_key", key);
  }

  private static void firstIteration(HintContext ctx) {
    List<BigInteger> indices = new ArrayList<>(accessIndices(ctx).get(key(ctx)));
    indices.sort(Collections.reverseOrder());
    BigInteger current = indices.remove(indices.size() - 1);
    ctx.scopes().put("current_access_indices", indices);
    ctx.scopes().put("current_access_index", current);
    ctx.memory().insert(ctx.pointer("range_check_ptr"), Felt.of(current));
  }

  private static void checkAccessIndex(HintContext ctx) {
    List<BigInteger> indices = currentIndices(ctx);
    require(!indices.isEmpty(), "squash_dict: no access index left");
    BigInteger next = indices.remove(indices.size() - 1);
    BigInteger current = (BigInteger) ctx.scopes().get("current_access_index");
    ctx.setMember(
        "loop_temps", "index_delta_minus1", next.subtract(current).subtract(BigInteger.ONE));
    ctx.scopes().put("current_access_index", next);
  }
}
