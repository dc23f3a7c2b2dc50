package org.vaultline.library.drm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.library.store.DrmVolumes;
import org.vaultline.library.store.Origin;
import org.vaultline.library.store.OutboxEvent;
import org.vaultline.library.store.Store;
import org.vaultline.library.store.StoreOptions;

class DrmLedgerTest {
  @TempDir Path dir;
  Store store;
  DrmLedger ledger;
  final Origin admin = Origin.admin("ADMIN");

  @BeforeEach
  void open() {
    store = Store.open(dir.resolve("v.db"), StoreOptions.DEFAULT.withClock(
        Clock.fixed(DrmFixtures.NOW.toInstant(), ZoneOffset.UTC)));
    ledger = new DrmLedger(store, DrmFixtures.ZONE);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void define(String name, DrmVolumeKind kind, DrmState state) {
    DrmVolume v = DrmFixtures.volume(name, kind, state);
    assertThat(ledger.register(DefineDrmVolume.of(v), admin)).isInstanceOf(RegistrationOutcome.Defined.class);
  }

  @Test
  void aDefinedVolumeReadsBackEqualFromTheStore() {
    DrmVolume v = DrmFixtures.volume("A00001", DrmFixtures.fullBackup(7), DrmState.MOUNTABLE);
    ledger.register(DefineDrmVolume.of(v), admin);
    assertThat(ledger.find("A00001")).contains(v);
    define("C00001", DrmFixtures.copy("COPYPOOL"), DrmState.VAULT);
    assertThat(ledger.volumes()).extracting(DrmVolume::name).containsExactly("A00001", "C00001");
  }

  @Test
  void settingsPersistAcrossAReopenOfTheStore() {
    ledger.set(new SetDrm.CourierName("ACME"), admin);
    ledger.set(new SetDrm.DbBackupExpireDays(30), admin);
    ledger.set(new SetDrm.AutoCheckin(false), admin);
    ledger.set(new SetDrm.CourierName("IRONBOX"), admin);
    store.close();
    store = Store.open(dir.resolve("v.db"));
    ledger = new DrmLedger(store, DrmFixtures.ZONE);
    DrmSettings s = ledger.settings();
    assertThat(s.courierName()).isEqualTo("IRONBOX");
    assertThat(s.dbBackupExpireDays()).isEqualTo(30);
    assertThat(s.autoCheckin()).isFalse();
    assertThat(s.vaultName()).isEqualTo("VAULT");
    assertThat(ledger.queryStatus()).contains("IRONBOX");
  }

  @Test
  void everyTransitionWritesHistoryActivityLogAndARetainedVolumeStateEvent() {
    define("C00001", DrmFixtures.copy("COPYPOOL"), DrmState.MOUNTABLE);
    MoveDrMedia m = MoveDrMedia.of("C00001").withToState(Optional.of(DrmState.COURIER)).withRemove(RemoveMode.NO);
    assertThat(ledger.move(m, "C00001", admin.inProcess(42))).isInstanceOf(MoveOutcome.Moved.class);

    DrmVolume after = ledger.find("C00001").orElseThrow();
    assertThat(after.state()).isEqualTo(DrmState.COURIER);
    assertThat(after.location()).contains("COURIER");
    assertThat(after.library()).isEmpty();
    List<DrmVolumes.History> h = ledger.history("C00001");
    assertThat(h).hasSize(2);
    assertThat(h.get(1).from()).contains("MOUNTABLE");
    assertThat(h.get(1).to()).isEqualTo("COURIER");
    assertThat(h.get(1).admin()).contains("ADMIN");
    assertThat(h.get(1).process()).contains(42L);
    assertThat(h.get(1).location()).contains("COURIER");
    List<OutboxEvent> events = store.outbox().unpublished(100);
    assertThat(events).hasSize(2);
    assertThat(events.get(1).payload()).contains("\"drm.transition\"").contains("\"COURIER\"")
        .contains("\"process\":42");
    List<String> ids = store.read(r -> r.activityLog().latest(10)).stream().map(e -> e.message().id().toString())
        .toList();
    assertThat(ids).contains("VLN0440I");
  }

  private java.util.Map<String, String> pending() {
    return store.read(r -> r.drmVolumes().pending());
  }

  @Test
  void aReturningVolumeLeavesDrmOnlyOnceItIsCheckedInAndItsRetainedTopicIsCleared() {
    define("C00002", DrmFixtures.copy("COPYPOOL"), DrmState.COURIERRETRIEVE);
    assertThat(ledger.returning("C00002", "LIB1", Origin.SERVER)).isEqualTo(DrmLedger.Arrival.RETURNING);
    // found in the station: pending, still COURIERRETRIEVE until the library shows it checked in
    assertThat(ledger.find("C00002").orElseThrow().state()).isEqualTo(DrmState.COURIERRETRIEVE);
    assertThat(pending()).containsKey("C00002");
    assertThat(ledger.checkedInBack("C00002", "LIB1", Origin.SERVER)).isTrue();
    assertThat(ledger.find("C00002")).isEmpty();
    assertThat(ledger.history("C00002")).last().satisfies(x -> {
      assertThat(x.from()).contains("COURIERRETRIEVE");
      assertThat(x.to()).isEqualTo("ONSITERETRIEVE");
    });
    String last = store.outbox().unpublished(100).get(1).payload();
    assertThat(last).contains("\"state\":null");
    List<String> log = store.read(r -> r.activityLog().latest(10)).stream().map(e -> e.message().render()).toList();
    assertThat(log).anySatisfy(l -> assertThat(l).isEqualTo("VLN0492I Volume C00002 (COURIERRETRIEVE) is in the I/O"
        + " station of library LIB1; it is being checked in as scratch."));
    assertThat(log).anySatisfy(l -> assertThat(l).isEqualTo("VLN0485I Volume C00002 was checked in as scratch into"
        + " library LIB1 and leaves DRM (COURIERRETRIEVE -> ONSITERETRIEVE)."));
  }

  @Test
  void aReturningVolumeWhoseCheckInFailedKeepsItsStateAndNothingIsLeftPending() {
    define("C00007", DrmFixtures.copy("COPYPOOL"), DrmState.VAULTRETRIEVE);
    assertThat(ledger.returning("C00007", "LIB1", Origin.SERVER)).isEqualTo(DrmLedger.Arrival.RETURNING);
    ledger.notCheckedInBack("C00007", "LIB1", "MOVE MEDIUM failed.", Origin.SERVER);
    assertThat(ledger.find("C00007").orElseThrow().state()).isEqualTo(DrmState.VAULTRETRIEVE);
    assertThat(pending()).isEmpty();
    assertThat(ledger.history("C00007")).hasSize(1);
    List<String> log = store.read(r -> r.activityLog().latest(10)).stream().map(e -> e.message().render()).toList();
    assertThat(log).anySatisfy(l -> assertThat(l).isEqualTo("VLN0493W Volume C00007 was not checked in from the I/O"
        + " station of library LIB1: MOVE MEDIUM failed. It stays VAULTRETRIEVE; automatic check-in tries again when"
        + " the I/O station is next used."));
    assertThat(log).noneSatisfy(l -> assertThat(l).startsWith("VLN0485I"));
  }

  @Test
  void automaticCheckInTellsUnknownAndNotReturningCartridgesApart() {
    define("C00003", DrmFixtures.copy("COPYPOOL"), DrmState.VAULT);
    assertThat(ledger.returning("C00003", "LIB1", Origin.SERVER)).isEqualTo(DrmLedger.Arrival.NOT_RETURNING);
    assertThat(ledger.returning("ZZZ999", "LIB1", Origin.SERVER)).isEqualTo(DrmLedger.Arrival.UNKNOWN);
    assertThat(ledger.find("C00003").orElseThrow().state()).isEqualTo(DrmState.VAULT);
    assertThat(pending()).isEmpty();
  }

  @Test
  void updateToEmptyAtTheVaultDerivesVaultRetrieveAndDeleteRemovesTheVolume() {
    define("C00004", DrmFixtures.copy("COPYPOOL"), DrmState.VAULT);
    RegistrationOutcome o = ledger.register(new UpdateDrmVolume("C00004", Optional.of(PoolVolumeStatus.EMPTY),
        Optional.empty()), admin);
    assertThat(o).isInstanceOf(RegistrationOutcome.Updated.class);
    assertThat(ledger.find("C00004").orElseThrow().state()).isEqualTo(DrmState.VAULTRETRIEVE);
    ledger.register(new DeleteDrmVolume("C00004"), admin);
    assertThat(ledger.find("C00004")).isEmpty();
    assertThat(ledger.history("C00004")).last().extracting(DrmVolumes.History::to).isEqualTo("DELETED");
  }

  @Test
  void expiredDatabaseBackupSeriesAtTheVaultBecomeVaultRetrieveButNeverTheLatest() {
    define("D00001", DrmFixtures.fullBackup(1), DrmState.VAULT);
    ledger.set(new SetDrm.DbBackupExpireDays(0), admin);
    // the volume's backup date is before NOW, but series 1 is the only (latest) one
    assertThat(ledger.deriveVaultRetrieve()).isEmpty();
    define("D00002", DrmFixtures.fullBackup(2), DrmState.MOUNTABLE);
    assertThat(ledger.deriveVaultRetrieve()).extracting(DrmVolume::name).containsExactly("D00001");
    assertThat(ledger.find("D00001").orElseThrow().state()).isEqualTo(DrmState.VAULTRETRIEVE);
  }

  @Test
  void queryDrmediaReadsTheStore() {
    define("C00005", DrmFixtures.copy("COPYPOOL"), DrmState.VAULT);
    define("C00006", DrmFixtures.copy("COPYPOOL"), DrmState.MOUNTABLE);
    String out = ledger.query(QueryDrMedia.all().withWhereState(Optional.of(DrmState.VAULT)));
    assertThat(out).contains("C00005").doesNotContain("C00006");
  }
}
