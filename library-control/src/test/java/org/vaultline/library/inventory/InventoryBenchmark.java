package org.vaultline.library.inventory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.vaultline.emulator.EmulatedLibrary;
import org.vaultline.emulator.Initiator;
import org.vaultline.emulator.VirtualClock;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.emulator.personality.RobotTiming;
import org.vaultline.emulator.physical.Cartridge;
import org.vaultline.emulator.physical.ElementKind;
import org.vaultline.emulator.physical.MediaType;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.transport.ScsiExecutor;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * How long a full inventory of the {@code large} personality (20,000 slots, 64 drives, 4 x 18 I/O
 * cells, 2 transports) takes in software, with the robot's time at zero: MODE SENSE, paged READ ELEMENT
 * STATUS with volume tags, the DVCID request for the drives, parsing and the snapshot. The in-process
 * emulator's own time (building and encoding its answers) is measured apart and taken off.
 *
 * <p>Run: {@code java -cp <test classpath> org.vaultline.library.inventory.InventoryBenchmark [runs]
 * [cartridges]} (see the project README for the command). Not a test: nothing here asserts a time.
 */
public final class InventoryBenchmark {
  private InventoryBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    // one INFO line per inventory would be measured too
    org.tinylog.configuration.Configuration.set("level", "warn");
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int cartridges = args.length > 1 ? Integer.parseInt(args[1]) : 12_000;
    Personality p = Personality.named("large").withTiming(RobotTiming.instant());
    EmulatedLibrary lib = EmulatedLibrary.builder(p).clock(new VirtualClock()).build();
    List<Integer> slots = p.layout().addresses(ElementKind.STORAGE);
    for (int i = 0; i < cartridges; i++) {
      lib.operator().stock(slots.get(i), Cartridge.labelled(String.format("A%05dL8", i), MediaType.LTO8));
    }
    lib.acknowledgePowerOn(Initiator.DEFAULT);
    AtomicLong emulatorNanos = new AtomicLong();
    ScsiTransport inner = lib.changer();
    ScsiTransport timed = new ScsiTransport() {
      @Override
      public ScsiResult execute(ScsiRequest request) throws TransportException {
        long t0 = System.nanoTime();
        try {
          return inner.execute(request);
        } finally {
          emulatorNanos.addAndGet(System.nanoTime() - t0);
        }
      }

      @Override
      public String describe() {
        return inner.describe();
      }

      @Override
      public void close() {
        inner.close();
      }
    };
    InventoryReader reader = new InventoryReader(ScsiExecutor.standard(timed, d -> { }, s -> { }));

    int warmups = Math.max(20, runs / 2);
    LibraryInventory inv = null;
    for (int i = 0; i < warmups; i++) {
      inv = reader.read();
    }
    List<Double> total = new ArrayList<>();
    List<Double> software = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      emulatorNanos.set(0);
      long t0 = System.nanoTime();
      inv = reader.read();
      long t = System.nanoTime() - t0;
      total.add(t / 1e6);
      software.add((t - emulatorNanos.get()) / 1e6);
    }
    Collections.sort(total);
    Collections.sort(software);
    System.out.printf("large personality: %d elements (%d slots, %d drives, %d I/O cells, %d transports),"
        + " %d cartridges, %d READ ELEMENT STATUS commands, %d warnings%n", inv.size(), inv.storage().size(),
        inv.dataTransfer().size(), inv.importExport().size(), inv.transports().size(), cartridges,
        inv.statistics().readElementStatusCommands(), inv.warnings().size());
    System.out.printf("full inventory, %d runs after %d warm-up: total (software + emulator) median %.1f ms,"
        + " min %.1f ms, max %.1f ms%n", runs, warmups, median(total), total.get(0), total.get(total.size() - 1));
    System.out.printf("software only (emulator time taken off): median %.1f ms, min %.1f ms, max %.1f ms;"
        + " %.2f us per element%n", median(software), software.get(0), software.get(software.size() - 1),
        median(software) * 1000 / inv.size());
  }

  private static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
