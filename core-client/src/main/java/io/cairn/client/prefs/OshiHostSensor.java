package io.cairn.client.prefs;

import java.util.OptionalLong;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Reads the system's CPU ticks and this process's CPU time with OSHI: the foreign load is the
 * system's busy fraction minus this process's share of all CPUs over the same interval. The last
 * keyboard or mouse input comes from {@link InputActivity}.
 */
public final class OshiHostSensor implements HostSensor {
  private final CentralProcessor cpu;
  private final OperatingSystem os;
  private final int pid;
  private final int logicalCpus;
  private final long totalMemory;
  private final InputActivity input = InputActivity.system();
  private long[] prevTicks;
  private long prevProcessMillis;
  private long prevNanos;

  /** Starts the first measuring interval now. */
  public OshiHostSensor() {
    SystemInfo si = new SystemInfo();
    this.cpu = si.getHardware().getProcessor();
    this.os = si.getOperatingSystem();
    this.pid = os.getProcessId();
    this.logicalCpus = Math.max(1, cpu.getLogicalProcessorCount());
    this.totalMemory = si.getHardware().getMemory().getTotal();
    this.prevTicks = cpu.getSystemCpuLoadTicks();
    this.prevProcessMillis = processCpuMillis();
    this.prevNanos = System.nanoTime();
  }

  private long processCpuMillis() {
    OSProcess p = os.getProcess(pid);
    return p == null ? 0 : p.getKernelTime() + p.getUserTime();
  }

  @Override
  public synchronized double foreignCpuLoad() {
    double system = cpu.getSystemCpuLoadBetweenTicks(prevTicks);
    long nanos = System.nanoTime();
    long processMillis = processCpuMillis();
    double elapsedMillis = Math.max(1, (nanos - prevNanos) / 1e6);
    double own = (processMillis - prevProcessMillis) / (elapsedMillis * logicalCpus);
    prevTicks = cpu.getSystemCpuLoadTicks();
    prevProcessMillis = processMillis;
    prevNanos = nanos;
    return Math.max(0, Math.min(1, system - own));
  }

  /** This process's CPU time so far, milliseconds (for measurements). */
  public long ownCpuMillis() {
    return processCpuMillis();
  }

  @Override
  public OptionalLong lastInputMillis() {
    return input.lastInputMillis();
  }

  @Override
  public long totalMemoryBytes() {
    return totalMemory;
  }
}
