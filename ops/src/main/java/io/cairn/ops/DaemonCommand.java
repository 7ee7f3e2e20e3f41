package io.cairn.ops;

import io.cairn.config.CairnConfig;
import io.cairn.daemon.DaemonEnvironment;
import io.cairn.daemon.DaemonFactory;
import io.cairn.daemon.DaemonGroup;
import io.cairn.daemon.DaemonLoop;
import io.cairn.daemon.PassResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cairn-ops daemon <name>|all [--one-pass] [--instance NAME]}: runs one daemon in this
 * process until SIGTERM, or every daemon of {@code daemons.run} on its own thread ({@code all}, the
 * embedded demo). {@code --one-pass} runs one pass of each and exits.
 */
final class DaemonCommand {
  private static final Logger log = LoggerFactory.getLogger(DaemonCommand.class);

  private DaemonCommand() {}

  static int run(CairnConfig config, List<String> args) {
    Map<String, String> o = CairnOps.options(args, List.of("--instance"), List.of("--one-pass"));
    String name = o.getOrDefault("", "").trim();
    if (name.isEmpty() || name.contains(" ")) {
      throw new CairnOps.UsageException("daemon: name one daemon, or all");
    }
    List<String> names = name.equals("all") ? config.daemons().enabled() : List.of(name);
    List<DaemonFactory> factories = new ArrayList<>();
    try {
      for (String n : names) {
        factories.add(DaemonFactory.named(n));
      }
    } catch (NoSuchElementException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    String instance = o.getOrDefault("--instance", OpsRuntime.hostname());
    boolean onePass = o.containsKey("--one-pass");
    try (OpsRuntime ops = OpsRuntime.open(config, "cairn-" + name)) {
      DaemonEnvironment env = ops.daemonEnvironment(Clock.systemUTC());
      List<DaemonLoop> loops = new ArrayList<>();
      for (DaemonFactory f : factories) {
        loops.add(DaemonGroup.loop(f, env, instance, ops.loopSettings(f.name())));
      }
      if (onePass) {
        for (DaemonLoop loop : loops) {
          PassResult pass = loop.runOnce();
          System.out.println(
              loop.context().daemon()
                  + ": "
                  + pass.itemsDone()
                  + " done, backlog "
                  + pass.backlog());
        }
        return 0;
      }
      if (loops.size() == 1) {
        DaemonLoop loop = loops.get(0);
        loop.stopOnShutdown();
        loop.runUntilStopped();
        return 0;
      }
      CountDownLatch stopped = new CountDownLatch(1);
      DaemonGroup group = DaemonGroup.startLoops(loops);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    group.close();
                    stopped.countDown();
                  },
                  "daemons-shutdown"));
      log.info("running {} as {}", names, instance);
      stopped.await();
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } catch (IllegalStateException | IllegalArgumentException e) {
      System.err.println("cannot start " + name + ": " + e.getMessage());
      log.error("cannot start {}", name, e);
      return 1;
    }
  }
}
