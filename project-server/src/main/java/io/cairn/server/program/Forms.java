package io.cairn.server.program;

import io.cairn.server.http.ApiException;
import io.cairn.server.http.ErrorCode;
import io.vertx.core.MultiMap;

/** Typed fields of a multipart form, validated like JSON bodies. */
final class Forms {
  private Forms() {}

  static String string(MultiMap form, String name, int min, int max, String defaultValue) {
    String v = form.get(name);
    if (v == null) {
      if (defaultValue == null) {
        throw new ApiException(ErrorCode.VALIDATION_FAILED, name + " is required");
      }
      return defaultValue;
    }
    if (v.length() < min || v.length() > max) {
      throw new ApiException(
          ErrorCode.VALIDATION_FAILED, name + " must have " + min + " to " + max + " characters");
    }
    return v;
  }

  static long number(MultiMap form, String name, long min, long max, long defaultValue) {
    String v = form.get(name);
    if (v == null || v.isEmpty()) {
      return defaultValue;
    }
    try {
      long l = Long.parseLong(v.trim());
      if (l >= min && l <= max) {
        return l;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new ApiException(
        ErrorCode.VALIDATION_FAILED, name + " must be an integer between " + min + " and " + max);
  }
}
