package org.vaultline.library.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vaultline.library.drm.DrmFixtures.NOW;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VaultRetrieveTest {
  private static final DrmSettings SIXTY = DrmSettings.defaults();

  private static DrmVolume backup(String name, long series, int operation, Instant written, DrmState state) {
    DrmVolumeKind.BackupType t = operation == 0 ? DrmVolumeKind.BackupType.FULL
        : DrmVolumeKind.BackupType.INCREMENTAL;
    return DrmFixtures.volume(name, new DrmVolumeKind.DatabaseBackup(t, series, operation, 1, written), state);
  }

  private static DrmVolume snapshot(String name, long series, Instant written, DrmState state) {
    return DrmFixtures.volume(name, new DrmVolumeKind.DatabaseSnapshot(series, 1, written), state);
  }

  private static List<String> names(List<VaultRetrieve.Derivation> ds) {
    List<String> out = new ArrayList<>();
    for (VaultRetrieve.Derivation d : ds) {
      out.add(d.before().name());
      assertThat(d.before().state()).isEqualTo(DrmState.VAULT);
      assertThat(d.after().state()).isEqualTo(DrmState.VAULTRETRIEVE);
      assertThat(d.after().location()).isEqualTo(d.before().location());
      assertThat(d.after().lastUpdate()).isEqualTo(NOW.toInstant());
    }
    return out;
  }

  @Test
  void aSeriesExpiresOnlyWhenItsNewestVolumeIsStrictlyOlderThanTheExpireDays() {
    Instant exactly60 = NOW.toInstant().minus(Duration.ofDays(60));
    List<DrmVolume> vols = List.of(
        backup("S1FULL", 1, 0, exactly60.minusSeconds(1), DrmState.VAULT),
        backup("S2FULL", 2, 0, exactly60, DrmState.VAULT),
        backup("S3FULL", 3, 0, NOW.toInstant(), DrmState.VAULT));
    assertThat(names(VaultRetrieve.expiredSeries(vols, SIXTY, NOW))).containsExactly("S1FULL");
  }

  @Test
  void theAgeOfASeriesIsThatOfItsNewestVolumeSoALateIncrementalKeepsTheWholeSeries() {
    Instant old = NOW.toInstant().minus(Duration.ofDays(100));
    Instant recent = NOW.toInstant().minus(Duration.ofDays(10));
    List<DrmVolume> vols = List.of(
        backup("S5FULL", 5, 0, old, DrmState.VAULT),
        backup("S5INC1", 5, 1, recent, DrmState.VAULT),
        backup("S6FULL", 6, 0, NOW.toInstant(), DrmState.MOUNTABLE));
    assertThat(VaultRetrieve.expiredSeries(vols, SIXTY, NOW)).isEmpty();
    assertThat(names(VaultRetrieve.expiredSeries(vols, SIXTY.withDbBackupExpireDays(9), NOW)))
        .containsExactly("S5FULL", "S5INC1");
  }

  @Test
  void theLatestSeriesNeverExpiresEvenWithZeroDaysOrWhenItIsAncient() {
    Instant ancient = NOW.toInstant().minus(Duration.ofDays(5000));
    List<DrmVolume> vols = List.of(
        backup("S8FULL", 8, 0, ancient, DrmState.VAULT),
        backup("S9FULL", 9, 0, ancient, DrmState.VAULT),
        backup("S9INC1", 9, 1, ancient, DrmState.VAULT));
    assertThat(names(VaultRetrieve.expiredSeries(vols, SIXTY.withDbBackupExpireDays(0), NOW)))
        .containsExactly("S8FULL");
    assertThat(VaultRetrieve.expiredSeries(List.of(vols.get(1), vols.get(2)), SIXTY.withDbBackupExpireDays(0), NOW))
        .isEmpty();
  }

  @Test
  void zeroDaysExpiresEveryOlderSeriesWrittenBeforeNow() {
    List<DrmVolume> vols = List.of(
        backup("S1FULL", 1, 0, NOW.toInstant().minusSeconds(1), DrmState.VAULT),
        backup("S2FULL", 2, 0, NOW.toInstant(), DrmState.VAULT),
        backup("S3FULL", 3, 0, NOW.toInstant(), DrmState.VAULT));
    assertThat(names(VaultRetrieve.expiredSeries(vols, SIXTY.withDbBackupExpireDays(0), NOW)))
        .containsExactly("S1FULL");
  }

  @Test
  void aSeriesWithAVolumeStillOnSiteOrTravellingDoesNotExpire() {
    Instant old = NOW.toInstant().minus(Duration.ofDays(90));
    for (DrmState notThere : List.of(DrmState.MOUNTABLE, DrmState.NOTMOUNTABLE, DrmState.COURIER)) {
      List<DrmVolume> vols = List.of(
          backup("S1FULL", 1, 0, old, DrmState.VAULT),
          backup("S1INC1", 1, 1, old, notThere),
          backup("S2FULL", 2, 0, NOW.toInstant(), DrmState.MOUNTABLE));
      assertThat(VaultRetrieve.expiredSeries(vols, SIXTY, NOW)).as(notThere.name()).isEmpty();
    }
    List<DrmVolume> partlyBack = List.of(
        backup("S1FULL", 1, 0, old, DrmState.VAULT),
        backup("S1INC1", 1, 1, old, DrmState.VAULTRETRIEVE),
        backup("S1INC2", 1, 2, old, DrmState.COURIERRETRIEVE),
        backup("S2FULL", 2, 0, NOW.toInstant(), DrmState.MOUNTABLE));
    assertThat(names(VaultRetrieve.expiredSeries(partlyBack, SIXTY, NOW))).containsExactly("S1FULL");
  }

  @Test
  void snapshotSeriesAreCountedApartAndTheLatestSnapshotSeriesIsKept() {
    Instant old = NOW.toInstant().minus(Duration.ofDays(200));
    List<DrmVolume> vols = List.of(
        backup("S20FULL", 20, 0, old, DrmState.VAULT),
        backup("S21FULL", 21, 0, NOW.toInstant(), DrmState.MOUNTABLE),
        snapshot("SNAP3", 3, old, DrmState.VAULT),
        snapshot("SNAP4", 4, old, DrmState.VAULT));
    assertThat(names(VaultRetrieve.expiredSeries(vols, SIXTY, NOW))).containsExactly("S20FULL", "SNAP3");
  }

  @Test
  void theExpiryMessageNamesTheSeriesItsNewestVolumeAndTheDays() {
    Instant old = DrmFixtures.at(2023, 12, 1, 6, 30, 0);
    List<VaultRetrieve.Derivation> d = VaultRetrieve.expiredSeries(List.of(
        backup("DB0101", 101, 0, old, DrmState.VAULT),
        backup("DB0102", 102, 0, NOW.toInstant(), DrmState.MOUNTABLE)), SIXTY, NOW);
    assertThat(d).singleElement().extracting(x -> x.message().toString()).isEqualTo("VLN0451I Database backup series"
        + " 101 expired (last volume written 12/01/2023 06:30:00, more than 60 days ago): volume DB0101 VAULT ->"
        + " VAULTRETRIEVE.");
  }

  @Test
  void anEmptiedCopyOrActiveDataVolumeAtTheVaultBecomesVaultRetrieveButPendingAndOnsiteOnesDoNot() {
    DrmVolume emptyAtVault = DrmFixtures.volume("C00001L6",
        new DrmVolumeKind.CopyPoolVolume("OFFSITE", PoolVolumeStatus.EMPTY), DrmState.VAULT);
    assertThat(VaultRetrieve.emptied(emptyAtVault, NOW.toInstant())).hasValueSatisfying(d -> {
      assertThat(d.after().state()).isEqualTo(DrmState.VAULTRETRIEVE);
      assertThat(d.after().location()).contains("VAULT");
      assertThat(d.message()).hasToString(
          "VLN0450I Volume C00001L6 of copy storage pool OFFSITE is empty at the vault: VAULT -> VAULTRETRIEVE.");
    });
    DrmVolume activeEmpty = DrmFixtures.volume("D00001L6",
        new DrmVolumeKind.ActiveDataPoolVolume("ADP", PoolVolumeStatus.EMPTY), DrmState.VAULT);
    assertThat(VaultRetrieve.emptied(activeEmpty, NOW.toInstant())).isPresent();
    for (PoolVolumeStatus s : List.of(PoolVolumeStatus.FILLING, PoolVolumeStatus.FULL, PoolVolumeStatus.PENDING)) {
      assertThat(VaultRetrieve.emptied(emptyAtVault.withKind(new DrmVolumeKind.CopyPoolVolume("OFFSITE", s)),
          NOW.toInstant())).as(s.name()).isEmpty();
    }
    for (DrmState s : DrmState.values()) {
      if (s != DrmState.VAULT) {
        assertThat(VaultRetrieve.emptied(DrmFixtures.volume("C00001L6", emptyAtVault.kind(), s), NOW.toInstant()))
            .as(s.name()).isEmpty();
      }
    }
    assertThat(VaultRetrieve.emptied(backup("DB1", 1, 0, NOW.toInstant(), DrmState.VAULT), NOW.toInstant()))
        .isEmpty();
  }

  @Test
  void deriveCombinesBothRulesInNameOrder() {
    Instant old = NOW.toInstant().minus(Duration.ofDays(61));
    List<DrmVolume> vols = List.of(
        DrmFixtures.volume("Z00001L6", new DrmVolumeKind.CopyPoolVolume("C", PoolVolumeStatus.EMPTY), DrmState.VAULT),
        backup("A00001L6", 1, 0, old, DrmState.VAULT),
        backup("A00002L6", 2, 0, old, DrmState.VAULT));
    assertThat(names(VaultRetrieve.derive(vols, SIXTY, NOW))).containsExactly("A00001L6", "Z00001L6");
  }

  @Test
  void aDerivedVolumeCanThenBeMovedBackByHand() {
    DrmVolume v = DrmFixtures.volume("C00001L6", new DrmVolumeKind.CopyPoolVolume("C", PoolVolumeStatus.EMPTY),
        DrmState.VAULT);
    DrmVolume derived = VaultRetrieve.emptied(v, NOW.toInstant()).orElseThrow().after();
    MoveOutcome o = MoveDrMedia.of("*").withWhereState(Optional.of(DrmState.VAULTRETRIEVE))
        .apply(derived, SIXTY, NOW);
    assertThat(o).isInstanceOfSatisfying(MoveOutcome.Moved.class,
        m -> assertThat(m.after().state()).isEqualTo(DrmState.COURIERRETRIEVE));
  }
}
