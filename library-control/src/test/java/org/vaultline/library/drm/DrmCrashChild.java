package org.vaultline.library.drm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.vaultline.device.DeviceOpener;
import org.vaultline.library.control.ControlOptions;
import org.vaultline.library.control.DrmOnLibrary;
import org.vaultline.library.control.LibraryControl;
import org.vaultline.library.store.LibraryVolume;
import org.vaultline.library.store.Origin;
import org.vaultline.library.store.Store;

/**
 * The server side of {@link DrmCrashTest}, in a child JVM the test kills with SIGKILL: a store and a
 * {@link LibraryControl} reaching the standalone emulator over iSCSI.
 *
 * <p>{@code java DrmCrashChild STORE URL setup}: defines LIB1, checks every cartridge in and defines each as a
 * MOUNTABLE copy-pool volume. {@code java DrmCrashChild STORE URL move}: MOVE DRMEDIA * TOSTATE=VAULT
 * REMOVE=UNTILEEFULL WAIT=YES, printing {@code EJECTED <volume>} after each eject (before its state change is
 * recorded). Prints {@code DONE} at the end.
 */
public final class DrmCrashChild {
  private DrmCrashChild() {}

  public static void main(String[] args) throws Exception {
    Path db = Path.of(args[0]);
    String url = args[1];
    Origin admin = Origin.admin("ADMIN");
    try (Store store = Store.open(db);
        LibraryControl control = new LibraryControl(store, DeviceOpener.standard()::open,
            ControlOptions.DEFAULT.withPolls(Duration.ofMillis(20), Duration.ofHours(1)))) {
      DrmLedger ledger = new DrmLedger(store, DrmFixtures.ZONE);
      if (args[2].equals("setup")) {
        control.execute("define library LIB1", admin);
        control.execute("define path VAULTLINE LIB1 srctype=server desttype=library device=" + url, admin);
        control.execute("checkin libvolume LIB1 search=yes status=private checklabel=barcode", admin);
        ledger.set(new SetDrm.CheckLabel(false), admin);
        for (LibraryVolume v : store.read(r -> r.volumes().list("LIB1"))) {
          ledger.register(DefineDrmVolume.of(new DrmVolume(v.volume(), DrmFixtures.copy("COPYPOOL"),
              DrmState.MOUNTABLE, Optional.empty(), Optional.of("LIB1"), DrmFixtures.WRITTEN, Device.tape("LTO8"))),
              admin);
        }
      } else {
        DrmEject real = new DrmOnLibrary(control);
        DrmEject printing = new DrmEject() {
          @Override
          public Result eject(String library, String volume, Origin origin) {
            Result r = real.eject(library, volume, origin);
            System.out.println("EJECTED " + volume + " " + r);
            System.out.flush();
            return r;
          }

          @Override
          public boolean awaitEmptied(String library, boolean reply, BooleanSupplier cancelled, Origin origin) {
            return real.awaitEmptied(library, reply, cancelled, origin);
          }
        };
        MoveDrMediaRun.Result r = new MoveDrMediaRun(ledger, printing).start(MoveDrMedia.of("*")
            .withToState(Optional.of(DrmState.VAULT)).withRemove(RemoveMode.UNTILEEFULL).withWait(true), admin)
            .result().orElseThrow();
        System.out.println("END " + r.end() + " " + r.moved().size());
      }
    }
    System.out.println("DONE");
    System.out.flush();
  }
}
