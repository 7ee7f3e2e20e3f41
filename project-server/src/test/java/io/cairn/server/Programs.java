package io.cairn.server;

/** Small cairo-compile JSON programs for tests. */
final class Programs {
  private Programs() {}

  static final String PRIME = "0x800000000000011000000000000000000000000000000000000000000000001";

  /** {@code func main() { ret; }} */
  static String minimal() {
    return minimal("0x208b7fff7fff7ffe");
  }

  /** A one-instruction program with the given word (so several distinct programs exist). */
  static String minimal(String word) {
    return "{\"prime\":\""
        + PRIME
        + "\",\"data\":[\"0x40780017fff7fff\",\"0x0\",\""
        + word
        + "\"],\"builtins\":[],\"hints\":{},\"identifiers\":{},"
        + "\"reference_manager\":{\"references\":[]},\"main_scope\":\"__main__\","
        + "\"attributes\":[],\"debug_info\":null,\"compiler_version\":\"0.13.1\"}";
  }

  /** A program with a hint the VM does not implement. */
  static String withUnknownHint() {
    return "{\"prime\":\""
        + PRIME
        + "\",\"data\":[\"0x208b7fff7fff7ffe\"],\"builtins\":[],"
        + "\"hints\":{\"0\":[{\"code\":\"import os; os.system('rm -rf /')\",\"accessible_scopes\":[\"__main__\"],"
        + "\"flow_tracking_data\":{\"ap_tracking\":{\"group\":0,\"offset\":0},\"reference_ids\":{}}}]},"
        + "\"identifiers\":{},\"reference_manager\":{\"references\":[]},\"main_scope\":\"__main__\"}";
  }
}
