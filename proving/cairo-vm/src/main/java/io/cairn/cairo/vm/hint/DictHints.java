package io.cairn.cairo.vm.hint;

import io.cairn.cairo.vm.Relocatable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The hints of cairo-lang's {@code dict} and {@code default_dict} libraries. */
final class DictHints {
  static final String MANAGER = "__dict_manager";

  private DictHints() {}

  static void register(Map<String, Hint> table) {
    table.put(
        "DEFAULT_DICT_NEW",
        ctx ->
            ctx.memory()
                .insert(
                    ctx.ap(),
                    manager(ctx, true).newDefaultDict(ctx.memory(), ctx.value("default_value"))));
    table.put("DICT_NEW", DictHints::dictNew);
    table.put("DICT_READ", DictHints::dictRead);
    table.put("DICT_WRITE", DictHints::dictWrite);
    table.put("DICT_UPDATE", DictHints::dictUpdate);
    table.put("DICT_SQUASH_COPY_DICT", DictHints::squashCopyDict);
    table.put(
        "DICT_SQUASH_UPDATE_PTR",
        ctx ->
            manager(ctx, false).tracker(ctx.pointer("squashed_dict_start")).currentPtr =
                ctx.pointer("squashed_dict_end"));
  }

  static DictManager manager(HintContext ctx, boolean create) {
    Map<String, Object> scope = ctx.scopes().current();
    Object m = scope.get(MANAGER);
    if (m == null) {
      if (!create) {
        throw new HintException("__dict_manager is not defined in this scope");
      }
      m = new DictManager();
      scope.put(MANAGER, m);
    }
    return (DictManager) m;
  }

  @SuppressWarnings("unchecked")
  private static void dictNew(HintContext ctx) {
    DictManager manager = manager(ctx, true);
    Object initial = ctx.scopes().get("initial_dict");
    if (!(initial instanceof Map<?, ?> map)) {
      throw new HintException("initial_dict is not a dict");
    }
    ctx.memory().insert(ctx.ap(), manager.newDict(ctx.memory(), (Map<Object, Object>) map));
    ctx.scopes().current().remove("initial_dict");
  }

  private static DictManager.Tracker advance(HintContext ctx) {
    DictManager.Tracker t = manager(ctx, false).tracker(ctx.pointer("dict_ptr"));
    t.currentPtr = t.currentPtr.add(ctx.structSize("DictAccess"));
    return t;
  }

  private static void dictRead(HintContext ctx) {
    DictManager.Tracker t = advance(ctx);
    ctx.set("value", t.get(ctx.value("key")));
  }

  private static void dictWrite(HintContext ctx) {
    DictManager.Tracker t = advance(ctx);
    Object key = ctx.value("key");
    ctx.setMember("dict_ptr", "prev_value", t.get(key));
    t.data.put(key, ctx.value("new_value"));
  }

  private static void dictUpdate(HintContext ctx) {
    Relocatable ptr = ctx.pointer("dict_ptr");
    DictManager.Tracker t = manager(ctx, false).tracker(ptr);
    Object key = ctx.value("key");
    Object current = t.get(key);
    Object prev = ctx.value("prev_value");
    if (!current.equals(prev)) {
      throw new HintException(
          "Wrong previous value in dict. Got " + prev + ", expected " + current + ".");
    }
    t.data.put(key, ctx.value("new_value"));
    t.currentPtr = t.currentPtr.add(ctx.structSize("DictAccess"));
  }

  private static void squashCopyDict(HintContext ctx) {
    DictManager manager = manager(ctx, false);
    Map<Object, Object> copy =
        new LinkedHashMap<>(manager.tracker(ctx.pointer("dict_accesses_end")).data);
    Map<String, Object> vars = new HashMap<>();
    vars.put(MANAGER, manager);
    vars.put("initial_dict", copy);
    ctx.scopes().enter(vars);
  }
}
