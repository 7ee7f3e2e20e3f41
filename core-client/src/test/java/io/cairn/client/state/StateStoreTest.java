package io.cairn.client.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
  @TempDir Path dir;

  private static ClientState stateWith(String url) {
    ClientState s = new ClientState();
    ProjectState p = new ProjectState();
    p.url = url;
    TaskState t = new TaskState();
    t.leaseId = "lease-" + url;
    t.phase = TaskPhase.EXECUTING;
    t.checkpointSteps = 1234;
    p.tasks.add(t);
    s.projects.add(p);
    return s;
  }

  @Test
  void roundTripAndPreviousCopyKept() throws Exception {
    StateStore<ClientState> store =
        new StateStore<>(dir.resolve("client_state.json"), ClientState.class);
    assertTrue(store.load().isEmpty());
    store.save(stateWith("a"));
    store.save(stateWith("b"));
    ClientState loaded = store.load().orElseThrow();
    assertEquals("b", loaded.projects.get(0).url);
    assertEquals(TaskPhase.EXECUTING, loaded.projects.get(0).tasks.get(0).phase);
    assertEquals(1234, loaded.projects.get(0).tasks.get(0).checkpointSteps);
    assertTrue(Files.exists(AtomicFiles.prev(store.file())));
    assertTrue(Files.notExists(AtomicFiles.next(store.file())));
  }

  @Test
  void truncatedCurrentFileFallsBackToThePreviousOne() throws Exception {
    StateStore<ClientState> store =
        new StateStore<>(dir.resolve("client_state.json"), ClientState.class);
    store.save(stateWith("old"));
    store.save(stateWith("new"));
    try (RandomAccessFile f = new RandomAccessFile(store.file().toFile(), "rw")) {
      f.setLength(f.length() / 2);
    }
    assertEquals("old", store.load().orElseThrow().projects.get(0).url);
  }

  @Test
  void corruptedByteInCurrentFileFallsBackAndEmptyFileToo() throws Exception {
    StateStore<ClientState> store =
        new StateStore<>(dir.resolve("client_state.json"), ClientState.class);
    store.save(stateWith("old"));
    store.save(stateWith("new"));
    byte[] bytes = Files.readAllBytes(store.file());
    int i = new String(bytes).indexOf("new");
    bytes[i] = 'm'; // still valid JSON, wrong checksum
    Files.write(store.file(), bytes);
    assertEquals("old", store.load().orElseThrow().projects.get(0).url);
    Files.write(store.file(), new byte[0]);
    assertEquals("old", store.load().orElseThrow().projects.get(0).url);
  }

  @Test
  void completeNextFileLeftByACrashBetweenRenamesWins() throws Exception {
    Path file = dir.resolve("client_state.json");
    StateStore<ClientState> store = new StateStore<>(file, ClientState.class);
    store.save(stateWith("v1"));
    store.save(stateWith("v2"));
    // simulate a crash after "current -> prev" and before "next -> current"
    Files.move(file, AtomicFiles.next(file));
    assertEquals("v2", store.load().orElseThrow().projects.get(0).url);
    // and a partial next file from a crash during the write is skipped
    Files.write(AtomicFiles.next(file), "cairn-state-v1 00\n{".getBytes());
    Files.copy(AtomicFiles.prev(file), file);
    assertEquals("v1", store.load().orElseThrow().projects.get(0).url);
  }
}
