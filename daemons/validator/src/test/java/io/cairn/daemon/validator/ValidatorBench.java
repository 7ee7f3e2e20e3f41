package io.cairn.daemon.validator;

import static io.cairn.schema.jooq.Tables.LEASE;
import static io.cairn.schema.jooq.Tables.UPLOAD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.OperatingSystemMXBean;
import io.cairn.air.ProofOptions;
import io.cairn.blob.BlobStore;
import io.cairn.blob.LocalDirectoryBlobStore;
import io.cairn.cairo.air.CairoProofFile;
import io.cairn.cairo.air.CairoVerifier;
import io.cairn.daemon.DaemonContext;
import io.cairn.daemon.PassResult;
import io.cairn.daemon.SettableClock;
import io.cairn.daemon.testing.WorkFixtures;
import io.cairn.math.Felt;
import io.cairn.schema.db.CairnDatabase;
import io.cairn.testkit.pg.TestDatabase;
import io.cairn.testkit.pg.TestPostgres;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validator throughput benchmark of docs/bench/daemons.md (issue 7): proofs per second per
 * core, and what the daemon spends beyond the verification itself. Skipped unless {@code
 * -Dcairn.bench=true}:
 *
 * <pre>
 * ./mvnw -B -q -o -pl daemons/validator verify -Dtest=ValidatorBench -Dcairn.bench=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dcairn.bench.warmup=200] [-Dcairn.bench.proofs=200]
 * </pre>
 *
 * <p>One real proof per lease (a proof is bound to its lease token) of a small Cairo program
 * (Fibonacci, n = 10, 81-bit options without grinding as in ops' ProofPipelineTest), uploaded as
 * the server records it. The first {@code warmup} uploads are validated to warm the JVM up; then,
 * over the other {@code proofs}, each phase after the JIT compilers have gone idle: (a) {@link
 * CairoVerifier#verify} alone, before and after (b); (c) the same through {@link
 * CairoProofVerifier}; (b) one validator instance with the real {@link CairoProofVerifier} draining
 * every pending upload, pass after pass. Each phase reports wall, this thread's CPU time and the
 * JVM's process CPU time; PostgreSQL's backends are measured apart from /proc, when readable.
 *
 * <p>The module's pom has neither the prover nor the VM, not even in test scope, so the proofs are
 * made by loading cairn-cairo-prover, cairn-prover, cairn-cairo-vm and cairn-cairo-tools from the
 * local Maven repository (install them first: {@code ./mvnw -B -q -pl
 * proving/cairo-prover,proving/cairo-tools -am install -DskipTests}) or from the path list in
 * {@code -Dcairn.bench.proverClasspath}.
 */
class ValidatorBench {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final int MIN_BITS = 80;
  private static final long N = 10;
  private static final long FIB_N = 55;

  /** The program of ops' ProofPipelineTest (programs/fibonacci.casm). */
  private static final String FIBONACCI =
      """
      %builtins output

      func step(a: felt, b: felt) -> (a: felt, b: felt) {
          [ap] = [fp - 3], ap++
          [ap] = [fp - 4] + [fp - 3], ap++
          ret
      }

      func main{output_ptr: felt*}(input_len: felt, input: felt*) {
          [ap] = 0, ap++
          [ap] = 1, ap++
          [ap] = [[fp - 3]], ap++
      loop:
          jmp body if [ap - 1] != 0
          [ap - 3] = [[fp - 5]]
          [ap] = [fp - 5] + 1, ap++
          ret
      body:
          [ap] = [ap - 3], ap++
          [ap] = [ap - 3], ap++
          call step
          [ap] = [ap - 2], ap++
          [ap] = [ap - 2], ap++
          [ap] = [ap - 9] - 1, ap++
          jmp loop
      }
      """;

  @TempDir Path dir;

  /** The prover, reached by reflection from jars this module does not depend on. */
  private record Prover(URLClassLoader loader, Object prover, Method prove)
      implements AutoCloseable {
    @Override
    public void close() throws Exception {
      loader.close();
    }

    static Prover load() throws Exception {
      List<URL> urls = new ArrayList<>();
      String explicit = System.getProperty("cairn.bench.proverClasspath");
      if (explicit != null) {
        for (String p : explicit.split(File.pathSeparator)) {
          urls.add(Path.of(p).toUri().toURL());
        }
      } else {
        Path repo =
            Path.of(
                System.getProperty(
                    "maven.repo.local", System.getProperty("user.home") + "/.m2/repository"));
        for (String artifact :
            List.of("cairn-cairo-prover", "cairn-prover", "cairn-cairo-vm", "cairn-cairo-tools")) {
          Path jar =
              repo.resolve(
                  "io/cairn/" + artifact + "/0.1.0-SNAPSHOT/" + artifact + "-0.1.0-SNAPSHOT.jar");
          if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                jar + " is missing: install the prover first (see ValidatorBench's javadoc)");
          }
          urls.add(jar.toUri().toURL());
        }
      }
      URLClassLoader loader =
          new URLClassLoader(urls.toArray(URL[]::new), ValidatorBench.class.getClassLoader());
      Class<?> proverClass = loader.loadClass("io.cairn.cairo.prover.CairoProver");
      Object prover =
          proverClass
              .getConstructor(ProofOptions.class)
              .newInstance(new ProofOptions(4, 41, 0)); // 81 bits, as in ProofPipelineTest
      Method prove = proverClass.getMethod("prove", byte[].class, List.class, String.class);
      return new Prover(loader, prover, prove);
    }

    byte[] programJson(String source) throws Exception {
      Class<?> assembler = loader.loadClass("io.cairn.cairo.tools.asm.Assembler");
      Class<?> mode = loader.loadClass("io.cairn.cairo.tools.asm.Assembler$Mode");
      Object program =
          assembler
              .getMethod("assemble", String.class, mode)
              .invoke(null, source, mode.getField("PROOF").get(null));
      Class<?> writer = loader.loadClass("io.cairn.cairo.tools.asm.ProgramJsonWriter");
      Method write =
          List.of(writer.getMethods()).stream()
              .filter(m -> m.getName().equals("write") && m.getParameterCount() == 1)
              .findFirst()
              .orElseThrow();
      return ((String) write.invoke(null, program)).getBytes(StandardCharsets.UTF_8);
    }

    /** The proof bytes and the steps, for {@code token}. */
    Object[] prove(byte[] programJson, String token) throws Exception {
      Object result = prove.invoke(prover, programJson, List.of(Felt.of(N)), token);
      byte[] proof = (byte[]) result.getClass().getMethod("proof").invoke(result);
      long steps = (long) result.getClass().getMethod("steps").invoke(result);
      return new Object[] {proof, steps};
    }
  }

  @Test
  void validatorThroughput() throws Exception {
    assumeTrue(Boolean.getBoolean("cairn.bench"), "benchmark: run with -Dcairn.bench=true");
    int proofs = Integer.getInteger("cairn.bench.proofs", 200);
    TestDatabase t = TestPostgres.freshDatabase("ValidatorBench");
    try (CairnDatabase db = CairnDatabase.open(t.jdbcUrl(), t.user(), t.password(), 4, "bench");
        BlobStore blobs = LocalDirectoryBlobStore.open(dir.resolve("blobs"));
        Prover prover = Prover.load()) {
      DSLContext dsl = db.dsl();
      WorkFixtures fx = new WorkFixtures(dsl);
      byte[] json = prover.programJson(FIBONACCI);
      String programKey =
          blobs.put("programs", new ByteArrayInputStream(json), 1 << 20).key().toString();
      long program = fx.program(fx.organization("bench"), "fibonacci", programKey, 3);

      // every lease gets its own proof; the first `warmup` are validated before measuring
      int warmup = Integer.getInteger("cairn.bench.warmup", 200);
      List<Long> leases = new ArrayList<>();
      List<String> tokens = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      List<byte[]> proofBytes = new ArrayList<>();
      long proveStarted = System.nanoTime();
      long steps = 0;
      long totalBytes = 0;
      for (int i = 0; i < warmup + proofs; i++) {
        long lease = fx.lease(fx.inputGroup(program, 0, N), fx.host(), T0.plusSeconds(600));
        String token =
            dsl.select(LEASE.TOKEN).from(LEASE).where(LEASE.ID.eq(lease)).fetchOne().value1();
        Object[] proved = prover.prove(json, token);
        byte[] proof = (byte[]) proved[0];
        steps = (long) proved[1];
        leases.add(lease);
        tokens.add(token);
        keys.add(blobs.put("proofs", new ByteArrayInputStream(proof), 1 << 26).key().toString());
        proofBytes.add(proof);
        totalBytes += proof.length;
      }
      System.out.printf(
          "BENCH validator: %d proofs of fibonacci(%d) (%d steps, 2^%d trace rows, %d B each on"
              + " average) made in %.1f s%n",
          warmup + proofs,
          N,
          steps,
          CairoProofFile.decode(proofBytes.get(0)).claim().logTraceLength(),
          totalBytes / (warmup + proofs),
          (System.nanoTime() - proveStarted) / 1e9);
      Validator validator =
          new Validator(
              dsl,
              DaemonContext.of("validator", "bench", new SettableClock(T0.plusSeconds(60))),
              blobs,
              new CairoProofVerifier(),
              new ValidatorSettings(50, MIN_BITS, 1.0, 100, 64 << 20));
      // as the server's upload handler records them: no separate output, the proof carries it
      for (int i = 0; i < warmup; i++) {
        fx.uploadProof(leases.get(i), keys.get(i), null, steps);
      }
      assertEquals(warmup, drain(validator)[0]);
      for (int i = warmup; i < warmup + proofs; i++) {
        fx.uploadProof(leases.get(i), keys.get(i), null, steps);
      }
      dsl.execute("VACUUM ANALYZE");

      List<Felt> input = List.of(Felt.of(N));
      List<Felt> output = List.of(Felt.of(FIB_N));
      List<String> measuredTokens = tokens.subList(warmup, warmup + proofs);
      List<byte[]> measured = proofBytes.subList(warmup, warmup + proofs);
      ThrowingRunnable verifyAlone =
          () -> {
            for (int i = 0; i < proofs; i++) {
              CairoVerifier.verify(
                  json, input, output, measuredTokens.get(i), MIN_BITS, measured.get(i));
            }
          };
      CairoProofVerifier adapter = new CairoProofVerifier();
      ThrowingRunnable throughAdapter =
          () -> {
            for (int i = 0; i < proofs; i++) {
              byte[] proof = measured.get(i);
              adapter.verify(
                  new ProofStatement(
                      json,
                      "ab".repeat(32),
                      List.of(BigInteger.valueOf(N)),
                      adapter.claimedOutput(proof),
                      measuredTokens.get(i),
                      1_000_000L,
                      MIN_BITS),
                  proof);
            }
          };
      quiesceJit();
      for (int r = 0; r < 3; r++) {
        verifyAlone.run(); // warm-up
        throughAdapter.run();
      }
      quiesceJit();

      Times a1 = Times.of(verifyAlone);
      Times c = Times.of(throughAdapter);
      quiesceJit();
      List<Integer> backends =
          dsl.fetch("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
              .getValues(0, Integer.class);
      long pg0 = postgresCpuNanos(backends);
      Map<String, Long> threads0 = cpuByThread();
      long[] drained = new long[2];
      Times b = Times.of(() -> System.arraycopy(drain(validator), 0, drained, 0, 2));
      long pg1 = postgresCpuNanos(backends);
      Map<String, Long> threads1 = cpuByThread();
      quiesceJit();
      Times a2 = Times.of(verifyAlone); // again, to bracket the shared machine's load
      assertEquals(proofs, drained[0]);
      assertEquals(
          warmup + proofs,
          dsl.fetchCount(UPLOAD, UPLOAD.STATE.eq("VALID")),
          "every proof is VALID");

      Times a = Times.mean(a1, a2);
      System.out.printf(
          "BENCH validator: per proof, ms:                        wall thread-CPU  process-CPU   GC(pauses)  JIT%n");
      print("(a) CairoVerifier.verify alone", a, proofs);
      print("    run before (b)", a1, proofs);
      print("    run after (b)", a2, proofs);
      print("(c) CairoProofVerifier (adapter)", c, proofs);
      print("(b) validator, " + drained[1] + " passes", b, proofs);
      Map<String, Long> byThread = new TreeMap<>();
      threads1.forEach((k, v) -> byThread.merge(k, v - threads0.getOrDefault(k, 0L), Long::sum));
      System.out.printf(
          "BENCH validator: (b) CPU by JVM thread, ms/proof: %s%n",
          byThread.entrySet().stream()
              .filter(e -> e.getValue() > 0.05e6 * proofs)
              .map(e -> String.format("%s %.2f", e.getKey(), e.getValue() / 1e6 / proofs))
              .toList());
      System.out.printf(
          "BENCH validator: PostgreSQL backends: %s%n",
          pg0 < 0 || pg1 < 0
              ? "not measured (/proc unreadable)"
              : String.format("%.2f ms CPU/proof", (pg1 - pg0) / (double) proofs / 1e6));
      System.out.printf(
          "BENCH validator: (a) %.0f proofs/s per core (thread CPU); (b) %.1f proofs/s wall,"
              + " %.0f proofs/s per core (process CPU), %.0f (thread CPU)%n",
          proofs / (a.threadCpu() / 1e9),
          proofs / (b.wall() / 1e9),
          proofs / (b.processCpu() / 1e9),
          proofs / (b.threadCpu() / 1e9));
      System.out.printf(
          "BENCH validator: overhead (b - a) per proof: process CPU (b) - thread CPU (a) %.2f ms"
              + " (%.0f %%); thread - thread %.2f ms (%.0f %%); process - process %.2f ms (%.0f"
              + " %%); wall %.2f ms (%.0f %%); of which the adapter (c - a, thread CPU) %.2f"
              + " ms%n",
          (b.processCpu() - a.threadCpu()) / 1e6 / proofs,
          100.0 * (b.processCpu() - a.threadCpu()) / a.threadCpu(),
          (b.threadCpu() - a.threadCpu()) / 1e6 / proofs,
          100.0 * (b.threadCpu() - a.threadCpu()) / a.threadCpu(),
          (b.processCpu() - a.processCpu()) / 1e6 / proofs,
          100.0 * (b.processCpu() - a.processCpu()) / a.processCpu(),
          (b.wall() - a.wall()) / 1e6 / proofs,
          100.0 * (b.wall() - a.wall()) / a.wall(),
          (c.threadCpu() - a.threadCpu()) / 1e6 / proofs);
    }
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  /**
   * Wall-clock, this thread's CPU and the JVM's process CPU time, and the collectors' and the JIT
   * compilers' accumulated times, in nanoseconds.
   */
  private record Times(long wall, long threadCpu, long processCpu, long gc, long jit) {
    static Times of(ThrowingRunnable r) throws Exception {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      OperatingSystemMXBean os =
          (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long g0 = gcNanos();
      long j0 = jitNanos();
      long p0 = os.getProcessCpuTime();
      long t0 = threads.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      r.run();
      long w = System.nanoTime() - w0;
      long t = threads.getCurrentThreadCpuTime() - t0;
      long p = os.getProcessCpuTime() - p0;
      return new Times(w, t, p, gcNanos() - g0, jitNanos() - j0);
    }

    static Times mean(Times x, Times y) {
      return new Times(
          (x.wall + y.wall) / 2,
          (x.threadCpu + y.threadCpu) / 2,
          (x.processCpu + y.processCpu) / 2,
          (x.gc + y.gc) / 2,
          (x.jit + y.jit) / 2);
    }

    private static long gcNanos() {
      return ManagementFactory.getGarbageCollectorMXBeans().stream()
              .mapToLong(GarbageCollectorMXBean::getCollectionTime)
              .sum()
          * 1_000_000L;
    }

    private static long jitNanos() {
      return ManagementFactory.getCompilationMXBean().getTotalCompilationTime() * 1_000_000L;
    }
  }

  private static void print(String what, Times t, int proofs) {
    System.out.printf(
        "BENCH validator: %-34s %8.2f %10.2f %12.2f %8.2f %8.2f%n",
        what,
        t.wall() / 1e6 / proofs,
        t.threadCpu() / 1e6 / proofs,
        t.processCpu() / 1e6 / proofs,
        t.gc() / 1e6 / proofs,
        t.jit() / 1e6 / proofs);
  }

  /**
   * Waits (up to 60 s) until the JIT compilers have been idle for a second: on the loaded shared
   * machine their queue lags the warm-up, and the backlog would otherwise land in what is measured.
   */
  private static void quiesceJit() throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    long last = Times.jitNanos();
    int idle = 0;
    while (idle < 10 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      long now = Times.jitNanos();
      idle = now == last ? idle + 1 : 0;
      last = now;
    }
  }

  /** Runs passes until one does nothing; returns the uploads handled and the passes. */
  private static long[] drain(Validator validator) {
    long done = 0;
    int passes = 0;
    for (PassResult p = validator.runOnePass(); p.itemsDone() > 0; p = validator.runOnePass()) {
      done += p.itemsDone();
      passes++;
    }
    return new long[] {done, passes};
  }

  /** CPU time by thread name (numbered threads of a pool merged), in nanoseconds. */
  private static Map<String, Long> cpuByThread() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> out = new HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      ThreadInfo info = threads.getThreadInfo(id);
      long cpu = threads.getThreadCpuTime(id);
      if (info != null && cpu > 0) {
        out.merge(info.getThreadName().replaceAll("[0-9]+", "#"), cpu, Long::sum);
      }
    }
    return out;
  }

  /**
   * The CPU time (user + system) of PostgreSQL backends {@code pids}, from /proc; -1 if unreadable
   * (another machine, or another user's processes).
   */
  private static long postgresCpuNanos(List<Integer> pids) {
    long ticks = 0;
    try {
      for (int pid : pids) {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
      }
    } catch (Exception e) {
      return -1;
    }
    return ticks * 10_000_000L; // USER_HZ = 100
  }
}
