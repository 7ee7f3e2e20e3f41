package io.cairn.server;

import io.cairn.segment.SegmentReader;
import io.cairn.segment.SegmentWriter;
import io.cairn.server.scheduler.EmbeddedFeeder;
import io.vertx.core.Vertx;

/**
 * A started project server: its port, and {@link #close()} to stop it (the database and blob store
 * stay open; they belong to the caller).
 */
public final class RunningServer implements AutoCloseable {
  private final Vertx vertx;
  private final int port;
  private final Services services;
  private final SegmentWriter feederSegment;
  private final EmbeddedFeeder feeder;
  private final ApiVerticle api;
  private final long feederTimer;
  private final java.util.concurrent.atomic.AtomicBoolean feederRunning;

  RunningServer(
      Vertx vertx,
      int port,
      Services services,
      SegmentWriter feederSegment,
      EmbeddedFeeder feeder,
      ApiVerticle api,
      long feederTimer,
      java.util.concurrent.atomic.AtomicBoolean feederRunning) {
    this.api = api;
    this.feederTimer = feederTimer;
    this.feederRunning = feederRunning;
    this.vertx = vertx;
    this.port = port;
    this.services = services;
    this.feederSegment = feederSegment;
    this.feeder = feeder;
  }

  /** The bound port. */
  public int port() {
    return port;
  }

  /** {@code http://host:port}. */
  public String baseUrl() {
    return "http://" + services.settings().host() + ":" + port;
  }

  /** The server's public Ed25519 key (raw 32 bytes). */
  public byte[] serverPublicKey() {
    return services.serverKey().publicKey();
  }

  /** Runs one embedded-feeder pass now (tests); 0 if the server has no embedded feeder. */
  public int feedNow() {
    return feeder == null ? 0 : feeder.runOnePass();
  }

  /** Every route as {@code "METHOD /path/{param}"}. */
  public java.util.List<String> routes() {
    return api.routes();
  }

  public SegmentReader segment() {
    return services.segment();
  }

  public Vertx vertx() {
    return vertx;
  }

  @Override
  public void close() {
    if (feederTimer >= 0) {
      vertx.cancelTimer(feederTimer);
      // let a pass in flight finish, so that it does not report to a closed event loop
      long until = System.nanoTime() + 2_000_000_000L;
      while (feederRunning.get() && System.nanoTime() < until) {
        Thread.onSpinWait();
      }
    }
    vertx.close().await();
    services.segment().close();
    if (feederSegment != null) {
      feederSegment.close();
    }
  }
}
