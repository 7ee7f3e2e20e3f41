package io.cairn.orgcli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.orgcli.model.Page;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP side of {@link OrgClient}: builds requests to one server, sends them (retrying a {@code
 * RATE_LIMITED} answer after the server's {@code Retry-After}, a few times), and reads Cairn's
 * envelope: {@code data} of a success, a typed {@link ServerError} of an error, a {@link
 * ConnectionFailure} when the server is unreachable or does not speak Cairn's API.
 */
final class ApiHttp {
  private static final int RATE_LIMIT_RETRIES = 5;

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  ApiHttp(URI base) {
    this.base = base;
  }

  /** The server's base URL, without a trailing slash. */
  String server() {
    return base.toString();
  }

  HttpRequest.Builder request(String path, String bearer) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json");
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return b;
  }

  HttpRequest.Builder jsonRequest(String method, String path, Object body) {
    try {
      return request(path, null)
          .header("Content-Type", "application/json")
          .method(method, BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  JsonNode call(HttpRequest.Builder request) {
    return data(send(request));
  }

  HttpResponse<byte[]> send(HttpRequest.Builder builder) {
    HttpRequest request = builder.build();
    for (int attempt = 0; ; attempt++) {
      HttpResponse<byte[]> r;
      try {
        r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        throw new ConnectionFailure(
            "cannot reach the server at "
                + server()
                + " ("
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                + ")",
            e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConnectionFailure("interrupted while waiting for " + server(), e);
      }
      if (r.statusCode() != 429 || attempt >= RATE_LIMIT_RETRIES) {
        return r;
      }
      sleepSeconds(r.headers().firstValue("Retry-After").orElse("1"));
    }
  }

  private static void sleepSeconds(String retryAfter) {
    long seconds;
    try {
      seconds = Math.max(1, Math.min(30, Long.parseLong(retryAfter.trim())));
    } catch (NumberFormatException e) {
      seconds = 1;
    }
    try {
      Thread.sleep(seconds * 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectionFailure("interrupted while rate limited", e);
    }
  }

  JsonNode data(HttpResponse<byte[]> r) {
    JsonNode body = parse(r);
    if (r.statusCode() / 100 == 2
        && body != null
        && "success".equals(body.path("status").asText())) {
      return body.path("data");
    }
    throw error(r, body);
  }

  RuntimeException error(HttpResponse<byte[]> r) {
    return error(r, parse(r));
  }

  private RuntimeException error(HttpResponse<byte[]> r, JsonNode body) {
    if (body != null && "error".equals(body.path("status").asText())) {
      return new ServerError(
          r.statusCode(),
          body.path("error_code").asText("UNKNOWN"),
          body.path("error_message").asText(""),
          body.get("details"));
    }
    return new ConnectionFailure(
        "the server at "
            + server()
            + " answered HTTP "
            + r.statusCode()
            + " without Cairn's envelope; is this a Cairn server?",
        null);
  }

  static String errorCode(HttpResponse<byte[]> r) {
    JsonNode body = parse(r);
    return body == null ? null : body.path("error_code").asText(null);
  }

  private static JsonNode parse(HttpResponse<byte[]> r) {
    String type = r.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("application/json") || r.body() == null || r.body().length == 0) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(r.body());
    } catch (IOException e) {
      return null;
    }
  }

  <T> T as(JsonNode data, Class<T> type) {
    try {
      return Json.MAPPER.treeToValue(data, type);
    } catch (JsonProcessingException e) {
      throw new ConnectionFailure(
          "cannot read the server's answer as " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  <T> Page<T> page(JsonNode data, Class<T> type) {
    List<T> items = new ArrayList<>();
    for (JsonNode item : data.path("items")) {
      items.add(as(item, type));
    }
    return new Page<>(
        List.copyOf(items),
        data.path("total_elements_amount").asLong(),
        data.path("page").asInt(),
        data.path("limit").asInt());
  }
}
