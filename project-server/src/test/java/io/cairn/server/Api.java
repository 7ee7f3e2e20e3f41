package io.cairn.server;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.multipart.MultipartForm;

/** A small blocking HTTP client for tests (Vert.x WebClient, awaited from the test thread). */
final class Api {
  final WebClient client;
  final int port;

  Api(Vertx vertx, int port) {
    this.client =
        WebClient.create(
            vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
    this.port = port;
  }

  /** A reply: status, headers, body. */
  record Reply(int status, MultiMap headers, Buffer body) {
    JsonObject json() {
      return body == null ? null : body.toJsonObject();
    }

    JsonObject data() {
      return json().getJsonObject("data");
    }

    String errorCode() {
      return json().getString("error_code");
    }
  }

  HttpRequest<Buffer> request(HttpMethod method, String path, String bearer) {
    HttpRequest<Buffer> r = client.request(method, path);
    if (bearer != null) {
      r.putHeader("Authorization", "Bearer " + bearer);
    }
    return r;
  }

  static Reply of(HttpResponse<Buffer> r) {
    return new Reply(r.statusCode(), r.headers(), r.body());
  }

  Reply send(HttpRequest<Buffer> r) {
    return of(r.send().await());
  }

  Reply send(HttpRequest<Buffer> r, Buffer body) {
    return of(r.sendBuffer(body).await());
  }

  Reply get(String path, String bearer) {
    return send(request(HttpMethod.GET, path, bearer));
  }

  Reply delete(String path, String bearer) {
    return send(request(HttpMethod.DELETE, path, bearer));
  }

  Reply post(String path, String bearer, JsonObject body) {
    return of(request(HttpMethod.POST, path, bearer).sendJsonObject(body).await());
  }

  Reply postRaw(String path, String bearer, String contentType, String body) {
    return send(
        request(HttpMethod.POST, path, bearer).putHeader("Content-Type", contentType),
        Buffer.buffer(body));
  }

  Reply multipart(String path, String bearer, MultipartForm form) {
    return of(request(HttpMethod.POST, path, bearer).sendMultipartForm(form).await());
  }

  /** Registers an organization and logs in; returns the login data (tokens). */
  JsonObject registerAndLogin(String name) {
    Reply reg =
        post(
            "/api/v1/auth/register",
            null,
            new JsonObject()
                .put("username", name + "-admin")
                .put("password", "password-" + name)
                .put("name", name));
    if (reg.status() != 201) {
      throw new AssertionError("register failed: " + reg.status() + " " + reg.body());
    }
    Reply login =
        post(
            "/api/v1/auth/login",
            null,
            new JsonObject().put("username", name + "-admin").put("password", "password-" + name));
    if (login.status() != 200) {
      throw new AssertionError("login failed: " + login.body());
    }
    return login.data();
  }

  /** Uploads a program; returns its JSON. */
  JsonObject uploadProgram(String token, String name, String programJson) {
    MultipartForm form =
        MultipartForm.create()
            .attribute("name", name)
            .attribute("lease_timeout_seconds", "600")
            .textFileUpload("file", "program.json", Buffer.buffer(programJson), "application/json");
    Reply r = multipart("/api/v1/programs", token, form);
    if (r.status() != 201) {
      throw new AssertionError("upload failed: " + r.status() + " " + r.body());
    }
    return r.data();
  }
}
