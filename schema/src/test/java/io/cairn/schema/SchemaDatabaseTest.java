package io.cairn.schema;

import static io.cairn.schema.jooq.Tables.INPUT_GROUP;
import static io.cairn.schema.jooq.Tables.STATE_CHANGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.schema.db.CairnDatabase;
import io.cairn.schema.state.IllegalTransitionException;
import io.cairn.schema.state.InputGroupEvent;
import io.cairn.schema.state.InputGroupLifecycle;
import io.cairn.schema.state.InputGroupState;
import io.cairn.schema.state.LeaseEvent;
import io.cairn.schema.state.LeaseLifecycle;
import io.cairn.schema.state.LeaseState;
import io.cairn.schema.state.Transitions;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The migrations, the generated classes and the state machines against a real PostgreSQL. */
class SchemaDatabaseTest {
  private static SchemaFixture fx;
  private static DSLContext dsl;

  @BeforeAll
  static void open() {
    fx = new SchemaFixture("schema");
    dsl = fx.dsl;
  }

  @AfterAll
  static void close() {
    fx.close();
  }

  @Test
  void migratingAgainIsANoOp() {
    assertEquals(0, CairnDatabase.migrate(fx.db.dataSource()).migrationsExecuted);
  }

  @Test
  void generatedClassesMatchTheMigratedDatabase() {
    // codegen ran on the migration files without a database; the real schema must agree
    for (Table<?> table : io.cairn.schema.jooq.DefaultSchema.DEFAULT_SCHEMA.getTables()) {
      if (table.getName().startsWith("flyway")) {
        continue;
      }
      Set<String> generated = new TreeSet<>();
      for (Field<?> f : table.fields()) {
        generated.add(f.getName());
      }
      Set<String> actual =
          new TreeSet<>(
              dsl.select(DSL.field("column_name", String.class))
                  .from("information_schema.columns")
                  .where(DSL.field("table_name").eq(table.getName()))
                  .and(DSL.field("table_schema").eq("public"))
                  .fetch(0, String.class));
      assertEquals(actual, generated, "columns of " + table.getName());
    }
  }

  @Test
  void stateCheckConstraintListsExactlyTheEnumStates() {
    for (InputGroupState s : InputGroupState.values()) {
      fx.inputGroup(s.name());
    }
    DataAccessException e = assertThrows(DataAccessException.class, () -> fx.inputGroup("LOST"));
    assertTrue(e.getMessage().contains("input_group_state_check"), e.getMessage());
  }

  @Test
  void hotQueryIndexesExist() {
    Set<String> indexes =
        new HashSet<>(
            dsl.select(DSL.field("indexname", String.class))
                .from("pg_indexes")
                .where(DSL.field("schemaname").eq("public"))
                .fetch(0, String.class));
    for (String name :
        Set.of(
            "input_group_ready_idx",
            "input_group_next_transition_idx",
            "lease_deadline_idx",
            "lease_one_active_per_group",
            "result_org_feed_idx",
            "webhook_delivery_due_idx")) {
      assertTrue(indexes.contains(name), name);
    }
  }

  @Test
  void everyInputGroupTransitionInTheDatabaseFollowsTheTable() {
    Transitions<InputGroupState, InputGroupEvent> t = Transitions.INPUT_GROUPS;
    for (InputGroupState from : InputGroupState.values()) {
      for (InputGroupEvent event : InputGroupEvent.values()) {
        long id = fx.inputGroup(from.name());
        var expected = InputGroupLifecycle.MACHINE.next(from, event);
        if (expected.isPresent()) {
          InputGroupState to =
              dsl.transactionResult(c -> t.apply(c.dsl(), id, event, "test", "matrix"));
          assertEquals(expected.get(), to);
          assertEquals(to.name(), fx.stateOf(id));
          var audit =
              dsl.selectFrom(STATE_CHANGE)
                  .where(STATE_CHANGE.ENTITY.eq("INPUT_GROUP"), STATE_CHANGE.ENTITY_ID.eq(id))
                  .fetchOne();
          assertEquals(from.name(), audit.getFromState());
          assertEquals(to.name(), audit.getToState());
          assertEquals(event.name(), audit.getEvent());
        } else {
          assertThrows(
              IllegalTransitionException.class,
              () -> dsl.transaction(c -> t.apply(c.dsl(), id, event, "test", "matrix")));
          assertEquals(from.name(), fx.stateOf(id), "a refused event leaves the row unchanged");
          assertEquals(
              0,
              dsl.fetchCount(
                  STATE_CHANGE,
                  STATE_CHANGE.ENTITY.eq("INPUT_GROUP").and(STATE_CHANGE.ENTITY_ID.eq(id))));
        }
      }
    }
  }

  @Test
  void conditionalTransitionMovesARowOnceWhenTwoClaimIt() {
    long id = fx.inputGroup("READY");
    var t = Transitions.INPUT_GROUPS;
    boolean first =
        dsl.transactionResult(
            c ->
                t.applyIfIn(
                    c.dsl(),
                    id,
                    InputGroupState.READY,
                    InputGroupEvent.LEASE,
                    "scheduler-1",
                    null,
                    java.util.Map.of(INPUT_GROUP.ATTEMPTS, 1)));
    boolean second =
        dsl.transactionResult(
            c ->
                t.applyIfIn(
                    c.dsl(),
                    id,
                    InputGroupState.READY,
                    InputGroupEvent.LEASE,
                    "scheduler-2",
                    null));
    assertTrue(first);
    assertFalse(second);
    assertEquals(1, dsl.fetchValue(INPUT_GROUP.ATTEMPTS, INPUT_GROUP.ID.eq(id)));
  }

  @Test
  void leaseTransitionsFollowTheTableAndOnlyOneLiveLeasePerGroup() {
    long group = fx.inputGroup("LEASED");
    long lease = fx.lease(group, "ACTIVE", "tok-a");
    for (LeaseState from : LeaseState.values()) {
      for (LeaseEvent event : LeaseEvent.values()) {
        var expected = LeaseLifecycle.MACHINE.next(from, event);
        long l = fx.lease(fx.inputGroup("LEASED"), from.name(), "tok-" + from + "-" + event);
        if (expected.isPresent()) {
          assertEquals(
              expected.get(),
              dsl.transactionResult(c -> Transitions.LEASES.apply(c.dsl(), l, event, "t", null)));
        } else {
          assertThrows(
              IllegalTransitionException.class,
              () -> dsl.transaction(c -> Transitions.LEASES.apply(c.dsl(), l, event, "t", null)));
        }
      }
    }
    assertThrows(DataAccessException.class, () -> fx.lease(group, "ACTIVE", "tok-b"));
    dsl.transaction(c -> Transitions.LEASES.apply(c.dsl(), lease, LeaseEvent.EXPIRE, "t", null));
    fx.lease(group, "ACTIVE", "tok-c"); // a new lease once the old one is no longer live
  }
}
