package org.vaultline.library.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vaultline.library.drm.DrmFixtures.NOW;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistrationTest {
  private static final Instant T = NOW.toInstant();

  private static final DefineDrmVolume COPY = new DefineDrmVolume("C00017L6", DrmFixtures.copy("OFFSITE"),
      DrmState.MOUNTABLE, Optional.empty(), Optional.of("LIB1"), Optional.empty(), Device.tape("LTO6"));

  @Test
  void defineCreatesAVolumeLastUpdatedNowUnlessTheDefinitionSaysOtherwise() {
    RegistrationOutcome o = COPY.applyTo(Optional.empty(), T);
    assertThat(o).isInstanceOfSatisfying(RegistrationOutcome.Defined.class, d -> {
      assertThat(d.volume()).isEqualTo(new DrmVolume("C00017L6", DrmFixtures.copy("OFFSITE"), DrmState.MOUNTABLE,
          Optional.empty(), Optional.of("LIB1"), T, Device.tape("LTO6")));
      assertThat(d.derived()).isEmpty();
      assertThat(d.message()).hasToString("VLN0463I Volume C00017L6 (CopyStgPool) defined to DRM as MOUNTABLE.");
    });
  }

  @Test
  void definingAVolumeAgainTheSameWayChangesNothingAndDifferentlyIsRefused() {
    DrmVolume existing = COPY.toVolume(T.minusSeconds(3600));
    assertThat(COPY.applyTo(Optional.of(existing), T)).isEqualTo(new RegistrationOutcome.Unchanged(
        DrmMessageId.UNCHANGED.with("Volume C00017L6 is already defined so; nothing changed.")));
    DrmVolume elsewhere = existing.withState(DrmState.VAULT, Optional.of("VAULT"), T).withLibrary(Optional.empty());
    assertThat(COPY.applyTo(Optional.of(elsewhere), T)).isEqualTo(new RegistrationOutcome.Rejected(
        DrmMessageId.ALREADY_DEFINED.with("DEFINE DRMVOLUME: volume C00017L6 is already defined differently; use"
            + " UPDATE DRMVOLUME, or DELETE DRMVOLUME first.")));
  }

  @Test
  void definingAnEmptyPoolVolumeAtTheVaultDerivesVaultRetrieveAtOnce() {
    DefineDrmVolume d = new DefineDrmVolume("C1", new DrmVolumeKind.CopyPoolVolume("P", PoolVolumeStatus.EMPTY),
        DrmState.VAULT, Optional.of("VAULT"), Optional.empty(), Optional.empty(), Device.unknownTape());
    assertThat(d.applyTo(Optional.empty(), T)).isInstanceOfSatisfying(RegistrationOutcome.Defined.class, o -> {
      assertThat(o.volume().state()).isEqualTo(DrmState.VAULTRETRIEVE);
      assertThat(o.derived()).isPresent();
    });
  }

  @Test
  void updateStatusEmptyAtTheVaultMakesTheVolumeVaultRetrieve() {
    DrmVolume atVault = DrmFixtures.volume("C00017L6", DrmFixtures.copy("OFFSITE"), DrmState.VAULT);
    RegistrationOutcome o = new UpdateDrmVolume("C00017L6", Optional.of(PoolVolumeStatus.EMPTY), Optional.empty())
        .applyTo(Optional.of(atVault), T);
    assertThat(o).isInstanceOfSatisfying(RegistrationOutcome.Updated.class, u -> {
      assertThat(u.before()).isEqualTo(atVault);
      assertThat(u.after().state()).isEqualTo(DrmState.VAULTRETRIEVE);
      assertThat(u.after().kind()).isEqualTo(new DrmVolumeKind.CopyPoolVolume("OFFSITE", PoolVolumeStatus.EMPTY));
      assertThat(u.derived()).hasValueSatisfying(d -> assertThat(d.message().id())
          .isEqualTo(DrmMessageId.COPY_VOLUME_EMPTIED));
    });
  }

  @Test
  void updateStatusOnSiteOnlyChangesTheStatusAndLocationCanBeClearedOrSet() {
    DrmVolume onsite = DrmFixtures.volume("C00017L6", DrmFixtures.copy("OFFSITE"), DrmState.MOUNTABLE);
    RegistrationOutcome o = new UpdateDrmVolume("C00017L6", Optional.of(PoolVolumeStatus.EMPTY), Optional.of("SHELF"))
        .applyTo(Optional.of(onsite), T);
    assertThat(o).isInstanceOfSatisfying(RegistrationOutcome.Updated.class, u -> {
      assertThat(u.after().state()).isEqualTo(DrmState.MOUNTABLE);
      assertThat(u.after().location()).contains("SHELF");
      assertThat(u.derived()).isEmpty();
    });
    DrmVolume atShelf = onsite.withLocation(Optional.of("SHELF"));
    assertThat(new UpdateDrmVolume("C00017L6", Optional.empty(), Optional.of("")).applyTo(Optional.of(atShelf), T))
        .isInstanceOfSatisfying(RegistrationOutcome.Updated.class, u -> assertThat(u.after().location()).isEmpty());
    assertThat(new UpdateDrmVolume("C00017L6", Optional.of(PoolVolumeStatus.FULL), Optional.empty())
        .applyTo(Optional.of(onsite), T)).isInstanceOf(RegistrationOutcome.Unchanged.class);
  }

  @Test
  void statusDoesNotApplyToDatabaseBackupsAndUnknownVolumesAreRefused() {
    DrmVolume db = DrmFixtures.volume("DB1", DrmFixtures.fullBackup(3), DrmState.VAULT);
    assertThat(new UpdateDrmVolume("DB1", Optional.of(PoolVolumeStatus.EMPTY), Optional.empty())
        .applyTo(Optional.of(db), T)).isEqualTo(new RegistrationOutcome.Rejected(DrmMessageId.STATUS_NOT_APPLICABLE
        .with("UPDATE DRMVOLUME: volume DB1 is a DBBackup volume; STATUS= applies to copy and active-data pool"
            + " volumes only.")));
    assertThat(new UpdateDrmVolume("X", Optional.of(PoolVolumeStatus.EMPTY), Optional.empty())
        .applyTo(Optional.empty(), T)).isEqualTo(new RegistrationOutcome.Rejected(
        DrmMessageId.NOT_DEFINED.with("UPDATE DRMVOLUME: volume X is not defined to DRM.")));
    assertThat(new DeleteDrmVolume("X").applyTo(Optional.empty(), T)).isEqualTo(new RegistrationOutcome.Rejected(
        DrmMessageId.NOT_DEFINED.with("DELETE DRMVOLUME: volume X is not defined to DRM.")));
  }

  @Test
  void deleteForgetsTheVolume() {
    DrmVolume v = DrmFixtures.volume("C1", DrmFixtures.copy("P"), DrmState.COURIER);
    assertThat(new DeleteDrmVolume("C1").applyTo(Optional.of(v), T)).isEqualTo(new RegistrationOutcome.Deleted(v,
        DrmMessageId.DELETED.with("Volume C1 deleted from DRM (it was COURIER).")));
  }

  @Test
  void aDefinitionOfAnExistingVolumeWritesItBackExactly() throws DrmSyntaxException {
    DrmVolume v = DrmFixtures.volume("DB0101L6", DrmFixtures.incrementalBackup(101), DrmState.COURIER)
        .withLastUpdate(DrmFixtures.at(2024, 3, 14, 6, 0, 0));
    String text = DefineDrmVolume.of(v).commandText(DrmFixtures.ZONE);
    assertThat(text).isEqualTo("DEFINE DRMVOLUME DB0101L6 TYPE=BACKUPINCR SERIES=101 OPERATION=1 SEQUENCE=1"
        + " DATE=03/13/2024 TIME=22:15:00 DEVCLASS=LTO6 STATE=COURIER LOCATION=COURIER UPDDATE=03/14/2024"
        + " UPDTIME=06:00:00");
    DefineDrmVolume back = (DefineDrmVolume) new DrmCommandParser(DrmFixtures.ZONE).parse(text);
    assertThat(back.toVolume(T)).isEqualTo(v);
  }

  @Test
  void everyMessageIdIsUniqueInTheDrmRangeAndFormattedAsVlnFourDigitsAndSeverity() {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (DrmMessageId id : DrmMessageId.values()) {
      assertThat(seen.add(id.number())).as(id.name()).isTrue();
      assertThat(id.number()).isBetween(400, 699);
      assertThat(id.id()).matches("VLN0[4-6]\\d\\d[IWES]");
    }
    assertThat(DrmMessageId.TOSTATE_NOT_REACHABLE.id()).isEqualTo("VLN0423E");
  }
}
