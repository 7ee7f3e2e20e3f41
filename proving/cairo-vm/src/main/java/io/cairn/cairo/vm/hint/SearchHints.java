package io.cairn.cairo.vm.hint;

import io.cairn.cairo.vm.Relocatable;
import io.cairn.math.Felt;
import java.math.BigInteger;
import java.util.Map;

/** find_element and search_sorted_lower. */
final class SearchHints {
  private SearchHints() {}

  static void register(Map<String, Hint> table) {
    table.put("FIND_ELEMENT", SearchHints::findElement);
    table.put("SEARCH_SORTED_LOWER", SearchHints::searchSortedLower);
  }

  private static long positive(HintContext ctx, String name, boolean allowZero) {
    BigInteger v = ctx.integer(name);
    if (v.bitLength() > 62 || (!allowZero && v.signum() == 0)) {
      throw new HintException("Invalid value for " + name + ". Got: " + v + ".");
    }
    return v.longValue();
  }

  private static void checkMaxSize(HintContext ctx, String variable, long n) {
    Object max = ctx.scopes().current().get(variable);
    if (max instanceof BigInteger m && BigInteger.valueOf(n).compareTo(m) > 0) {
      throw new HintException("n_elms=" + n + " exceeds " + variable + "=" + m);
    }
  }

  private static void findElement(HintContext ctx) {
    Relocatable array = ctx.pointer("array_ptr");
    long elmSize = positive(ctx, "elm_size", false);
    Object key = ctx.value("key");
    Map<String, Object> scope = ctx.scopes().current();
    if (scope.containsKey("__find_element_index")) {
      BigInteger index = (BigInteger) scope.remove("__find_element_index");
      Object found = ctx.memory().get(array.add(elmSize * index.longValueExact()));
      if (!key.equals(found)) {
        throw new HintException("Invalid index found in __find_element_index: " + index);
      }
      ctx.set("index", index);
      return;
    }
    long n = positive(ctx, "n_elms", true);
    checkMaxSize(ctx, "__find_element_max_size", n);
    for (long i = 0; i < n; i++) {
      if (key.equals(ctx.memory().getRequired(array.add(elmSize * i)))) {
        ctx.set("index", Felt.of(i));
        return;
      }
    }
    throw new HintException("Key " + key + " was not found.");
  }

  private static void searchSortedLower(HintContext ctx) {
    Relocatable array = ctx.pointer("array_ptr");
    long elmSize = positive(ctx, "elm_size", false);
    long n = positive(ctx, "n_elms", true);
    checkMaxSize(ctx, "__find_element_max_size", n);
    BigInteger key = ctx.integer("key");
    for (long i = 0; i < n; i++) {
      Object v = ctx.memory().getRequired(array.add(elmSize * i));
      if (!(v instanceof Felt f)) {
        throw new HintException("search_sorted_lower: array element is a pointer");
      }
      if (f.toBigInteger().compareTo(key) >= 0) {
        ctx.set("index", Felt.of(i));
        return;
      }
    }
    ctx.set("index", Felt.of(n));
  }
}
