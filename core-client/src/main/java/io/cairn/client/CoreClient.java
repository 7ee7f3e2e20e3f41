package io.cairn.client;

import io.cairn.cairo.prover.CairoProvingJob;
import io.cairn.client.control.ControlServer;
import io.cairn.client.prefs.HostSensor;
import io.cairn.client.prefs.Preferences;
import io.cairn.client.prefs.PreferencesFile;
import io.cairn.client.prefs.SuspendReason;
import io.cairn.client.rpc.AccountKey;
import io.cairn.client.rpc.HostCredentials;
import io.cairn.client.rpc.HostDescription;
import io.cairn.client.rpc.ServerApi;
import io.cairn.client.rpc.ServerException;
import io.cairn.client.state.ClientState;
import io.cairn.client.state.ProjectState;
import io.cairn.client.state.StateStore;
import io.cairn.client.state.TaskPhase;
import io.cairn.client.state.TaskState;
import io.cairn.client.work.Backoff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running core client: one state directory, any number of attached projects. {@link #start} loads
 * the state, starts the scheduling loop (every {@code tickInterval}), the worker pool and the
 * control channel; {@link #close} stops computing at the next pause point and saves the state. Many
 * clients may run in one JVM (the end-to-end demo), each with its own directory.
 *
 * <p>The control methods ({@link #suspend}, {@link #abort}, {@link #setPreference}, ...) are what
 * the control CLI reaches through {@link io.cairn.client.control.ControlServer}.
 */
public final class CoreClient implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CoreClient.class);
  private static final long FLUSH_MILLIS = 10_000;

  private final ClientSettings settings;
  private final Path stateDir;
  private final StateKeeper keeper;
  private final PreferencesFile prefs;
  private final ServerApi api;
  private final HostDescription host;
  private final ActivityMonitor activity;
  private final Transfers transfers;
  private final Workers workers;
  private final WorkFetcher fetcher;
  private final ScheduledExecutorService loop;
  private final ExecutorService io;
  private final ExecutorService cpu;
  private final AtomicBoolean rpcInFlight = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile SuspendReason suspendReason;
  private volatile ControlServer control;
  private final StateJanitor janitor;
  private long lastFlush;

  private CoreClient(ClientSettings settings, Path stateDir, HostSensor sensor) throws IOException {
    this.settings = settings;
    this.stateDir = stateDir;
    Files.createDirectories(stateDir);
    this.keeper =
        new StateKeeper(new StateStore<>(stateDir.resolve("client_state.json"), ClientState.class));
    this.prefs = new PreferencesFile(stateDir.resolve("global_prefs_override.json"));
    this.api = new ServerApi(settings.rpcTimeout());
    this.host =
        new HostDescription(
            settings.hostName(),
            HostDescription.localPlatform(),
            settings.cores(),
            sensor.totalMemoryBytes(),
            ClientSettings.VERSION);
    this.activity = new ActivityMonitor(sensor, settings.clock());
    Random random = new Random();
    this.io = Executors.newFixedThreadPool(3, threads("cairn-io", Thread.NORM_PRIORITY));
    this.cpu =
        Executors.newFixedThreadPool(
            settings.cores(), threads("cairn-worker", Thread.MIN_PRIORITY));
    this.transfers =
        new Transfers(
            keeper,
            api,
            new Backoff(settings.transferBackoffMin(), settings.transferBackoffMax(), random),
            settings,
            stateDir,
            io);
    this.workers = new Workers(keeper, settings, transfers, cpu, prefs::current);
    this.janitor = new StateJanitor(keeper, transfers, workers, stateDir);
    this.fetcher =
        new WorkFetcher(
            keeper,
            api,
            new Backoff(settings.rpcBackoffMin(), settings.rpcBackoffMax(), random),
            settings,
            host);
    this.loop =
        Executors.newSingleThreadScheduledExecutor(
            threads("cairn-scheduler", Thread.NORM_PRIORITY));
  }

  /**
   * Starts a client on {@code stateDir} (created if missing), with its control channel on the
   * loopback interface.
   */
  public static CoreClient start(ClientSettings settings, Path stateDir) throws IOException {
    CoreClient c = new CoreClient(settings, stateDir, settings.sensor().get());
    c.keeper.update(CoreClient::progressFromCheckpoints); // also: the directory is writable
    c.control = ControlServer.start(c, settings.controlPort(), c::close);
    c.loop.scheduleWithFixedDelay(
        c::tickSafely, 0, settings.tickInterval().toMillis(), TimeUnit.MILLISECONDS);
    log.info("Cairn client started in {}", stateDir);
    return c;
  }

  /**
   * After a restart, a task's progress is what its last checkpoint holds (BOINC does the same): the
   * VM's checkpointed steps, or for a task that was proving, the VM's share plus the prover stages
   * its checkpoint holds.
   */
  private static void progressFromCheckpoints(ClientState s) {
    for (ProjectState p : s.projects) {
      for (TaskState t : p.tasks) {
        double vmShare = t.kind != null && t.kind.equals("EXECUTE") ? 1.0 : 0.1;
        if (t.phase == TaskPhase.EXECUTING || t.phase == TaskPhase.VERIFIED) {
          t.fractionDone =
              vmShare * Math.min(0.99, t.checkpointSteps / (double) Math.max(1, t.maxSteps));
        } else if (t.phase == TaskPhase.EXECUTED || t.phase == TaskPhase.PROVING) {
          t.fractionDone = vmShare;
          if (t.phase == TaskPhase.PROVING && t.proverStage != null) {
            int stages = CairoProvingJob.Stage.values().length;
            int done = CairoProvingJob.Stage.valueOf(t.proverStage).ordinal() + 1;
            t.fractionDone = vmShare + (1 - vmShare) * Math.min(0.99, done / (double) stages);
          }
        }
      }
    }
  }

  /**
   * Attaches the client directory {@code stateDir} to a project while no client runs on it (the
   * launcher's {@code attach} when the daemon is down): with an account key, or with email and
   * password when {@code accountKey} is null.
   */
  public static void attachOffline(
      ClientSettings settings,
      Path stateDir,
      String url,
      String accountKey,
      String email,
      String password)
      throws IOException, ServerException {
    CoreClient c = new CoreClient(settings, stateDir, settings.sensor().get());
    try {
      if (accountKey != null) {
        c.attach(url, accountKey);
      } else {
        c.attachWithPassword(url, email, password);
      }
    } finally {
      c.close();
    }
  }

  /** Blocks until the client is closed (by {@link #close}, the control CLI's quit, or a signal). */
  public void awaitClosed() throws InterruptedException {
    stopped.await();
  }

  private static java.util.concurrent.ThreadFactory threads(String name, int priority) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      t.setPriority(priority);
      return t;
    };
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      log.error("scheduling pass failed; trying again next tick", e);
    }
  }

  private void tick() {
    if (closed.get()) {
      return;
    }
    Preferences p = prefs.poll();
    SuspendReason reason = activity.reason(p, keeper.read(s -> s.suspendedByUser));
    suspendReason = reason;
    workers.tick(p, reason, activity.memoryTight(p));
    transfers.tick();
    boolean diskFull = p.diskMaxUsedGb() > 0 && janitor.diskBytes() > p.diskMaxUsedGb() * 1e9;
    List<String> urls = keeper.read(s -> s.projects.stream().map(x -> x.url).toList());
    if (!urls.isEmpty() && rpcInFlight.compareAndSet(false, true)) {
      io.execute(
          () -> {
            try {
              for (String url : urls) {
                fetcher.maybeRpc(url, p, diskFull);
              }
            } finally {
              rpcInFlight.set(false);
            }
          });
    }
    janitor.forgetFinished();
    long now = System.currentTimeMillis();
    if (now - lastFlush > FLUSH_MILLIS) {
      keeper.flushIfDirty();
      lastFlush = now;
    }
  }

  // ---- attach ----

  /**
   * Attaches to the project at {@code url} with an account key: pins the server's key, registers
   * this host, and stores the credentials. Attaching again to the same URL is a no-op.
   */
  public void attach(String url, String accountKey) throws ServerException {
    if (keeper.read(s -> s.project(url)) != null) {
      return;
    }
    byte[] serverKey = api.serverKey(url);
    HostCredentials creds = api.registerHost(url, accountKey, host);
    keeper.update(
        s -> {
          if (s.project(url) != null) {
            return;
          }
          ProjectState p = new ProjectState();
          p.url = url;
          p.accountKey = accountKey;
          p.hostId = creds.hostId();
          p.hostKey = creds.hostKey();
          p.serverPublicKey = Base64.getEncoder().encodeToString(serverKey);
          s.projects.add(p);
        });
    log.info("attached to {} as host {}", url, creds.hostId());
  }

  /** Attaches with the account's email and password (a new account key is looked up). */
  public void attachWithPassword(String url, String email, String password) throws ServerException {
    AccountKey key = api.lookupAccount(url, email, password);
    attach(url, key.accountKey());
  }

  // ---- control ----

  /** The status the control CLI shows. */
  public ClientStatus status() {
    long now = settings.clock().millis();
    Preferences p = prefs.current();
    Workers.WorkerSnapshot live = workers.snapshot(); // before the state lock: see Workers
    return keeper.read(
        s -> {
          List<ClientStatus.Task> tasks = new ArrayList<>();
          List<ClientStatus.Project> projects = new ArrayList<>();
          for (ProjectState proj : s.projects) {
            double sps = WorkBuffer.stepsPerSecond(proj, settings);
            projects.add(
                new ClientStatus.Project(
                    proj.url,
                    proj.hostId,
                    proj.noMoreWork,
                    proj.detachWhenDone,
                    proj.rpcFailures,
                    Math.max(0, proj.nextRpcMillis - now) / 1000,
                    proj.lastMessage));
            proj.tasks.stream()
                .sorted(Comparator.comparingLong(t -> t.deadlineMillis))
                .forEach(
                    t ->
                        tasks.add(
                            new ClientStatus.Task(
                                t.leaseId,
                                proj.url,
                                t.kind,
                                t.phase.name(),
                                live.active().contains(t.leaseId),
                                live.running().contains(t.leaseId),
                                t.suspendedByUser,
                                t.fractionDone,
                                t.elapsedMillis / 1000.0,
                                t.phase.beforeProven() ? WorkBuffer.remainingSeconds(t, sps) : 0,
                                t.checkpointSteps,
                                t.reason)));
          }
          return new ClientStatus(
              suspendReason == null ? null : suspendReason.name(),
              activity.foreignLoad(),
              activity.userActive(p),
              p,
              projects,
              tasks);
        });
  }

  /** Suspends all computing ({@code leaseId} null) or one task. */
  public boolean suspend(String leaseId) {
    return setSuspended(leaseId, true);
  }

  /** Resumes all computing ({@code leaseId} null) or one task. */
  public boolean resume(String leaseId) {
    return setSuspended(leaseId, false);
  }

  private boolean setSuspended(String leaseId, boolean value) {
    AtomicBoolean found = new AtomicBoolean(leaseId == null);
    keeper.update(
        s -> {
          if (leaseId == null) {
            s.suspendedByUser = value;
          } else {
            s.projects.forEach(
                p ->
                    p.tasks.stream()
                        .filter(t -> t.leaseId.equals(leaseId))
                        .forEach(
                            t -> {
                              t.suspendedByUser = value;
                              found.set(true);
                            }));
          }
        });
    return found.get();
  }

  /** Aborts a task: it stops at its next pause point and is reported ABANDONED. */
  public boolean abort(String leaseId) {
    AtomicBoolean found = new AtomicBoolean();
    keeper.update(
        s ->
            s.projects.forEach(
                p ->
                    p.tasks.stream()
                        .filter(t -> t.leaseId.equals(leaseId) && t.phase.beforeProven())
                        .forEach(
                            t -> {
                              Transfers.fail(t, "ABANDONED", "aborted by the donor");
                              found.set(true);
                            })));
    workers.abort(leaseId);
    return found.get();
  }

  /** Sets one preference (BOINC name) and saves the preferences file. */
  public Preferences setPreference(String name, String value) throws IOException {
    Preferences next = prefs.current().with(name, value);
    prefs.save(next);
    return next;
  }

  /** Stops (or allows again) asking {@code url}, or every project when null, for new work. */
  public void noMoreWork(String url, boolean value) {
    keeper.update(
        s ->
            s.projects.stream()
                .filter(p -> url == null || p.url.equals(url))
                .forEach(p -> p.noMoreWork = value));
  }

  /**
   * Detaches from {@code url}: unfinished tasks are abandoned and reported, then it is forgotten.
   */
  public boolean detach(String url) {
    List<String> toAbort = new ArrayList<>();
    boolean found =
        keeper.read(
            s -> {
              ProjectState p = s.project(url);
              if (p != null) {
                p.tasks.stream()
                    .filter(t -> t.phase.beforeProven())
                    .forEach(t -> toAbort.add(t.leaseId));
              }
              return p != null;
            });
    toAbort.forEach(this::abort);
    keeper.update(
        s -> {
          ProjectState p = s.project(url);
          if (p != null) {
            p.noMoreWork = true;
            p.detachWhenDone = true;
          }
        });
    return found;
  }

  /** The state directory. */
  public Path stateDir() {
    return stateDir;
  }

  /** The preferences in force. */
  public Preferences preferences() {
    return prefs.current();
  }

  /** Stops computing at the next pause points, saves the state, and stops every thread. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    loop.shutdownNow();
    if (control != null) {
      control.close();
    }
    workers.quit(5_000);
    io.shutdownNow();
    cpu.shutdownNow();
    try {
      keeper.close();
    } catch (RuntimeException e) {
      log.warn("could not save the state at shutdown", e);
    }
    log.info("Cairn client in {} stopped", stateDir);
    stopped.countDown();
  }

  /** The control channel's port (0 when it is not running). */
  public int controlPort() {
    return control == null ? 0 : control.port();
  }
}
