package io.cairn.server.auth;

import io.cairn.server.http.ApiException;
import io.cairn.server.http.ErrorCode;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets keyed by caller (an account, a host, an address): each holds up to {@code burst}
 * tokens and regains {@code perSecond} per second; a request takes one. Thread-safe.
 */
public final class RateLimiter {
  private final double perSecond;
  private final double burst;
  private final Clock clock;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  private static final class Bucket {
    double tokens;
    long lastNanos;

    Bucket(double tokens, long lastNanos) {
      this.tokens = tokens;
      this.lastNanos = lastNanos;
    }
  }

  public RateLimiter(double perSecond, double burst, Clock clock) {
    if (perSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("rate must be > 0 and burst >= 1");
    }
    this.perSecond = perSecond;
    this.burst = burst;
    this.clock = clock;
  }

  /** Takes a token for {@code key}, or answers 429 {@code RATE_LIMITED}. */
  public void acquire(String key) {
    if (!tryAcquire(key)) {
      throw new ApiException(ErrorCode.RATE_LIMITED, "too many requests; slow down");
    }
  }

  /** Takes a token for {@code key} if one is left. */
  public boolean tryAcquire(String key) {
    long now = clock.millis() * 1_000_000L;
    Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
    synchronized (b) {
      double elapsed = Math.max(0, now - b.lastNanos) / 1e9;
      b.tokens = Math.min(burst, b.tokens + elapsed * perSecond);
      b.lastNanos = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return true;
      }
      return false;
    }
  }

  /** Forgets buckets that are full again (call now and then to bound memory). */
  public void evictIdle() {
    long now = clock.millis() * 1_000_000L;
    buckets
        .entrySet()
        .removeIf(
            e -> {
              synchronized (e.getValue()) {
                return e.getValue().tokens + (now - e.getValue().lastNanos) / 1e9 * perSecond
                    >= burst;
              }
            });
  }
}
