package io.cairn.orgcli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The server answered the error envelope {@code {"status":"error","error_code","error_message"}}.
 * {@link #code()} is the CLI's view of the code ({@link ServerErrorCode#UNKNOWN} if new), {@link
 * #rawCode()} the string the server sent, and {@link #lineErrors()} the per-line details of a
 * refused bulk upload.
 */
public final class ServerError extends OrgCliException {
  /** One bad line of a refused input-group upload. */
  public record LineError(int line, String message) {}

  private final int httpStatus;
  private final String rawCode;
  private final ServerErrorCode code;
  private final String serverMessage;
  private final List<LineError> lineErrors;

  public ServerError(int httpStatus, String rawCode, String serverMessage, JsonNode details) {
    super(rawCode + ": " + serverMessage, null);
    this.httpStatus = httpStatus;
    this.rawCode = rawCode;
    this.code = ServerErrorCode.find(rawCode).orElse(ServerErrorCode.UNKNOWN);
    this.serverMessage = serverMessage == null ? "" : serverMessage;
    List<LineError> lines = new ArrayList<>();
    if (details != null && details.isArray()) {
      for (JsonNode d : details) {
        if (d.has("line")) {
          lines.add(new LineError(d.path("line").asInt(), d.path("message").asText()));
        }
      }
    }
    this.lineErrors = List.copyOf(lines);
  }

  public int httpStatus() {
    return httpStatus;
  }

  public ServerErrorCode code() {
    return code;
  }

  public String rawCode() {
    return rawCode;
  }

  public String serverMessage() {
    return serverMessage;
  }

  public List<LineError> lineErrors() {
    return lineErrors;
  }

  /** The same error with line numbers shifted by {@code offset} (for chunked uploads). */
  public ServerError withLineOffset(int offset) {
    var details = Json.MAPPER.createArrayNode();
    for (LineError e : lineErrors) {
      details.addObject().put("line", e.line() + offset).put("message", e.message());
    }
    return new ServerError(httpStatus, rawCode, serverMessage, details);
  }

  @Override
  public int exitCode() {
    return code.exitCode();
  }

  @Override
  public String oneLine() {
    return code.message() + " (" + rawCode + ": " + serverMessage + ")";
  }
}
