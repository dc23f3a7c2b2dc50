package org.vaultline.library.drm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.library.store.BackgroundProcess;
import org.vaultline.library.store.Origin;
import org.vaultline.library.store.ProcessState;
import org.vaultline.library.store.Store;
import org.vaultline.library.store.StoreOptions;

class MoveDrMediaRunTest {
  @TempDir Path dir;
  Store store;
  DrmLedger ledger;
  StationFake station = new StationFake(18);
  MoveDrMediaRun run;
  final Origin admin = Origin.admin("ADMIN");

  @BeforeEach
  void open() {
    store = Store.open(dir.resolve("v.db"), StoreOptions.DEFAULT.withClock(
        Clock.fixed(DrmFixtures.NOW.toInstant(), ZoneOffset.UTC)));
    ledger = new DrmLedger(store, DrmFixtures.ZONE);
    run = new MoveDrMediaRun(ledger, station);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void mountable(int count) {
    for (int i = 0; i < count; i++) {
      String name = String.format("C%05d", i);
      ledger.register(DefineDrmVolume.of(DrmFixtures.volume(name, DrmFixtures.copy("COPYPOOL"), DrmState.MOUNTABLE)),
          admin);
      station.inLibrary.add(name);
    }
  }

  private MoveDrMedia toVault(RemoveMode mode) {
    return MoveDrMedia.of("*").withToState(Optional.of(DrmState.VAULT)).withRemove(mode).withWait(true);
  }

  private long count(DrmState s) {
    return ledger.volumes().stream().filter(v -> v.state() == s).count();
  }

  @Test
  void removeYesEjectsEveryVolumeAndWaitsForAReplyEachTimeTheStationIsFull() {
    mountable(50);
    MoveDrMediaRun.Result r = run.start(toVault(RemoveMode.YES), admin).result().orElseThrow();
    assertThat(r.end()).isEqualTo(MoveDrMediaRun.End.COMPLETED);
    assertThat(r.moved()).hasSize(50);
    assertThat(count(DrmState.VAULT)).isEqualTo(50);
    assertThat(station.requests).containsExactly("REPLY LIB1", "REPLY LIB1");
    assertThat(station.inLibrary).isEmpty();
    assertThat(station.removedByOperator.size() + station.inStation.size()).isEqualTo(50);
    assertThat(store.read(r2 -> r2.processes().find(r.process())).orElseThrow().state())
        .isEqualTo(ProcessState.COMPLETED);
  }

  @Test
  void removeBulkFillsTheStationRaisesOneRequestAndResumesWhenEmptied() {
    mountable(40);
    MoveDrMediaRun.Result r = run.start(toVault(RemoveMode.BULK), admin).result().orElseThrow();
    assertThat(r.moved()).hasSize(40);
    assertThat(station.requests).containsExactly("BULK LIB1", "BULK LIB1");
    assertThat(station.inStation).hasSize(4);
  }

  @Test
  void removeUntilFullEndsAtTheFullStationAndListsTheVolumesItLeftUnchanged() {
    mountable(25);
    MoveDrMediaRun.Result r = run.start(toVault(RemoveMode.UNTILEEFULL), admin).result().orElseThrow();
    assertThat(r.end()).isEqualTo(MoveDrMediaRun.End.STATION_FULL);
    assertThat(r.moved()).hasSize(18);
    assertThat(r.leftUnmoved()).hasSize(7).contains("C00024");
    assertThat(count(DrmState.VAULT)).isEqualTo(18);
    assertThat(count(DrmState.MOUNTABLE)).isEqualTo(7);
    assertThat(station.requests).isEmpty();
    assertThat(r.messages()).anyMatch(m -> m.render().startsWith("VLN0483W") && m.text().contains("C00018"));
  }

  @Test
  void removeNoChangesStateWithoutMovingAnything() {
    mountable(30);
    MoveDrMediaRun.Result r = run.start(toVault(RemoveMode.NO), admin).result().orElseThrow();
    assertThat(r.moved()).hasSize(30);
    assertThat(station.inStation).isEmpty();
    assertThat(station.inLibrary).hasSize(30);
    assertThat(ledger.volumes()).allMatch(v -> v.library().isEmpty());
  }

  @Test
  void aCancelledBackgroundRunLeavesEveryVolumeFullyMovedOrUntouched() throws Exception {
    mountable(30);
    station.operatorAway = true;
    MoveDrMediaRun.Started s = run.start(toVault(RemoveMode.YES).withWait(false), admin);
    assertThat(s.result()).isEmpty();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (station.requests.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    List<BackgroundProcess> running = store.read(r -> r.processes().running());
    assertThat(running).extracting(BackgroundProcess::number).containsExactly(s.process());
    assertThat(running.get(0).status()).isEqualTo("Volume 18 of 30: C00017 moved to VAULT.");
    store.transact(admin, tx -> {
      tx.processes().requestCancel(s.process());
      tx.log(org.vaultline.library.store.Messages.PROCESS_ENDED, s.process(), "MOVE DRMEDIA", "cancel requested");
    });
    s.join();
    assertThat(store.read(r -> r.processes().find(s.process())).orElseThrow().state())
        .isEqualTo(ProcessState.CANCELLED);
    assertThat(count(DrmState.VAULT)).isEqualTo(18);
    assertThat(count(DrmState.MOUNTABLE)).isEqualTo(12);
    // every VAULT volume is out of the library, every MOUNTABLE one is still in it
    for (DrmVolume v : ledger.volumes()) {
      assertThat(station.inLibrary.contains(v.name())).isEqualTo(v.state() == DrmState.MOUNTABLE);
    }
  }

  @Test
  void cmdLinesAreWrittenToCmdFilenameAndAppended() throws Exception {
    mountable(3);
    Path file = dir.resolve("checkout.mac");
    Files.writeString(file, "first\n");
    MoveDrMedia m = toVault(RemoveMode.NO).withCmd(Optional.of(new CmdOutput(
        new CmdTemplate("checkout libvol lib1 &VOL"), Optional.of(file.toString()), true)));
    MoveDrMediaRun.Result r = run.start(m, admin).result().orElseThrow();
    assertThat(r.cmdLines()).containsExactly("checkout libvol lib1 C00000", "checkout libvol lib1 C00001",
        "checkout libvol lib1 C00002");
    assertThat(Files.readAllLines(file)).hasSize(4).startsWith("first");
  }

  @Test
  void aRequestInErrorStartsNoProcess() {
    MoveDrMediaRun.Started s = run.start(MoveDrMedia.of("*").withWhereState(Optional.of(DrmState.VAULT)), admin);
    assertThat(s.process()).isZero();
    assertThat(s.result().orElseThrow().messages()).singleElement().asString().startsWith("VLN0420E");
    List<BackgroundProcess> running = store.read(r -> r.processes().running());
    assertThat(running).isEmpty();
  }
}
