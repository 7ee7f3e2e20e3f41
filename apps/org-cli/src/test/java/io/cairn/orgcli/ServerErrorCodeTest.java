package io.cairn.orgcli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.server.http.ErrorCode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every error code of the server has a message and an exit code of its own. */
class ServerErrorCodeTest {
  @Test
  void everyServerCodeIsMapped() {
    for (ErrorCode code : ErrorCode.values()) {
      assertTrue(
          ServerErrorCode.find(code.name()).isPresent(), "the CLI does not map " + code.name());
    }
  }

  @Test
  void exitCodesAreDistinctAndLeaveRoomForLocalFailures() {
    Set<Integer> seen =
        new HashSet<>(
            Set.of(
                ExitCodes.OK,
                ExitCodes.UNEXPECTED,
                ExitCodes.USAGE,
                ExitCodes.BAD_LOCAL_INPUT,
                ExitCodes.CONNECTION,
                ExitCodes.NOT_LOGGED_IN,
                ExitCodes.PROOF_REJECTED,
                ExitCodes.INTERRUPTED));
    assertEquals(8, seen.size());
    for (ServerErrorCode c : ServerErrorCode.values()) {
      assertTrue(seen.add(c.exitCode()), c + " reuses exit code " + c.exitCode());
      assertTrue(c.exitCode() >= 10 && c.exitCode() < 126, c.toString());
      assertTrue(!c.message().isBlank() && !c.message().contains("\n"), c.toString());
    }
  }

  @Test
  void unknownCodesAreUnknown() {
    ServerError e = new ServerError(418, "TEAPOT", "short and stout", null);
    assertEquals(ServerErrorCode.UNKNOWN, e.code());
    assertEquals(ServerErrorCode.UNKNOWN.exitCode(), e.exitCode());
    assertTrue(e.oneLine().contains("TEAPOT: short and stout"));
  }
}
