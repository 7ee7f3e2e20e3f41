package io.cairn.server;

import io.cairn.schema.db.CairnDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * Runs jOOQ work on PostgreSQL through {@link CairnDatabase}'s JDBC pool, on Vert.x worker threads,
 * and hands the result back as a {@link Future}. Every call is one transaction, so the state
 * transitions of {@code io.cairn.schema.state.Transitions} (JDBC, jOOQ) compose with the rest of
 * the request's SQL.
 */
public final class Db {
  private final Vertx vertx;
  private final CairnDatabase database;

  public Db(Vertx vertx, CairnDatabase database) {
    this.vertx = vertx;
    this.database = database;
  }

  /** Runs {@code work} in one transaction on a worker thread. */
  public <T> Future<T> tx(Function<DSLContext, T> work) {
    return vertx.executeBlocking(
        () -> database.dsl().transactionResult(cfg -> work.apply(cfg.dsl())), false);
  }

  /** Runs blocking work that is not a transaction (blob I/O, password hashing) on a worker. */
  public <T> Future<T> blocking(java.util.concurrent.Callable<T> work) {
    return vertx.executeBlocking(work, false);
  }

  public DSLContext dsl() {
    return database.dsl();
  }
}
