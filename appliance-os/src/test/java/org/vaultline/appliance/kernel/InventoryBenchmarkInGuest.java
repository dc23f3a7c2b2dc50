package org.vaultline.appliance.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vaultline.device.discovery.ScsiGenericDevice;

/**
 * A full inventory of the same changer through {@code vaultline scsi elements} and through {@code mtx status}, in
 * the guest: vaultline in this warm JVM (in-process: MODE SENSE 1Dh, READ ELEMENT STATUS per type with volume tags,
 * DVCID for the drives, all through SG_IO) and as a process of its own (JVM start included, as an administrator
 * runs it), mtx as a process (the only way it runs). Medians go to {@code benchmark.txt} in the results. The guest
 * runs under QEMU's software emulation (TCG), so absolute times are many times a real machine's; the ratios are
 * what the numbers are for. Every run must read the inventory mtx reads; times are recorded, not asserted.
 */
@EnabledIfSystemProperty(named = Guest.PROPERTY, matches = "true")
class InventoryBenchmarkInGuest {
  private static final int WARMUP = 2;
  private static final int IN_PROCESS_RUNS = 7;
  private static final int MTX_RUNS = 7;
  /** A vaultline process takes 10 s and more under TCG: three on the emulator, one on tgtd, to keep the run short. */
  private static final int PROCESS_RUNS = 3;

  record Row(String changer, int elements, Duration inProcess, Duration vaultlineProcess, Duration mtxProcess) {
    String format() {
      return String.format(Locale.ROOT, "%-34s %8d %12.1f %12.1f %10.1f %14.2f %12.1f", changer, elements,
          ms(inProcess), ms(vaultlineProcess), ms(mtxProcess), ms(inProcess) / ms(mtxProcess),
          ms(vaultlineProcess) / ms(mtxProcess));
    }
  }

  private static double ms(Duration d) {
    return d.toNanos() / 1e6;
  }

  private static Duration median(List<Duration> times) {
    List<Duration> sorted = new ArrayList<>(times);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }

  private static Row measure(String label, ScsiGenericDevice changer, int processRuns) throws Exception {
    String node = changer.node().toString();
    String url = "sg:" + node;
    ChangerStatus mtx = ChangerStatus.fromMtx(Guest.run("mtx", "-f", node, "status").ok().out());
    List<Duration> mtxTimes = new ArrayList<>();
    for (int i = 0; i < MTX_RUNS; i++) {
      Guest.Ran r = Guest.run("mtx", "-f", node, "status").ok();
      assertThat(ChangerStatus.fromMtx(r.out())).isEqualTo(mtx);
      mtxTimes.add(r.took());
    }
    for (int i = 0; i < WARMUP; i++) {
      Guest.vaultline("scsi", "elements", url).ok();
    }
    List<Duration> inProcess = new ArrayList<>();
    for (int i = 0; i < IN_PROCESS_RUNS; i++) {
      Guest.Ran r = Guest.vaultline("scsi", "elements", url).ok();
      assertThat(ChangerStatus.fromVaultline(r.out())).isEqualTo(mtx);
      inProcess.add(r.took());
    }
    List<Duration> process = new ArrayList<>();
    for (int i = 0; i < processRuns; i++) {
      Guest.Ran r = Guest.vaultlineProcess("scsi", "elements", url).ok();
      assertThat(ChangerStatus.fromVaultline(r.out())).isEqualTo(mtx);
      process.add(r.took());
    }
    int elements = mtx.drives().size() + mtx.slots().size() + 1;
    return new Row(label + " (" + node + ")", elements, median(inProcess), median(process), median(mtxTimes));
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void fullInventoriesThroughVaultlineAndMtxStatusReadTheSameAndAreTimed(TestReporter reporter) throws Exception {
    List<Row> rows = new ArrayList<>();
    rows.add(measure("emulator " + Guest.target("emulator").getProperty("personality"),
        Guest.changerOf(Guest.target("emulator").getProperty("iqn")), PROCESS_RUNS));
    rows.add(measure("tgtd", Guest.changerOf(Guest.target("tgtd").getProperty("iqn")), 1));

    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Full inventory: vaultline scsi elements vs mtx status on the same sg node, in"
        + " the kernel-test guest%n(QEMU -accel tcg: software emulation, %d vCPUs; medians of %d in-process, %d "
        + "vaultline process (1 on tgtd), %d mtx runs; ms)%n", Runtime.getRuntime().availableProcessors(),
        IN_PROCESS_RUNS, PROCESS_RUNS, MTX_RUNS));
    sb.append(String.format(Locale.ROOT, "%-34s %8s %12s %12s %10s %14s %12s%n", "changer", "elements",
        "in-process", "vl process", "mtx", "in-proc/mtx", "proc/mtx"));
    rows.forEach(r -> sb.append(r.format()).append('\n'));
    Files.writeString(Guest.results().resolve("benchmark.txt"), sb.toString());
    reporter.publishEntry("benchmark", sb.toString());
    assertThat(rows).hasSize(2);
  }
}
