package org.vaultline.library.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.emulator.physical.ElementKind;
import org.vaultline.library.drm.DrmState;
import org.vaultline.library.drm.MoveDrMedia;
import org.vaultline.library.inventory.EmulatorFixture;
import org.vaultline.library.store.LibraryVolume;
import org.vaultline.library.store.Message;
import org.vaultline.library.store.OperatorRequest;
import org.vaultline.library.store.Origin;
import org.vaultline.library.store.ProcessState;
import org.vaultline.library.store.RequestKind;
import org.vaultline.library.store.VolumeStatus;

/**
 * The server's life: start (libraries reached, interrupted ejects reconciled, unreachable libraries reported),
 * automatic check-in by the I/O-station watcher with nothing but the operator's hands and the library's unit
 * attention to go on, and the graceful stop.
 */
class ServerLifecycleTest {
  @TempDir Path dir;

  private static List<Integer> ids(List<Message> ms) {
    return ms.stream().map(m -> m.id().number()).toList();
  }

  /**
   * Checked in and out of DRM. The library record appears with the check-in move's intent, and DRM lets the volume go
   * only once the move is done: waiting for the record alone would look between the two.
   */
  private static boolean backOnsite(ServerFixture f, String volume) {
    return f.volume(volume).isPresent() && f.server.drm().find(volume).isEmpty();
  }

  @Test
  void startReachesTheLibrariesReportsTheUnreachableOneAndReconcilesInterruptedEjects() throws Exception {
    EmulatorFixture emulator = EmulatorFixture.of("hp-msl", "REC001L5", "REC002L5");
    try (ServerFixture f = ServerFixture.of(emulator, dir).define(0)) {
      f.run("checkin libvolume LIB1 search=yes status=private checklabel=barcode");
      f.run("define drmvolume REC001 type=copystgpool pool=OFFSITE status=full library=LIB1");
      f.run("define drmvolume REC002 type=copystgpool pool=OFFSITE status=full library=LIB1");
      f.run("define library LIB2");
      f.run("define path VAULTLINE LIB2 srctype=server desttype=library device=sg:/dev/sg-vaultline-missing");
      f.run("define library LIB3"); // no path: not started, not reported
      // a MOVE DRMEDIA was interrupted around two ejects: REC001's cartridge left (checked out), REC002's did not
      MoveDrMedia toVault = MoveDrMedia.of("*").withToState(Optional.of(DrmState.VAULT));
      f.server.drm().intend(toVault, "REC001", ServerFixture.ADMIN);
      f.server.drm().intend(toVault, "REC002", ServerFixture.ADMIN);
      f.run("checkout libvolume LIB1 REC001 remove=no");
    }
    // the server starts again on the same store and library
    try (ServerFixture f = ServerFixture.of(emulator, dir)) {
      List<Message> started = f.server.start(Origin.SERVER);
      assertThat(ids(started)).contains(231, 227, 506);
      assertThat(started.get(started.size() - 1).text())
          .isEqualTo("Server started: 1 libraries ready, 1 not reachable; 1 interrupted MOVE DRMEDIA ejects completed.");
      assertThat(started).anySatisfy(m -> assertThat(m.text()).contains("LIB2"));
      assertThat(f.server.drm().find("REC001").orElseThrow().state()).isEqualTo(DrmState.VAULT);
      assertThat(f.server.drm().find("REC002").orElseThrow().state()).isEqualTo(DrmState.MOUNTABLE);
      Map<String, String> pending = f.store.read(r -> r.drmVolumes().pending());
      assertThat(pending).isEmpty();
    }
  }

  @Test
  void returningVolumesPutIntoTheStationAreCheckedInByThemselvesAndAnUnknownCartridgeRaisesOneRequest()
      throws Exception {
    EmulatorFixture emulator = EmulatorFixture.of("ibm-ts3500");
    try (ServerFixture f = ServerFixture.of(emulator, dir).define(0)) {
      f.run("define drmvolume RET001 type=copystgpool pool=OFFSITE status=empty state=courierretrieve");
      f.run("define drmvolume RET002 type=copystgpool pool=OFFSITE status=empty state=vaultretrieve");
      f.run("define drmvolume RET003 type=copystgpool pool=OFFSITE status=empty state=courierretrieve");
      f.run("define drmvolume STAY01 type=copystgpool pool=OFFSITE status=full state=vault");
      // one returning cartridge is already in the station when the server starts
      f.insert(0, "RET003L6");
      f.server.start(Origin.SERVER);
      ServerFixture.await("RET003 checked in at start", () -> backOnsite(f, "RET003"));

      // the operator puts the rest in; nothing here calls the check-in
      f.insert(0, "RET001L6", "RET002L6", "STAY01L6", "ZZZ999L6");
      ServerFixture.await("RET001 and RET002 checked in", () -> backOnsite(f, "RET001")
          && backOnsite(f, "RET002"));
      ServerFixture.await("the request about the unknown cartridge", () -> !f.outstanding().isEmpty());
      for (String v : List.of("RET001", "RET002", "RET003")) {
        LibraryVolume lv = f.volume(v).orElseThrow();
        assertThat(lv.status()).as(v).isEqualTo(VolumeStatus.SCRATCH);
        assertThat(f.whereIs(v + "L6")).as(v).contains(ElementKind.STORAGE);
        assertThat(f.server.drm().find(v)).as(v + " left DRM").isEmpty();
        assertThat(f.server.drm().history(v)).last().satisfies(h -> assertThat(h.to()).isEqualTo("ONSITERETRIEVE"));
      }
      int polls = f.testUnitReadies();
      ServerFixture.await("the watcher polls on", () -> f.testUnitReadies() > polls + 3);
      List<OperatorRequest> requests = f.outstanding();
      assertThat(requests).singleElement().satisfies(r -> {
        assertThat(r.kind()).isEqualTo(RequestKind.UNKNOWN_CARTRIDGE);
        assertThat(r.text()).contains("ZZZ999L6");
      });
      // a volume DRM tracks in another state is left to the administrator
      assertThat(f.server.drm().find("STAY01").orElseThrow().state()).isEqualTo(DrmState.VAULT);
      assertThat(f.whereIs("STAY01L6")).contains(ElementKind.IMPORT_EXPORT);
      assertThat(f.volume("STAY01")).isEmpty();
    }
  }

  @Test
  void withDrmAutocheckinOffTheWatcherLeavesTheStationAlone() throws Exception {
    EmulatorFixture emulator = EmulatorFixture.of("ibm-ts3500");
    try (ServerFixture f = ServerFixture.of(emulator, dir).define(0)) {
      f.run("define drmvolume RET001 type=copystgpool pool=OFFSITE status=empty state=courierretrieve");
      f.run("set drmautocheckin off");
      f.server.start(Origin.SERVER);
      f.insert(0, "RET001L6");
      int polls = f.testUnitReadies();
      // the attention was delivered by a TEST UNIT READY and the watcher has polled on since: it decided
      ServerFixture.await("the watcher polls on", () -> f.testUnitReadies() > polls + 5);
      assertThat(f.volume("RET001")).isEmpty();
      assertThat(f.server.drm().find("RET001").orElseThrow().state()).isEqualTo(DrmState.COURIERRETRIEVE);
      assertThat(f.outstanding()).isEmpty();
      assertThat(f.whereIs("RET001L6")).contains(ElementKind.IMPORT_EXPORT);

      f.run("set drmautocheckin on");
      f.emptyStations();
      f.insert(0, "RET001L6");
      ServerFixture.await("RET001 checked in once it is on", () -> f.volume("RET001").isPresent());
    }
  }

  @Test
  void anOperationInProgressGoesFirstAndTheCheckinRunsOnceTheLibraryIsIdle() throws Exception {
    EmulatorFixture emulator = EmulatorFixture.of("ibm-ts3500");
    try (ServerFixture f = ServerFixture.of(emulator, dir).define(0)) {
      f.run("define drmvolume RET001 type=copystgpool pool=OFFSITE status=empty state=courierretrieve");
      LibraryService lib = f.server.libraries().library("LIB1");
      java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean(true);
      java.util.concurrent.atomic.AtomicInteger looked = new java.util.concurrent.atomic.AtomicInteger();
      StationWatcher w = new StationWatcher(lib, f.server.drm(), () -> {
        looked.incrementAndGet();
        return busy.get();
      }).start();
      try {
        f.insert(0, "RET001L6");
        lib.poll(); // the operation's next command to the changer hears 6/28/01
        int before = looked.get();
        ServerFixture.await("the watcher to look a few times", () -> looked.get() > before + 5);
        assertThat(f.volume("RET001")).as("not while the operation runs").isEmpty();
        busy.set(false);
        ServerFixture.await("RET001 checked in after the operation", () -> backOnsite(f, "RET001"));
        assertThat(f.server.drm().find("RET001")).isEmpty();
      } finally {
        w.stop();
        assertThat(w.join(Duration.ofSeconds(30))).isTrue();
      }
    }
  }

  @Test
  void quiesceStopsAWaitingMoveDrmediaAndRefusesNewOperations() throws Exception {
    EmulatorFixture emulator = EmulatorFixture.of("hp-msl", "QSC001L5", "QSC002L5", "QSC003L5", "QSC004L5",
        "QSC005L5");
    try (ServerFixture f = ServerFixture.of(emulator, dir).define(0)) {
      f.run("checkin libvolume LIB1 search=yes status=private checklabel=barcode");
      f.run("set drmchecklabel no");
      for (int i = 1; i <= 5; i++) {
        f.run("define drmvolume QSC00" + i + " type=copystgpool pool=OFFSITE status=full library=LIB1");
      }
      f.server.start(Origin.SERVER);
      long p = ServerFixture.processOf(f.run("move drmedia * tostate=vault"));
      ServerFixture.await("the request to empty the station", () -> f.outstanding().stream()
          .anyMatch(r -> r.kind() == RequestKind.EMPTY_IO_STATION));

      assertThat(f.server.quiesce(Duration.ofSeconds(60))).isTrue();
      assertThat(f.process(p).state()).isEqualTo(ProcessState.CANCELLED);
      assertThat(f.outstanding()).isEmpty();
      assertThat(f.server.drm().volumes().stream().filter(v -> v.state() == DrmState.VAULT)).hasSize(3);
      CommandException refused = f.refused("move drmedia * tostate=vault");
      assertThat(refused.message().id().toString()).isEqualTo("VLN0504E");
      assertThat(refused.getMessage()).contains("MOVE DRMEDIA is refused: the server is stopping");
      assertThat(f.refused("checkin libvolume LIB1 search=bulk status=scratch").message().id().number())
          .isEqualTo(504);
      assertThat(f.run("query drmedia *").table().orElseThrow().rows()).hasSize(5);
      assertThat(f.refused("cancel process " + p).message().id().number()).as("accepted, but it has ended")
          .isEqualTo(501);
      assertThat(f.run("q actlog search=\"Server stop\"").text()).contains("VLN0510I Server stop: 1 processes ended,"
          + " 0 still running");
    }
  }
}
