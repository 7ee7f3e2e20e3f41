package io.cairn.server.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * A request's JSON object body with typed, validated field access. Malformed JSON answers 400
 * {@code MALFORMED_JSON}; a field of the wrong type or out of range 422 {@code VALIDATION_FAILED};
 * an unexpected field (where the caller lists the allowed ones) 400 {@code UNKNOWN_FIELD}.
 */
public final class JsonBody {
  private final JsonObject json;

  private JsonBody(JsonObject json) {
    this.json = json;
  }

  /** Parses the body, refusing fields outside {@code allowed} (null: accept any). */
  public static JsonBody of(RoutingContext ctx, Set<String> allowed) {
    JsonObject json;
    try {
      Object parsed = ctx.body().buffer() == null ? null : ctx.body().buffer().toJsonValue();
      if (!(parsed instanceof JsonObject o)) {
        throw new ApiException(ErrorCode.MALFORMED_JSON, "the body must be a JSON object");
      }
      json = o;
    } catch (DecodeException e) {
      throw new ApiException(ErrorCode.MALFORMED_JSON, "the body is not valid JSON");
    }
    return wrap(json, allowed, "");
  }

  /** Wraps a nested object, refusing fields outside {@code allowed} (null: accept any). */
  public static JsonBody wrap(JsonObject json, Set<String> allowed, String where) {
    if (allowed != null) {
      for (String name : json.fieldNames()) {
        if (!allowed.contains(name)) {
          throw new ApiException(ErrorCode.UNKNOWN_FIELD, "unknown field '" + where + name + "'");
        }
      }
    }
    return new JsonBody(json);
  }

  public JsonObject raw() {
    return json;
  }

  public boolean has(String name) {
    return json.containsKey(name) && json.getValue(name) != null;
  }

  public String string(String name, int minLength, int maxLength) {
    String s = optString(name, maxLength);
    if (s == null) {
      throw invalid(name + " is required");
    }
    if (s.length() < minLength) {
      throw invalid(name + " must have at least " + minLength + " characters");
    }
    return s;
  }

  public String optString(String name, int maxLength) {
    Object v = json.getValue(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw invalid(name + " must be a string");
    }
    if (s.length() > maxLength) {
      throw invalid(name + " must have at most " + maxLength + " characters");
    }
    return s;
  }

  public long longValue(String name, long min, long max, Long defaultValue) {
    Object v = json.getValue(name);
    if (v == null) {
      if (defaultValue == null) {
        throw invalid(name + " is required");
      }
      return defaultValue;
    }
    if (!(v instanceof Number n) || v instanceof Double || v instanceof Float) {
      throw invalid(name + " must be an integer");
    }
    long l = n.longValue();
    if (l < min || l > max) {
      throw invalid(name + " must be between " + min + " and " + max);
    }
    return l;
  }

  public int intValue(String name, int min, int max, Integer defaultValue) {
    return (int) longValue(name, min, max, defaultValue == null ? null : (long) defaultValue);
  }

  public double doubleValue(String name, double min, double max, double defaultValue) {
    Object v = json.getValue(name);
    if (v == null) {
      return defaultValue;
    }
    if (!(v instanceof Number n)) {
      throw invalid(name + " must be a number");
    }
    double d = n.doubleValue();
    if (!(d >= min && d <= max)) {
      throw invalid(name + " must be between " + min + " and " + max);
    }
    return d;
  }

  public boolean bool(String name, boolean defaultValue) {
    Object v = json.getValue(name);
    if (v == null) {
      return defaultValue;
    }
    if (!(v instanceof Boolean b)) {
      throw invalid(name + " must be true or false");
    }
    return b;
  }

  public JsonObject object(String name) {
    Object v = json.getValue(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonObject o)) {
      throw invalid(name + " must be an object");
    }
    return o;
  }

  public JsonArray array(String name) {
    Object v = json.getValue(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonArray a)) {
      throw invalid(name + " must be an array");
    }
    return a;
  }

  private static ApiException invalid(String message) {
    return new ApiException(ErrorCode.VALIDATION_FAILED, message);
  }
}
