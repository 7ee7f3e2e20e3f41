package io.cairn.cairo.vm.hint;

import io.cairn.cairo.vm.Memory;
import io.cairn.cairo.vm.Relocatable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dictionaries of Cairo's {@code dict} library, as the hints see them: one tracker per
 * dictionary segment, holding the current key-value data, an optional default value and the pointer
 * at which the next DictAccess is expected.
 */
public final class DictManager {
  /** One dictionary. */
  public static final class Tracker {
    final Map<Object, Object> data;
    final Object defaultValue;
    Relocatable currentPtr;

    Tracker(Map<Object, Object> data, Object defaultValue, Relocatable currentPtr) {
      this.data = data;
      this.defaultValue = defaultValue;
      this.currentPtr = currentPtr;
    }

    /** The value of {@code key}, or the default; fails for a missing key without default. */
    Object get(Object key) {
      Object v = data.get(key);
      if (v == null) {
        if (defaultValue == null) {
          throw new HintException("dict has no key " + key);
        }
        return defaultValue;
      }
      return v;
    }
  }

  final Map<Integer, Tracker> trackers = new LinkedHashMap<>();

  /** Creates a dictionary with a default value in a new segment; returns its base. */
  Relocatable newDefaultDict(Memory memory, Object defaultValue) {
    Relocatable base = new Relocatable(memory.addSegment(), 0);
    trackers.put(base.segment(), new Tracker(new HashMap<>(), defaultValue, base));
    return base;
  }

  /** Creates a dictionary with initial data in a new segment; returns its base. */
  Relocatable newDict(Memory memory, Map<Object, Object> initial) {
    Relocatable base = new Relocatable(memory.addSegment(), 0);
    trackers.put(base.segment(), new Tracker(new HashMap<>(initial), null, base));
    return base;
  }

  /** The tracker of the dictionary {@code ptr} points into; ptr must be its current pointer. */
  Tracker tracker(Relocatable ptr) {
    Tracker t = trackers.get(ptr.segment());
    if (t == null) {
      throw new HintException("no dictionary at segment " + ptr.segment());
    }
    if (!t.currentPtr.equals(ptr)) {
      throw new HintException(
          "wrong dict pointer: got " + ptr + ", the dictionary is at " + t.currentPtr);
    }
    return t;
  }

  /** Trackers by segment (for checkpoints). */
  public Map<Integer, Tracker> trackers() {
    return trackers;
  }
}
