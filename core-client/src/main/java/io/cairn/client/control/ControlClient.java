package io.cairn.client.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Talks to a running client's {@link ControlServer}, reading port and token from its directory. */
public final class ControlClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final int port;
  private final String token;

  /** A client for the daemon running on {@code stateDir}. */
  public ControlClient(Path stateDir) throws ControlException {
    try {
      this.port = ControlFiles.readPort(stateDir);
      this.token = ControlFiles.readToken(stateDir);
    } catch (IOException | NumberFormatException e) {
      throw new ControlException(
          "no client is running on " + stateDir + " (no readable control.port/control.token)", e);
    }
  }

  /** {@code GET /status}. */
  public JsonNode status() throws ControlException {
    return send("GET", "/status", Map.of());
  }

  /** {@code POST path} with {@code params}. */
  public JsonNode post(String path, Map<String, String> params) throws ControlException {
    return send("POST", path, params);
  }

  private JsonNode send(String method, String path, Map<String, String> params)
      throws ControlException {
    String query =
        new LinkedHashMap<>(params)
            .entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(
                    e ->
                        URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                            + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    URI uri = URI.create("http://127.0.0.1:" + port + path + (query.isEmpty() ? "" : "?" + query));
    HttpRequest r =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(120))
            .header("X-Cairn-Token", token)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      HttpResponse<byte[]> resp = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
      JsonNode body = JSON.readTree(resp.body());
      if (resp.statusCode() != 200) {
        throw new ControlException(body.path("error").asText("HTTP " + resp.statusCode()), null);
      }
      return body;
    } catch (IOException e) {
      throw new ControlException("the client does not answer on port " + port + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ControlException("interrupted", e);
    }
  }

  /** A control request that failed; the message is for the donor. */
  public static final class ControlException extends Exception {
    ControlException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
