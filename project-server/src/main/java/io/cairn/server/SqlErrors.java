package io.cairn.server;

import java.sql.SQLException;

/** Recognises PostgreSQL errors that the API answers with a typed code. */
public final class SqlErrors {
  private SqlErrors() {}

  /** Whether {@code e} (or a cause) is a unique violation, of {@code constraint} if not null. */
  public static boolean isUniqueViolation(Throwable e, String constraint) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        return constraint == null
            || (sql.getMessage() != null && sql.getMessage().contains(constraint));
      }
    }
    return false;
  }
}
