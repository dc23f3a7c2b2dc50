package org.vaultline.library.drm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.emulator.personality.RobotTiming;
import org.vaultline.emulator.physical.ElementKind;
import org.vaultline.library.control.CommandException;
import org.vaultline.library.control.CommandResult;
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
import org.vaultline.library.store.VolumeStatus;
import org.vaultline.scsi.smc.ElementAddress;

/**
 * The end-to-end proof on the {@code large} personality (4 I/O stations of 18 cells, robot time zero,
 * virtual clock): 500 copy-pool volumes go to the vault through the I/O station with every REMOVE mode, the
 * operator (this test) emptying the stations when asked; some become VAULTRETRIEVE, go to COURIERRETRIEVE, come
 * back through the station and are checked in by themselves. After every step the store (DRM and library volumes)
 * and the emulated library's element status agree.
 */
class DrmEndToEndTest {
  static final Origin ADMIN = Origin.admin("ADMIN");

  @TempDir Path dir;
  EmulatorFixture emulator;
  Store store;
  LibraryControl control;
  DrmLedger ledger;
  MoveDrMediaRun runs;

  /** 300 for BULK (the mode a 7 a.m. run uses), 100 for YES, 80 for UNTILEEFULL, 20 for NO: 500 in all. */
  static final Map<String, Integer> GROUPS = Map.of("BLK", 300, "YES", 100, "UNT", 80, "NOO", 20);

  private static List<String> names(String prefix) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < GROUPS.get(prefix); i++) {
      out.add(String.format("%s%03d", prefix, i));
    }
    return out;
  }

  private void setUp() throws CommandException {
    List<String> barcodes = new ArrayList<>();
    for (String p : List.of("BLK", "YES", "UNT", "NOO")) {
      names(p).forEach(n -> barcodes.add(n + "L8"));
    }
    emulator = EmulatorFixture.of(Personality.named("large").withTiming(RobotTiming.instant()),
        barcodes.toArray(String[]::new));
    store = Store.open(dir.resolve("vaultline.db"), StoreOptions.DEFAULT);
    ControlOptions options = ControlOptions.DEFAULT.withPolls(Duration.ofMillis(5), Duration.ofHours(1))
        .withClock(emulator.robotClock());
    control = new LibraryControl(store, url -> emulator.lib.changer(), options);
    ledger = new DrmLedger(store, DrmFixtures.ZONE);
    ledger.set(new SetDrm.CheckLabel(false), ADMIN); // the large library has no drives to read labels with
    runs = new MoveDrMediaRun(ledger, new DrmOnLibrary(control));
    run("define library LIB1");
    run("define path VAULTLINE LIB1 srctype=server desttype=library device=emulated:large");
    run("checkin libvolume LIB1 search=yes status=private checklabel=barcode");
    for (LibraryVolume v : store.read(r -> r.volumes().list("LIB1"))) {
      DrmVolume d = new DrmVolume(v.volume(), DrmFixtures.copy("COPYPOOL"), DrmState.MOUNTABLE, Optional.empty(),
          Optional.of("LIB1"), DrmFixtures.WRITTEN, Device.tape("LTO8"));
      assertThat(ledger.register(DefineDrmVolume.of(d), ADMIN)).isInstanceOf(RegistrationOutcome.Defined.class);
    }
    assertThat(ledger.volumes()).hasSize(500);
  }

  @AfterEach
  void tearDown() {
    if (control != null) {
      control.close();
    }
    if (store != null) {
      store.close();
    }
  }

  private CommandResult run(String line) throws CommandException {
    CommandResult r = control.execute(line, ADMIN);
    assertThat(r.hasErrors()).as("%s:%n%s", line, r.text()).isFalse();
    return r;
  }

  /** Where the emulated machine holds each cartridge: volume name (barcode less L8) to element kind. */
  private Map<String, ElementKind> physical() {
    Map<String, ElementKind> out = new HashMap<>();
    for (ElementKind k : ElementKind.values()) {
      for (int a : emulator.addresses(k)) {
        emulator.cartridgeAt(ElementAddress.of(a)).ifPresent(b -> out.put(b.substring(0, 6), k));
      }
    }
    return out;
  }

  /** The operator empties every I/O station. */
  private int emptyStations() {
    int n = 0;
    int stations;
    synchronized (emulator.lib.lock()) {
      stations = emulator.lib.physical().stations().size();
    }
    for (int i = 0; i < stations; i++) {
      emulator.lib.operator().openStation(i);
      n += emulator.lib.operator().removeAll(i).size();
      emulator.lib.operator().closeStation(i);
    }
    return n;
  }

  /**
   * Store and element status agree: a MOUNTABLE volume is checked in and in a storage slot; one that left the
   * library by eject is neither checked in nor anywhere in the library; a REMOVE=NO volume is out of the library
   * for DRM (the operator takes it by hand) while its cartridge and library record stay until then.
   */
  private void agree() {
    Map<String, ElementKind> at = physical();
    Map<String, LibraryVolume> checkedIn = new HashMap<>();
    store.read(r -> r.volumes().list("LIB1")).forEach(v -> checkedIn.put(v.volume(), v));
    for (DrmVolume v : ledger.volumes()) {
      if (v.state() == DrmState.MOUNTABLE) {
        assertThat(v.library()).as(v.name()).contains("LIB1");
        assertThat(checkedIn).as(v.name()).containsKey(v.name());
        assertThat(at.get(v.name())).as(v.name()).isEqualTo(ElementKind.STORAGE);
      } else if (v.name().startsWith("NOO")) {
        assertThat(v.library()).as(v.name()).isEmpty();
        assertThat(at.get(v.name())).as(v.name()).isEqualTo(ElementKind.STORAGE);
      } else {
        assertThat(v.library()).as(v.name()).isEmpty();
        assertThat(checkedIn).as(v.name()).doesNotContainKey(v.name());
        assertThat(at.get(v.name())).as(v.name()).isNotEqualTo(ElementKind.STORAGE);
      }
    }
    for (LibraryVolume v : checkedIn.values()) {
      assertThat(at.get(v.volume())).as(v.volume()).isEqualTo(ElementKind.STORAGE);
    }
  }

  /** Runs MOVE DRMEDIA in the background, the test emptying the stations whenever asked, until it ends. */
  private void moveAsOperator(MoveDrMedia m, boolean reply) throws Exception {
    MoveDrMediaRun.Started s = runs.start(m.withWait(false), ADMIN);
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (s.thread().isAlive()) {
      assertThat(System.nanoTime()).as("MOVE DRMEDIA ends").isLessThan(deadline);
      for (OperatorRequest r : store.read(x -> x.requests().outstanding())) {
        if (r.kind() == RequestKind.EMPTY_IO_STATION) {
          emptyStations();
          if (reply) {
            try {
              control.execute("reply " + r.number(), ADMIN);
            } catch (CommandException e) {
              // VLN0260E: the library saw the station emptied first and satisfied the request itself
              assertThat(e.message().id().toString()).isEqualTo("VLN0260E");
            }
          }
        }
      }
      Thread.sleep(2);
    }
    s.join();
  }

  /** Stands for SIGKILL in the in-process crash trials: thrown through everything, caught by no one but the test. */
  static final class Killed extends Error {
    private static final long serialVersionUID = 1L;
  }

  /** The real eject, with the server "killed" just before the {@code at}-th eject or just after it. */
  static final class KillingEject implements DrmEject {
    final DrmEject real;
    final int at;
    final boolean afterEject;
    int count;

    KillingEject(DrmEject real, int at, boolean afterEject) {
      this.real = real;
      this.at = at;
      this.afterEject = afterEject;
    }

    @Override
    public Result eject(String library, String volume, Origin origin) {
      if (++count == at && !afterEject) {
        throw new Killed();
      }
      Result r = real.eject(library, volume, origin);
      if (count == at) {
        throw new Killed();
      }
      return r;
    }

    @Override
    public boolean awaitEmptied(String library, boolean reply, java.util.function.BooleanSupplier cancelled,
        Origin origin) {
      return real.awaitEmptied(library, reply, cancelled, origin);
    }
  }

  /** The server starts again on the same store and library; the library settles its moves, DRM its pending ones. */
  private List<String> restart() throws CommandException {
    control.close();
    ControlOptions options = ControlOptions.DEFAULT.withPolls(Duration.ofMillis(5), Duration.ofHours(1))
        .withClock(emulator.robotClock());
    control = new LibraryControl(store, url -> emulator.lib.changer(), options);
    control.library("LIB1");
    return ledger.reconcile(Origin.SERVER);
  }

  /**
   * Twenty crash trials in process (the server "killed" by an Error just before or just after an eject, at a
   * seeded random point), each followed by a restart: every volume is fully moved or untouched, and store and
   * element status agree.
   */
  @Test
  void aMoveDrmediaKilledBeforeOrAfterAnEjectLeavesEveryVolumeMovedOrUntouchedAfterRestart() throws Exception {
    setUp();
    java.util.Random random = new java.util.Random(20261122L);
    int completedAtRestart = 0;
    for (int trial = 0; trial < 20; trial++) {
      int at = 1 + random.nextInt(20);
      boolean after = trial % 2 == 0;
      MoveDrMediaRun killing = new MoveDrMediaRun(ledger, new KillingEject(new DrmOnLibrary(control), at, after));
      long before = inState(DrmState.VAULT);
      try {
        killing.start(MoveDrMedia.of("*").withToState(Optional.of(DrmState.VAULT)).withRemove(RemoveMode.BULK)
            .withWait(true), ADMIN);
      } catch (Killed expected) {
        // the server is gone
      }
      List<String> completed = restart();
      completedAtRestart += completed.size();
      assertThat(completed).as("trial %d", trial).hasSize(after ? 1 : 0);
      // ejected before the kill: at-1 moved by the run, plus the one completed at restart when killed after it
      assertThat(inState(DrmState.VAULT) - before).as("trial %d", trial).isEqualTo(after ? at : at - 1);
      Map<String, String> pending = store.read(r -> r.drmVolumes().pending());
      assertThat(pending).isEmpty();
      agree();
      emptyStations();
    }
    assertThat(completedAtRestart).isEqualTo(10);
  }

  private long inState(DrmState s) {
    return ledger.volumes().stream().filter(v -> v.state() == s).count();
  }

  @Test
  void fiveHundredVolumesGoToTheVaultAndTheReturningOnesAreCheckedInByThemselves() throws Exception {
    setUp();
    agree();
    MoveDrMedia toVault = MoveDrMedia.of("*").withToState(Optional.of(DrmState.VAULT));

    moveAsOperator(toVault.withVolume("BLK*").withRemove(RemoveMode.BULK), false);
    assertThat(inState(DrmState.VAULT)).isEqualTo(300);
    agree();

    moveAsOperator(toVault.withVolume("YES*").withRemove(RemoveMode.YES), true);
    assertThat(inState(DrmState.VAULT)).isEqualTo(400);
    agree();

    // UNTILEEFULL: the stations still hold YES volumes; it ejects until they are full and leaves the rest
    MoveDrMediaRun.Result r = runs.start(toVault.withVolume("UNT*").withRemove(RemoveMode.UNTILEEFULL)
        .withWait(true), ADMIN).result().orElseThrow();
    assertThat(r.end()).isEqualTo(MoveDrMediaRun.End.STATION_FULL);
    assertThat(r.moved().size() + r.leftUnmoved().size()).isEqualTo(80);
    assertThat(r.leftUnmoved()).isNotEmpty();
    agree();
    while (inState(DrmState.MOUNTABLE) > 20) {
      emptyStations();
      runs.start(toVault.withVolume("UNT*").withRemove(RemoveMode.UNTILEEFULL).withWait(true), ADMIN);
      agree();
    }
    emptyStations();

    runs.start(toVault.withVolume("NOO*").withRemove(RemoveMode.NO).withWait(true), ADMIN);
    assertThat(inState(DrmState.VAULT)).isEqualTo(500);
    agree();

    // offsite reclamation empties 50 copy-pool volumes at the vault: VAULTRETRIEVE, then COURIERRETRIEVE
    List<String> back = names("BLK").subList(0, 50);
    for (String n : back) {
      ledger.register(new UpdateDrmVolume(n, Optional.of(PoolVolumeStatus.EMPTY), Optional.empty()), ADMIN);
    }
    assertThat(inState(DrmState.VAULTRETRIEVE)).isEqualTo(50);
    runs.start(MoveDrMedia.of("*").withWhereState(Optional.of(DrmState.VAULTRETRIEVE))
        .withToState(Optional.of(DrmState.COURIERRETRIEVE)).withWait(true), ADMIN);
    assertThat(inState(DrmState.COURIERRETRIEVE)).isEqualTo(50);
    agree();

    // they come back 17 at a time with one cartridge nobody knows among the first batch
    DrmOnLibrary drm = new DrmOnLibrary(control);
    List<String> checkedIn = new ArrayList<>();
    for (int from = 0; from < back.size(); from += 17) {
      List<String> batch = back.subList(from, Math.min(back.size(), from + 17));
      emulator.lib.operator().openStation(0);
      batch.forEach(n -> emulator.lib.operator().insert(n + "L8"));
      if (from == 0) {
        emulator.lib.operator().insert("ZZZ999L8");
      }
      emulator.lib.operator().closeStation(0);
      checkedIn.addAll(drm.autoCheckin("LIB1", ledger, Origin.SERVER));
      agree();
    }
    assertThat(checkedIn).containsExactlyInAnyOrderElementsOf(back);
    assertThat(inState(DrmState.COURIERRETRIEVE)).isZero();
    assertThat(ledger.volumes()).hasSize(450);
    for (String n : back) {
      Optional<LibraryVolume> lv = store.read(x -> x.volumes().find(n));
      assertThat(lv.map(LibraryVolume::status)).as(n).contains(VolumeStatus.SCRATCH);
      assertThat(ledger.history(n)).last().satisfies(h -> assertThat(h.to()).isEqualTo("ONSITERETRIEVE"));
    }
    List<OperatorRequest> unknown = store.read(x -> x.requests().outstanding());
    assertThat(unknown).singleElement().satisfies(q -> {
      assertThat(q.kind()).isEqualTo(RequestKind.UNKNOWN_CARTRIDGE);
      assertThat(q.text()).contains("ZZZ999L8");
    });
    assertThat(physical().get("ZZZ999")).isEqualTo(ElementKind.IMPORT_EXPORT);
  }
}
