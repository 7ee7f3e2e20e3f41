package io.cairn.client.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cairn.client.CoreClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control channel of a running client: HTTP on the loopback interface only, every request
 * carrying the token of {@code control.token} in {@code X-Cairn-Token}. {@code GET /status}; {@code
 * POST /suspend|/resume|/abort ?task=}, {@code /prefs ?name=&value=}, {@code /no-more-work
 * ?project=&value=}, {@code /detach ?project=}, {@code /attach ?url=&key=} or {@code
 * &email=&password=}, {@code /quit}. Answers are JSON; a refused request is 4xx with {@code
 * {"error": "..."}}.
 */
public final class ControlServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ControlServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer http;
  private final CoreClient client;
  private final byte[] token;
  private final Runnable onQuit;
  private final Path stateDir;

  private ControlServer(HttpServer http, CoreClient client, String token, Runnable onQuit) {
    this.http = http;
    this.client = client;
    this.token = token.getBytes(StandardCharsets.US_ASCII);
    this.onQuit = onQuit;
    this.stateDir = client.stateDir();
  }

  /** Serves {@code client} on {@code port} (0: any) of the loopback interface. */
  public static ControlServer start(CoreClient client, int port, Runnable onQuit)
      throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    String token = ControlFiles.newToken(client.stateDir());
    ControlServer s = new ControlServer(http, client, token, onQuit);
    http.createContext("/", s::handle);
    http.setExecutor(
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "cairn-control");
              t.setDaemon(true);
              return t;
            }));
    http.start();
    Files.writeString(ControlFiles.portFile(client.stateDir()), Integer.toString(s.port()));
    log.info("control channel on 127.0.0.1:{}", s.port());
    return s;
  }

  /** The bound port. */
  public int port() {
    return http.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String given = ex.getRequestHeaders().getFirst("X-Cairn-Token");
      if (given == null
          || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.US_ASCII))) {
        reply(ex, 401, Map.of("error", "missing or wrong control token"));
        return;
      }
      String path = ex.getRequestURI().getPath();
      Map<String, String> q = query(ex.getRequestURI().getRawQuery());
      boolean get = ex.getRequestMethod().equals("GET");
      if (get && path.equals("/status")) {
        reply(ex, 200, client.status());
        return;
      }
      if (get || !ex.getRequestMethod().equals("POST")) {
        reply(ex, 405, Map.of("error", "use POST for " + path));
        return;
      }
      if (path.equals("/quit")) {
        reply(ex, 200, Map.of("ok", true));
        new Thread(onQuit, "cairn-quit").start(); // after the answer has gone out
        return;
      }
      Object result = act(path, q);
      if (result == null) {
        reply(ex, 404, Map.of("error", "no such command or target: " + path + " " + q));
      } else {
        reply(ex, 200, result);
      }
    } catch (IllegalArgumentException e) {
      reply(ex, 400, Map.of("error", e.getMessage()));
    } catch (io.cairn.client.rpc.ServerException e) {
      reply(ex, 502, Map.of("error", e.getMessage()));
    }
  }

  private Object act(String path, Map<String, String> q)
      throws IOException, io.cairn.client.rpc.ServerException {
    String task = q.get("task");
    return switch (path) {
      case "/suspend" -> client.suspend(task) ? Map.of("ok", true) : null;
      case "/resume" -> client.resume(task) ? Map.of("ok", true) : null;
      case "/abort" -> task != null && client.abort(task) ? Map.of("ok", true) : null;
      case "/prefs" -> client.setPreference(required(q, "name"), required(q, "value"));
      case "/no-more-work" -> {
        client.noMoreWork(q.get("project"), !"false".equals(q.get("value")));
        yield Map.of("ok", true);
      }
      case "/detach" -> client.detach(required(q, "project")) ? Map.of("ok", true) : null;
      case "/attach" -> {
        if (q.containsKey("key")) {
          client.attach(required(q, "url"), q.get("key"));
        } else {
          client.attachWithPassword(
              required(q, "url"), required(q, "email"), required(q, "password"));
        }
        yield Map.of("ok", true);
      }
      default -> null;
    };
  }

  private static String required(Map<String, String> q, String name) {
    String v = q.get(name);
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException("missing parameter " + name);
    }
    return v;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int i = pair.indexOf('=');
      String k = i < 0 ? pair : pair.substring(0, i);
      String v = i < 0 ? "" : pair.substring(i + 1);
      out.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static void reply(HttpExchange ex, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    http.stop(1);
    try {
      Files.deleteIfExists(ControlFiles.portFile(stateDir));
      Files.deleteIfExists(ControlFiles.tokenFile(stateDir));
    } catch (IOException e) {
      log.debug("could not remove the control files", e);
    }
  }
}
