package io.cairn.schema.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Cairn's PostgreSQL database as the daemons and tools use it: a HikariCP pool, the schema migrated
 * to the newest version by Flyway on open, and a jOOQ context over the pool.
 */
public final class CairnDatabase implements AutoCloseable {
  private final HikariDataSource pool;
  private final DSLContext dsl;

  private CairnDatabase(HikariDataSource pool) {
    this.pool = pool;
    this.dsl = DSL.using(pool, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
  }

  /**
   * Connects, migrates the schema and returns the database.
   *
   * @param poolSize the maximum number of connections this process holds
   */
  public static CairnDatabase open(
      String jdbcUrl, String user, String password, int poolSize, String poolName) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(poolSize);
    config.setPoolName(poolName);
    config.setConnectionTimeout(30_000);
    // wait for the database rather than fail at once: daemons start before PostgreSQL sometimes
    config.setInitializationFailTimeout(60_000);
    HikariDataSource pool = new HikariDataSource(config);
    try {
      migrate(pool);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new CairnDatabase(pool);
  }

  /** Brings the schema of {@code dataSource} to the newest migration. Safe to call repeatedly. */
  public static MigrateResult migrate(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }

  public DataSource dataSource() {
    return pool;
  }

  public DSLContext dsl() {
    return dsl;
  }

  @Override
  public void close() {
    pool.close();
  }
}
