package org.vaultline.library.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.device.DeviceOpener;
import org.vaultline.library.inventory.InventoryElement;
import org.vaultline.library.inventory.LibraryInventory;
import org.vaultline.library.store.ActivityLogEntry;
import org.vaultline.library.store.BackgroundProcess;
import org.vaultline.library.store.ElementSnapshot;
import org.vaultline.library.store.LibraryVolume;
import org.vaultline.library.store.Move;
import org.vaultline.library.store.MovePurpose;
import org.vaultline.library.store.MoveState;
import org.vaultline.library.store.Store;
import org.vaultline.scsi.smc.ElementType;

/**
 * Crash safety of moves: the server ({@link CrashChild}, a JVM of its own) checks a volume out of a standalone
 * emulated library ({@link EmulatorServer}, another JVM, which keeps running as a real library would) and is
 * killed with SIGKILL at each step of the move: after the intent was committed and before MOVE MEDIUM was sent;
 * while MOVE MEDIUM runs (the robot takes 1.5 s); after the library did it and before the completion was
 * recorded. A restarted server settles the open move from element status, and the store then agrees with the
 * library: every checked-in volume's cartridge is at its home, the checked-out one is in the I/O station, and
 * the element snapshot is what READ ELEMENT STATUS says. (This emulator server answers a second session only
 * once the MOVE MEDIUM in flight is done, so the restarted server finds the cartridge put down; a cartridge still
 * in the robot's hand at restart is {@code RecoveryTest}'s case.)
 */
class LibraryCrashTest {
  private static final long MOVE_MILLIS = 1500;

  @TempDir Path dir;
  private final List<Process> processes = new ArrayList<>();
  private Path db;
  private int port;
  private Process emulator;

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
  void aServerKilledAtEveryStepOfAMoveIsSettledFromWhatTheLibraryShows() throws Exception {
    db = dir.resolve("vaultline.db");
    emulator = java(EmulatorServer.class, "emulator", "stk-sl500", dir.resolve("library").toString(),
        Long.toString(MOVE_MILLIS), "CRA001L4", "CRA002L4", "CRA003L4", "CRA004L4", "CRA005L4");
    port = Integer.parseInt(awaitLine(emulator, "emulator", "PORT ").substring(5).strip());

    String url = "iscsi://127.0.0.1:${PORT}/" + EmulatorServer.IQN + "/";
    Process setup = child("setup", "NONE", "define library LIB1",
        "define path VAULTLINE LIB1 srctype=server desttype=library device=" + url + "0",
        "define drive LIB1 DRIVE0",
        "define path VAULTLINE DRIVE0 srctype=server desttype=drive library=LIB1 device=" + url + "1",
        "checkin libvolume LIB1 search=yes status=private checklabel=barcode");
    assertThat(setup.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(setup.exitValue()).as(read("setup.err")).isZero();
    assertThat(read("setup.out")).contains("DONE");

    // killed after the intent: nothing was sent, the cartridge is still in its slot
    killAt("INTENDED", "CRA001");
    restartAndCheck("CRA001", false);

    // killed while MOVE MEDIUM runs (the emulator shows its robot under way): the library finishes the move
    killAt("MOVING", "CRA002");
    assertThat(read("CRA002.out")).doesNotContain("COMPLETED");
    restartAndCheck("CRA002", true);

    // killed after the library did it, before the completion was recorded
    killAt("COMPLETED", "CRA003");
    restartAndCheck("CRA003", true);

    // and a move nobody interrupts
    Process normal = child("CRA004", "NONE", "checkout libvolume LIB1 CRA004 checklabel=no");
    assertThat(normal.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(normal.exitValue()).as(read("CRA004.err")).isZero();
    assertThat(read("CRA004.out")).contains("RECORDED").contains("VLN0111I Volume CRA004 checked out");
    restartAndCheck("CRA004", true);

    assertThat(emulator.isAlive()).as("the library ran throughout").isTrue();
  }

  /**
   * Runs a checkout of {@code volume} in a child and SIGKILLs it once it printed {@code step} (for MOVING, once
   * the emulator also shows its robot under way).
   */
  private void killAt(String step, String volume) throws Exception {
    long transitsBefore = read("emulator.out").lines().filter(l -> l.startsWith("TRANSIT ")).count();
    Process p = child(volume, step.equals("MOVING") ? "NONE" : step,
        "checkout libvolume LIB1 " + volume + " checklabel=no");
    awaitLine(p, volume, step + " ");
    if (step.equals("MOVING")) {
      awaitLine(emulator, "emulator", "TRANSIT " + (transitsBefore + 1) + " ");
    }
    p.destroyForcibly(); // SIGKILL on Linux: no finally blocks, no shutdown hooks, no transaction rollback by us
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
    try (Store store = Store.open(db)) {
      List<Move> open = store.read(r -> r.moves().unfinished("LIB1"));
      assertThat(open).as("the killed server left its move open").hasSize(1);
      assertThat(open.get(0).volume()).contains(volume);
      assertThat(open.get(0).purpose()).isEqualTo(MovePurpose.CHECKOUT);
    }
  }

  /**
   * Starts the server again in this JVM: the open move is settled, and the store agrees with the library.
   *
   * @param checkedOut whether the library shows the volume's cartridge in the I/O station (else in its slot)
   */
  private void restartAndCheck(String volume, boolean checkedOut) throws Exception {
    try (Store store = Store.open(db);
        LibraryControl control = new LibraryControl(store, DeviceOpener.standard()::open,
            ControlOptions.DEFAULT.withServerName("VAULTLINE"))) {
      List<Move> open = store.read(r -> r.moves().unfinished("LIB1"));
      LibraryService lib = control.library("LIB1");
      List<Move> still = store.read(r -> r.moves().unfinished());
      assertThat(still).as("every open move settled").isEmpty();
      for (Move m : open) {
        Move settled = store.read(r -> r.moves().find(m.id())).orElseThrow();
        assertThat(settled.state()).isEqualTo(MoveState.RESOLVED);
        assertThat(settled.foundAt()).contains(checkedOut ? m.destination() : m.source());
      }
      List<BackgroundProcess> running = store.read(r -> r.processes().running());
      assertThat(running).isEmpty();
      if (!open.isEmpty()) {
        List<ActivityLogEntry> log = store.read(r -> r.activityLog().latest(1000));
        assertThat(log).as("the killed process is marked interrupted")
            .anyMatch(e -> e.message().id().number() == 152 && e.message().text().contains("CHECKOUT LIBVOLUME"));
      }

      LibraryInventory inv = lib.robot().refresh();
      List<LibraryVolume> vols = store.read(r -> r.volumes().list("LIB1"));
      for (LibraryVolume v : vols) {
        List<InventoryElement> at = inv.find(v.barcode().orElseThrow());
        assertThat(at).as("%s is where the store says", v.volume()).hasSize(1);
        assertThat(at.get(0).address()).as(v.volume()).isEqualTo(v.homeElement().orElseThrow());
        assertThat(at.get(0).type()).isEqualTo(ElementType.STORAGE);
      }
      Optional<LibraryVolume> vol = store.read(r -> r.volumes().find(volume));
      List<InventoryElement> cartridge = inv.find(volume);
      assertThat(cartridge).hasSize(1);
      if (checkedOut) {
        assertThat(vol).as("%s checked out", volume).isEmpty();
        assertThat(cartridge.get(0).type()).isEqualTo(ElementType.IMPORT_EXPORT);
      } else {
        assertThat(vol).as("%s still checked in", volume).isPresent();
        assertThat(cartridge.get(0).address()).isEqualTo(vol.get().homeElement().orElseThrow());
      }
      Map<Integer, String> snapshot = new HashMap<>();
      for (ElementSnapshot e : store.read(r -> r.elements().list("LIB1"))) {
        snapshot.put(e.address().value(), e.full() ? e.barcode().orElse("?") : "");
      }
      Map<Integer, String> library = new HashMap<>();
      for (InventoryElement e : inv.elements(ElementType.ALL)) {
        library.put(e.address().value(), e.full() ? e.barcode().orElse("?") : "");
      }
      assertThat(snapshot).as("the element snapshot is what the library shows").isEqualTo(library);
    }
  }

  private Process child(String name, String stopAt, String... commands) throws IOException {
    List<String> args = new ArrayList<>(List.of(db.toString(), Integer.toString(port), stopAt));
    args.addAll(List.of(commands));
    return java(CrashChild.class, name, args.toArray(String[]::new));
  }

  /**
   * Starts {@code main} in a JVM of its own. Output goes to files, not pipes: SIGKILL would lose what is in
   * a pipe.
   */
  private Process java(Class<?> main, String name, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classpath,
        main.getName()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectOutput(dir.resolve(name + ".out").toFile())
        .redirectError(dir.resolve(name + ".err").toFile()).start();
    processes.add(p);
    return p;
  }

  /** Waits for a line starting with {@code prefix} in the process's output; fails when it exits first. */
  private String awaitLine(Process p, String name, String prefix) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      String text = read(name + ".out");
      int end = text.lastIndexOf('\n');
      if (end > 0) {
        for (String line : text.substring(0, end).split("\n")) {
          if (line.startsWith(prefix)) {
            return line;
          }
        }
      }
      if (!p.isAlive()) {
        throw new AssertionError(name + " exited (" + p.exitValue() + ") before printing " + prefix + ":\n" + text
            + "\n" + read(name + ".err"));
      }
      Thread.sleep(5);
    }
    throw new AssertionError(name + " did not print " + prefix + " in time:\n" + read(name + ".out"));
  }

  private String read(String file) throws IOException {
    Path f = dir.resolve(file);
    return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
  }
}
