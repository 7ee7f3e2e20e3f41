package io.cairn.server;

import io.cairn.blob.BlobStore;
import io.cairn.segment.SegmentReader;
import io.cairn.server.auth.RateLimiter;
import io.cairn.server.auth.ServerKey;
import io.cairn.server.program.ProgramCache;
import io.cairn.server.status.Metrics;
import java.time.Clock;

/**
 * What every verticle instance of one server shares: settings, the database, the blob store, the
 * server key, the work segment, caches, rate limits and metrics. All thread-safe.
 */
public record Services(
    io.vertx.core.Vertx vertx,
    ServerSettings settings,
    Db db,
    BlobStore blobs,
    Clock clock,
    ServerKey serverKey,
    SegmentReader segment,
    ProgramCache programs,
    RateLimiter accountLimiter,
    RateLimiter hostLimiter,
    RateLimiter anonymousLimiter,
    Metrics metrics) {}
