package org.vaultline.library.drm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.device.DeviceOpener;
import org.vaultline.library.control.ControlOptions;
import org.vaultline.library.control.LibraryControl;
import org.vaultline.library.inventory.InventoryElement;
import org.vaultline.library.inventory.LibraryInventory;
import org.vaultline.library.store.LibraryVolume;
import org.vaultline.library.store.Origin;
import org.vaultline.library.store.Store;
import org.vaultline.scsi.smc.ElementType;

/**
 * SIGKILL trials of MOVE DRMEDIA: the server ({@link DrmCrashChild}, a JVM of its own) ejects 200 volumes of the
 * {@code large} library (the control package's standalone {@code EmulatorServer}, another JVM that keeps running
 * as a real library would) with REMOVE=UNTILEEFULL and is killed at a seeded random moment after its k-th eject:
 * sometimes before that volume's state change commits, sometimes after, sometimes in the next move. After each
 * kill the server starts again here (its moves settled from element status, DRM's pending moves reconciled) and
 * every volume is fully moved or untouched: VAULT volumes are checked out and in the I/O station, MOUNTABLE ones
 * checked in and in their home slot. (UNTILEEFULL so that nobody has to empty the 72 station cells of a library
 * in another process: 20 trials eject at most 60 volumes.)
 */
class DrmCrashTest {
  private static final String IQN = "iqn.2024-01.org.vaultline:crash-emulator";

  @TempDir Path dir;
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stopEverythingByPid() throws InterruptedException {
    for (Process p : processes) {
      if (p.isAlive()) {
        p.destroyForcibly(); // SIGKILL to this PID only
        p.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void moveDrmediaKilledTwentyTimesLeavesEveryVolumeMovedOrUntouched() throws Exception {
    List<String> args = new ArrayList<>(List.of("large", dir.resolve("library").toString(), "0"));
    for (int i = 0; i < 200; i++) {
      args.add(String.format("KIL%03dL8", i));
    }
    Process emulator = java("org.vaultline.library.control.EmulatorServer", "emulator", args.toArray(String[]::new));
    int port = Integer.parseInt(awaitLine(emulator, "emulator", "PORT ").substring(5).strip());
    String url = "iscsi://127.0.0.1:" + port + "/" + IQN + "/0";
    Path db = dir.resolve("vaultline.db");

    Process setup = java(DrmCrashChild.class.getName(), "setup", db.toString(), url, "setup");
    assertThat(setup.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(setup.exitValue()).as(read("setup.err")).isZero();

    Random random = new Random(4711);
    int killedBetween = 0;
    for (int trial = 0; trial < 20; trial++) {
      String name = "trial" + trial;
      Process p = java(DrmCrashChild.class.getName(), name, db.toString(), url, "move");
      int k = 1 + random.nextInt(3);
      awaitLines(p, name, "EJECTED ", k);
      Thread.sleep(random.nextInt(4)); // a random moment: before, during or after the state change
      p.destroyForcibly();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
      killedBetween += restartAndAudit(db, url);
    }
    assertThat(emulator.isAlive()).as("the library ran throughout").isTrue();
    System.out.println("DrmCrashTest: 20 trials, " + killedBetween + " kills fell between an eject and its state"
        + " change and were completed at restart");
  }

  /** Starts the server here, lets it settle and reconcile, and checks every volume; returns how many it completed. */
  private int restartAndAudit(Path db, String url) throws Exception {
    try (Store store = Store.open(db);
        LibraryControl control = new LibraryControl(store, DeviceOpener.standard()::open,
            ControlOptions.DEFAULT.withPolls(Duration.ofMillis(20), Duration.ofHours(1)))) {
      LibraryInventory inv = control.library("LIB1").robot().refresh();
      DrmLedger ledger = new DrmLedger(store, DrmFixtures.ZONE);
      int completed = ledger.reconcile(Origin.SERVER).size();
      Map<String, String> pending = store.read(r -> r.drmVolumes().pending());
      assertThat(pending).isEmpty();
      List<DrmVolume> vols = ledger.volumes();
      assertThat(vols).hasSize(200);
      for (DrmVolume v : vols) {
        List<InventoryElement> at = inv.find(v.name() + "L8");
        assertThat(at).as(v.name()).hasSize(1);
        java.util.Optional<LibraryVolume> lv = store.read(r -> r.volumes().find(v.name()));
        if (v.state() == DrmState.MOUNTABLE) {
          assertThat(lv).as("%s checked in", v.name()).isPresent();
          assertThat(at.get(0).address()).as(v.name()).isEqualTo(lv.get().homeElement().orElseThrow());
        } else {
          assertThat(v.state()).isEqualTo(DrmState.VAULT);
          assertThat(lv).as("%s checked out", v.name()).isEmpty();
          assertThat(at.get(0).type()).as(v.name()).isEqualTo(ElementType.IMPORT_EXPORT);
        }
      }
      return completed;
    }
  }

  private Process java(String main, String name, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classpath,
        main));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectOutput(dir.resolve(name + ".out").toFile())
        .redirectError(dir.resolve(name + ".err").toFile()).start();
    processes.add(p);
    return p;
  }

  private String awaitLine(Process p, String name, String prefix) throws Exception {
    return awaitLines(p, name, prefix, 1);
  }

  /** Waits for the {@code count}-th line starting with {@code prefix}; fails when the process exits first. */
  private String awaitLines(Process p, String name, String prefix, int count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      String text = read(name + ".out");
      int end = text.lastIndexOf('\n');
      int seen = 0;
      if (end > 0) {
        for (String line : text.substring(0, end).split("\n")) {
          if (line.startsWith(prefix) && ++seen == count) {
            return line;
          }
        }
      }
      if (!p.isAlive()) {
        throw new AssertionError(name + " exited (" + p.exitValue() + ") before printing " + prefix + ":\n" + text
            + "\n" + read(name + ".err"));
      }
      Thread.sleep(1);
    }
    throw new AssertionError(name + " did not print " + prefix + " in time:\n" + read(name + ".out"));
  }

  private String read(String file) throws IOException {
    Path f = dir.resolve(file);
    return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
  }
}
