package org.vaultline.library.drm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.emulator.personality.RobotTiming;
import org.vaultline.library.control.ControlOptions;
import org.vaultline.library.control.DrmOnLibrary;
import org.vaultline.library.control.LibraryControl;
import org.vaultline.library.inventory.EmulatorFixture;
import org.vaultline.library.store.LibraryVolume;
import org.vaultline.library.store.OperatorRequest;
import org.vaultline.library.store.Origin;
import org.vaultline.library.store.RequestKind;
import org.vaultline.library.store.Store;
import org.vaultline.library.store.StoreOptions;

/**
 * Benchmark (a main, not a test): software time per ejected volume of MOVE DRMEDIA REMOVE=BULK on the {@code large}
 * personality with robot time zero (store on a real file, synchronous=FULL; an operator thread empties the stations
 * as soon as asked), and store-backed state-only transitions (REMOVE=NO) per second.
 *
 * <p>Run: {@code java -cp <test classpath> org.vaultline.library.drm.DrmEjectBenchmark [volumes]}.
 */
public final class DrmEjectBenchmark {
  private DrmEjectBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    List<String> barcodes = new ArrayList<>();
    for (int i = 0; i < 2 * n; i++) {
      barcodes.add(String.format("%s%05dL8", i < n ? "E" : "S", i));
    }
    EmulatorFixture emulator = EmulatorFixture.of(Personality.named("large").withTiming(RobotTiming.instant()),
        barcodes.toArray(String[]::new));
    Path dir = Files.createTempDirectory("drm-bench");
    Origin admin = Origin.admin("ADMIN");
    try (Store store = Store.open(dir.resolve("vaultline.db"), StoreOptions.DEFAULT);
        LibraryControl control = new LibraryControl(store, url -> emulator.lib.changer(),
            ControlOptions.DEFAULT.withPolls(Duration.ofMillis(1), Duration.ofHours(1))
                .withClock(emulator.robotClock()))) {
      control.execute("define library LIB1", admin);
      control.execute("define path VAULTLINE LIB1 srctype=server desttype=library device=emulated:large", admin);
      control.execute("checkin libvolume LIB1 search=yes status=private checklabel=barcode", admin);
      DrmLedger ledger = new DrmLedger(store, DrmFixtures.ZONE);
      ledger.set(new SetDrm.CheckLabel(false), admin); // no drives: the eject alone is measured
      for (LibraryVolume v : store.read(r -> r.volumes().list("LIB1"))) {
        ledger.register(DefineDrmVolume.of(new DrmVolume(v.volume(), DrmFixtures.copy("COPYPOOL"),
            DrmState.MOUNTABLE, Optional.empty(), Optional.of("LIB1"), DrmFixtures.WRITTEN, Device.tape("LTO8"))),
            admin);
      }
      MoveDrMediaRun runs = new MoveDrMediaRun(ledger, new DrmOnLibrary(control));
      Thread operator = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          for (OperatorRequest r : store.read(x -> x.requests().outstanding())) {
            if (r.kind() == RequestKind.EMPTY_IO_STATION) {
              for (int i = 0; i < 4; i++) {
                emulator.lib.operator().openStation(i);
                emulator.lib.operator().removeAll(i);
                emulator.lib.operator().closeStation(i);
              }
            }
          }
          try {
            Thread.sleep(1);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "operator");
      operator.setDaemon(true);
      operator.start();

      MoveDrMedia toVault = MoveDrMedia.of("*").withToState(Optional.of(DrmState.VAULT)).withWait(true);
      long t0 = System.nanoTime();
      MoveDrMediaRun.Result ejected = runs.start(toVault.withVolume("E*").withRemove(RemoveMode.BULK), admin)
          .result().orElseThrow();
      long t1 = System.nanoTime();
      MoveDrMediaRun.Result stateOnly = runs.start(toVault.withVolume("S*").withRemove(RemoveMode.NO), admin)
          .result().orElseThrow();
      long t2 = System.nanoTime();
      operator.interrupt();
      System.out.printf("MOVE DRMEDIA REMOVE=BULK, large personality, robot time zero: %d volumes ejected in %.2f s,"
          + " %.2f ms software time per ejected volume (operator waits included)%n", ejected.moved().size(),
          (t1 - t0) / 1e9, (t1 - t0) / 1e6 / ejected.moved().size());
      System.out.printf("MOVE DRMEDIA REMOVE=NO on the store: %d transitions in %.2f s, %.0f per second%n",
          stateOnly.moved().size(), (t2 - t1) / 1e9, stateOnly.moved().size() / ((t2 - t1) / 1e9));
    }
  }
}
