package io.cairn.client.bench;

import io.cairn.air.ProofOptions;
import io.cairn.client.ClientSettings;
import io.cairn.client.CoreClient;
import io.cairn.client.prefs.OshiHostSensor;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The figures of docs/bench/client.md: a real client (production tick, the OSHI sensor) against a
 * real in-process server, proving {@code groups} sum tasks of {@code n} terms. CPU is split by
 * thread: workers (VM and prover, and the fork-join threads the prover uses) versus the client's
 * own threads (scheduler loop, transfers and RPC, control channel). Heap: sampled every 20 ms.
 *
 * <pre>
 *   java -cp <test classpath> io.cairn.client.bench.ClientOverheadBench [groups] [n] [blowup,queries,grinding]
 * </pre>
 */
public final class ClientOverheadBench {
  private ClientOverheadBench() {}

  public static void main(String[] args) throws Exception {
    int groups = args.length > 0 ? Integer.parseInt(args[0]) : 6;
    long n = args.length > 1 ? Long.parseLong(args[1]) : 2000;
    String[] po = (args.length > 2 ? args[2] : "4,55,20").split(",");
    ProofOptions options =
        new ProofOptions(Integer.parseInt(po[0]), Integer.parseInt(po[1]), Integer.parseInt(po[2]));
    BenchProject project = new BenchProject();
    long programId = project.uploadSum(1 << 24);
    project.addGroups(programId, groups, n);
    Path dir = Files.createTempDirectory("cairn-client-bench");
    Files.writeString(dir.resolve("global_prefs_override.json"), "{\"suspend_cpu_usage\": 0}");

    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long heapBefore = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peakHeap = new AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    sampler.start();

    ClientSettings.Builder b = ClientSettings.builder();
    b.proofOptions = options;
    b.sensor = OshiHostSensor::new;
    long t0 = System.nanoTime();
    Map<Long, Long> cpuAtStart = cpuByThread(threads);
    try (CoreClient client = CoreClient.start(b.build(), dir)) {
      client.attach(project.url(), project.accountKey());
      while (project.proofs() < groups || !client.status().tasks().isEmpty()) {
        Thread.sleep(100);
      }
      long wall = System.nanoTime() - t0;
      Map<String, Long> cpu = cpuByKind(threads, cpuAtStart);
      long work = cpu.getOrDefault("work", 0L);
      long own = cpu.getOrDefault("client", 0L);
      System.out.printf(
          Locale.ROOT,
          "%d tasks of n=%d (%d steps each), options %s, %d cores%n",
          groups,
          n,
          3 * n + 10,
          options,
          Runtime.getRuntime().availableProcessors());
      System.out.printf(
          Locale.ROOT, "wall %.1f s, %.2f s per task%n", wall / 1e9, wall / 1e9 / groups);
      System.out.printf(
          Locale.ROOT,
          "CPU: work (VM + prover) %.2f s, client threads %.3f s = %.2f %% of the client's CPU%n",
          work / 1e9,
          own / 1e9,
          100.0 * own / (own + work));
      System.out.printf(
          Locale.ROOT,
          "heap: %.0f MB before, peak %.0f MB while proving%n",
          heapBefore / 1e6,
          peakHeap.get() / 1e6);

      // idle overhead: the loop, the sensor, the preferences watch, with nothing to do
      client.noMoreWork(null, true);
      Thread.sleep(2000);
      Map<Long, Long> idleStart = cpuByThread(threads);
      long i0 = System.nanoTime();
      Thread.sleep(20_000);
      long idleWall = System.nanoTime() - i0;
      long idleOwn = cpuByKind(threads, idleStart).getOrDefault("client", 0L);
      System.gc();
      Thread.sleep(200);
      System.out.printf(
          Locale.ROOT,
          "idle: client threads %.3f %% of one core; heap after GC %.0f MB (%.1f MB above the start)%n",
          100.0 * idleOwn / idleWall,
          memory.getHeapMemoryUsage().getUsed() / 1e6,
          (memory.getHeapMemoryUsage().getUsed() - heapBefore) / 1e6);
    } finally {
      sampler.interrupt();
      project.close();
    }
    System.exit(0);
  }

  private static Map<Long, Long> cpuByThread(ThreadMXBean threads) {
    Map<Long, Long> out = new HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      out.put(id, Math.max(0, threads.getThreadCpuTime(id)));
    }
    return out;
  }

  private static Map<String, Long> cpuByKind(ThreadMXBean threads, Map<Long, Long> start) {
    Map<String, Long> out = new HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      ThreadInfo info = threads.getThreadInfo(id);
      if (info == null) {
        continue;
      }
      String name = info.getThreadName();
      long used = Math.max(0, threads.getThreadCpuTime(id)) - start.getOrDefault(id, 0L);
      String kind =
          name.startsWith("cairn-worker") || name.startsWith("ForkJoinPool")
              ? "work"
              : List.of("cairn-scheduler", "cairn-io", "cairn-control", "HttpClient").stream()
                      .anyMatch(name::startsWith)
                  ? "client"
                  : "other";
      out.merge(kind, used, Long::sum);
    }
    return out;
  }
}
