package io.cairn.cairo.vm.hint;

import io.cairn.cairo.vm.Relocatable;
import io.cairn.math.Felt;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binary codec of the hint scopes for checkpoints. Scope values are restricted to null, BigInteger,
 * Long, Felt, Relocatable, List, Map and {@link DictManager}; a dict manager shared by several
 * scopes is written once and restored as one object.
 */
public final class ScopeCodec {
  private static final int NULL = 0;
  private static final int BIG = 1;
  private static final int LONG = 2;
  private static final int FELT = 3;
  private static final int RELOC = 4;
  private static final int LIST = 5;
  private static final int MAP = 6;
  private static final int MANAGER = 7;
  private static final int MANAGER_REF = 8;

  private final Map<DictManager, Integer> written = new IdentityHashMap<>();
  private final List<DictManager> read = new ArrayList<>();

  private ScopeCodec() {}

  /** Writes all scopes, outermost first. */
  public static void write(HintScopes scopes, DataOutputStream out) throws IOException {
    ScopeCodec codec = new ScopeCodec();
    List<Map<String, Object>> list = scopes.outermostFirst();
    out.writeInt(list.size());
    for (Map<String, Object> scope : list) {
      out.writeInt(scope.size());
      for (Map.Entry<String, Object> e : scope.entrySet()) {
        out.writeUTF(e.getKey());
        codec.writeValue(e.getValue(), out);
      }
    }
  }

  /** Reads scopes written by {@link #write}. */
  public static HintScopes read(DataInputStream in) throws IOException {
    ScopeCodec codec = new ScopeCodec();
    int n = in.readInt();
    List<Map<String, Object>> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int size = in.readInt();
      Map<String, Object> scope = new LinkedHashMap<>();
      for (int j = 0; j < size; j++) {
        String key = in.readUTF();
        scope.put(key, codec.readValue(in));
      }
      list.add(scope);
    }
    HintScopes scopes = new HintScopes();
    scopes.restore(list);
    return scopes;
  }

  private void writeValue(Object v, DataOutputStream out) throws IOException {
    if (v == null) {
      out.writeByte(NULL);
    } else if (v instanceof BigInteger b) {
      out.writeByte(BIG);
      byte[] bytes = b.toByteArray();
      out.writeInt(bytes.length);
      out.write(bytes);
    } else if (v instanceof Long l) {
      out.writeByte(LONG);
      out.writeLong(l);
    } else if (v instanceof Felt f) {
      out.writeByte(FELT);
      out.write(f.toBytesLE());
    } else if (v instanceof Relocatable r) {
      out.writeByte(RELOC);
      out.writeInt(r.segment());
      out.writeLong(r.offset());
    } else if (v instanceof List<?> list) {
      out.writeByte(LIST);
      out.writeInt(list.size());
      for (Object o : list) {
        writeValue(o, out);
      }
    } else if (v instanceof Map<?, ?> map) {
      out.writeByte(MAP);
      out.writeInt(map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) {
        writeValue(e.getKey(), out);
        writeValue(e.getValue(), out);
      }
    } else if (v instanceof DictManager m) {
      Integer id = written.get(m);
      if (id != null) {
        out.writeByte(MANAGER_REF);
        out.writeInt(id);
        return;
      }
      written.put(m, written.size());
      out.writeByte(MANAGER);
      out.writeInt(m.trackers.size());
      for (Map.Entry<Integer, DictManager.Tracker> e : m.trackers.entrySet()) {
        out.writeInt(e.getKey());
        writeValue(new LinkedHashMap<>(e.getValue().data), out);
        writeValue(e.getValue().defaultValue, out);
        writeValue(e.getValue().currentPtr, out);
      }
    } else {
      throw new IOException("cannot checkpoint scope value of type " + v.getClass().getName());
    }
  }

  @SuppressWarnings("unchecked")
  private Object readValue(DataInputStream in) throws IOException {
    int tag = in.readUnsignedByte();
    switch (tag) {
      case NULL:
        return null;
      case BIG:
        {
          byte[] b = new byte[in.readInt()];
          in.readFully(b);
          return new BigInteger(b);
        }
      case LONG:
        return in.readLong();
      case FELT:
        {
          byte[] b = new byte[32];
          in.readFully(b);
          return Felt.fromBytesLE(b, 0);
        }
      case RELOC:
        return new Relocatable(in.readInt(), in.readLong());
      case LIST:
        {
          int n = in.readInt();
          List<Object> list = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            list.add(readValue(in));
          }
          return list;
        }
      case MAP:
        {
          int n = in.readInt();
          Map<Object, Object> map = new LinkedHashMap<>();
          for (int i = 0; i < n; i++) {
            Object k = readValue(in);
            map.put(k, readValue(in));
          }
          return map;
        }
      case MANAGER:
        {
          DictManager m = new DictManager();
          read.add(m);
          int n = in.readInt();
          for (int i = 0; i < n; i++) {
            int seg = in.readInt();
            Map<Object, Object> data = (Map<Object, Object>) readValue(in);
            Object def = readValue(in);
            Relocatable ptr = (Relocatable) readValue(in);
            m.trackers.put(seg, new DictManager.Tracker(new java.util.HashMap<>(data), def, ptr));
          }
          return m;
        }
      case MANAGER_REF:
        return read.get(in.readInt());
      default:
        throw new IOException("corrupt checkpoint: unknown scope value tag " + tag);
    }
  }
}
