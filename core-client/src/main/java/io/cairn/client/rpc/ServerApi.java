package io.cairn.client.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The client side of docs/donor-protocol.md over {@link HttpClient}: one method per endpoint, JSON
 * envelopes unwrapped, errors turned into {@link ServerException}. Thread-safe.
 */
public final class ServerApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final Duration timeout;

  /** A client whose requests time out after {@code timeout}. */
  public ServerApi(Duration timeout) {
    this.http =
        HttpClient.newBuilder()
            // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on plain http, which
            // the server's streamed-body handling refuses ("Request has already been read")
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    this.timeout = timeout;
  }

  /** {@code GET /api/v1/server-key}: the raw 32-byte Ed25519 key. */
  public byte[] serverKey(String baseUrl) throws ServerException {
    JsonNode data = send(request(baseUrl, "/api/v1/server-key", null).GET().build());
    if (!"Ed25519".equals(data.path("algorithm").asText())) {
      throw new ServerException(200, "UNSUPPORTED_KEY", "server key is not Ed25519", null);
    }
    return Base64.getDecoder().decode(data.path("public_key").asText());
  }

  /** {@code POST /api/v1/donor/accounts}. */
  public AccountKey createAccount(String baseUrl, String email, String password, String name)
      throws ServerException {
    ObjectNode body = JSON.createObjectNode().put("email", email).put("password", password);
    body.put("display_name", name);
    return accountKey(post(baseUrl, "/api/v1/donor/accounts", null, body));
  }

  /** {@code POST /api/v1/donor/accounts/lookup}: a new key for an existing account. */
  public AccountKey lookupAccount(String baseUrl, String email, String password)
      throws ServerException {
    ObjectNode body = JSON.createObjectNode().put("email", email).put("password", password);
    return accountKey(post(baseUrl, "/api/v1/donor/accounts/lookup", null, body));
  }

  private static AccountKey accountKey(JsonNode d) {
    return new AccountKey(d.path("account_id").asLong(), d.path("account_key").asText());
  }

  /** {@code POST /api/v1/donor/hosts} with the account key. */
  public HostCredentials registerHost(String baseUrl, String accountKey, HostDescription host)
      throws ServerException {
    ObjectNode body =
        JSON.createObjectNode()
            .put("name", host.name())
            .put("platform", host.platform())
            .put("cores", host.cores())
            .put("memory_bytes", host.memoryBytes())
            .put("client_version", host.clientVersion());
    JsonNode d = post(baseUrl, "/api/v1/donor/hosts", "Bearer " + accountKey, body);
    return new HostCredentials(d.path("host_id").asLong(), d.path("host_key").asText());
  }

  /** {@code POST /api/v1/scheduler}. */
  public SchedulerReply scheduler(String baseUrl, HostCredentials host, ObjectNode request)
      throws ServerException {
    HttpRequest r =
        hostRequest(baseUrl, "/api/v1/scheduler", host)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
            .build();
    JsonNode d = send(r);
    List<Lease> leases = new ArrayList<>();
    for (JsonNode l : d.path("leases")) {
      JsonNode p = l.path("program");
      List<String> input = new ArrayList<>();
      l.path("input").forEach(f -> input.add(f.asText()));
      leases.add(
          new Lease(
              l.path("lease_id").asText(),
              l.path("kind").asText(),
              l.path("input_group_id").asLong(),
              p.path("id").asLong(),
              p.path("url").asText(),
              p.path("sha256").asText(),
              p.path("signature").asText(),
              input,
              l.path("max_steps").asLong(),
              Instant.parse(l.path("deadline").asText()),
              l.path("upload_url").asText(),
              l.path("trace_url").isTextual() ? l.path("trace_url").asText() : null));
    }
    List<String> acks = new ArrayList<>();
    d.path("acks").forEach(a -> acks.add(a.asText()));
    String message = d.path("message").isTextual() ? d.path("message").asText() : null;
    return new SchedulerReply(leases, acks, d.path("next_request_delay").asLong(60), message);
  }

  /**
   * Downloads {@code path} into {@code partFile}, resuming from its current length with a {@code
   * Range} request; returns when the file is complete. A server that ignores the range (200) gets
   * the file rewritten from the start.
   */
  public void download(String baseUrl, String path, HostCredentials host, Path partFile)
      throws ServerException {
    try {
      long have = Files.exists(partFile) ? Files.size(partFile) : 0;
      HttpRequest.Builder b = hostRequest(baseUrl, path, host).GET();
      if (have > 0) {
        b.header("Range", "bytes=" + have + "-");
      }
      HttpResponse<InputStream> resp =
          http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      int status = resp.statusCode();
      if (status == 416) {
        resp.body().close();
        return; // we already hold every byte
      }
      if (status != 200 && status != 206) {
        throw failure(status, resp.body().readAllBytes());
      }
      boolean append = status == 206;
      try (InputStream in = resp.body();
          OutputStream out =
              Files.newOutputStream(
                  partFile,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE,
                  append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
        in.transferTo(out);
      }
    } catch (IOException e) {
      throw new ServerException(0, "NETWORK", "download of " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerException(0, "NETWORK", "interrupted", e);
    }
  }

  /** {@code PUT} an upload; returns whether the server already had these bytes. */
  public boolean upload(String baseUrl, String path, HostCredentials host, Path file)
      throws ServerException {
    try {
      HttpRequest r =
          hostRequest(baseUrl, path, host)
              .header("Content-Type", "application/octet-stream")
              .PUT(HttpRequest.BodyPublishers.ofFile(file))
              .build();
      return send(r).path("duplicate").asBoolean(false);
    } catch (IOException e) {
      throw new ServerException(0, "NETWORK", "cannot read " + file + ": " + e, e);
    }
  }

  private JsonNode post(String baseUrl, String path, String auth, ObjectNode body)
      throws ServerException {
    HttpRequest.Builder b =
        request(baseUrl, path, auth)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    return send(b.build());
  }

  private HttpRequest.Builder hostRequest(String baseUrl, String path, HostCredentials host) {
    return request(baseUrl, path, "Bearer " + host.hostKey())
        .header("X-Cairn-Host", Long.toString(host.hostId()));
  }

  private HttpRequest.Builder request(String baseUrl, String path, String auth) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return b;
  }

  private JsonNode send(HttpRequest r) throws ServerException {
    HttpResponse<byte[]> resp;
    try {
      resp = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new ServerException(0, "NETWORK", r.method() + " " + r.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerException(0, "NETWORK", "interrupted", e);
    }
    if (resp.statusCode() / 100 != 2) {
      throw failure(resp.statusCode(), resp.body());
    }
    try {
      return JSON.readTree(resp.body()).path("data");
    } catch (IOException e) {
      throw new ServerException(resp.statusCode(), "MALFORMED_REPLY", "not JSON: " + e, e);
    }
  }

  private static ServerException failure(int status, byte[] body) {
    try {
      JsonNode n = JSON.readTree(body);
      return new ServerException(
          status,
          n.path("error_code").asText("HTTP_" + status),
          n.path("error_message").asText(""),
          null);
    } catch (IOException e) {
      return new ServerException(status, "HTTP_" + status, "no error envelope", null);
    }
  }
}
