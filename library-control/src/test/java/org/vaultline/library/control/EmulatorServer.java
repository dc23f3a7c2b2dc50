package org.vaultline.library.control;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vaultline.device.iscsi.IscsiTarget;
import org.vaultline.emulator.EmulatedLibrary;
import org.vaultline.emulator.EmulatorClock;
import org.vaultline.emulator.Initiator;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.emulator.personality.RobotTiming;
import org.vaultline.emulator.physical.MediaStore;
import org.vaultline.emulator.physical.PhysicalLibrary;

/**
 * A standalone emulated library for the crash tests, in a process of its own so that it outlives the server
 * processes killed around it (a real library keeps its cartridges): the {@link EmulatedLibrary} on the wall clock,
 * served over iSCSI by our {@link IscsiTarget} on a free loopback port (LUN 0 the changer, LUN 1..n the drives),
 * its physical state kept in a state directory and saved every 200 ms when it changed. (The appliance's
 * {@code vaultline emulator} does the same with an operator console; library-control cannot depend on it.)
 *
 * <p>{@code java EmulatorServer PERSONALITY STATE_DIR MOVE_MILLIS [BARCODE...]}: robot moves take MOVE_MILLIS;
 * the barcodes stock the first slots of a new library. Prints {@code PORT <n>} and {@code IQN <iqn>} when ready,
 * and {@code TRANSIT <n> <source> -> <destination>} when the robot starts its n-th move (looked at every 10 ms),
 * so that a test knows a MOVE MEDIUM is under way.
 */
public final class EmulatorServer {
  static final String IQN = "iqn.2024-01.org.vaultline:crash-emulator";
  static final String STATE_FILE = "library.state";

  private EmulatorServer() {}

  public static void main(String[] args) throws Exception {
    Personality base = Personality.named(args[0]);
    Path stateDir = Files.createDirectories(Path.of(args[1]));
    Duration move = Duration.ofMillis(Long.parseLong(args[2]));
    Personality p = base.withTiming(new RobotTiming(move, Duration.ZERO, Duration.ofMillis(100)));
    Path state = stateDir.resolve(STATE_FILE);
    EmulatedLibrary.Builder b = EmulatedLibrary.builder(p).clock(EmulatorClock.system())
        .mediaStore(MediaStore.directory(stateDir.resolve("media")));
    if (Files.exists(state)) {
      b.state(Files.readAllBytes(state));
    } else {
      b.stock(Arrays.copyOfRange(args, 3, args.length));
    }
    EmulatedLibrary lib = b.build();
    Initiator iscsi = new Initiator("iscsi");
    IscsiTarget.Builder t = IscsiTarget.builder(IQN).address(InetAddress.getLoopbackAddress()).port(0)
        .lun(0, lib.changer(iscsi));
    for (int i = 0; i < lib.driveCount(); i++) {
      t.lun(i + 1, lib.drive(i, iscsi));
    }
    IscsiTarget target = t.start();
    byte[] saved = save(lib, state, null);
    System.out.println("PORT " + target.port());
    System.out.println("IQN " + IQN);
    System.out.flush();
    Set<PhysicalLibrary.Transit> seen = new HashSet<>();
    for (long tick = 1; ; tick++) {
      Thread.sleep(10);
      List<PhysicalLibrary.Transit> now;
      synchronized (lib.lock()) {
        now = List.copyOf(lib.physical().transits());
      }
      for (PhysicalLibrary.Transit transit : now) {
        if (seen.add(transit)) {
          System.out.printf("TRANSIT %d %d -> %d%n", seen.size(), transit.source(), transit.destination());
          System.out.flush();
        }
      }
      if (tick % 20 == 0) {
        saved = save(lib, state, saved);
      }
    }
  }

  private static byte[] save(EmulatedLibrary lib, Path state, byte[] before) throws IOException {
    byte[] now = lib.saveState();
    if (before == null || !Arrays.equals(before, now)) {
      Path tmp = state.resolveSibling(STATE_FILE + ".tmp");
      Files.write(tmp, now);
      Files.move(tmp, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    return now;
  }
}
