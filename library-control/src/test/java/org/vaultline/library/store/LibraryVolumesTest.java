package org.vaultline.library.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.scsi.smc.ElementAddress;

/** Library volumes: CHECKIN/CHECKOUT/UPDATE LIBVOLUME, QUERY LIBVOLUME, audit re-homing. */
class LibraryVolumesTest {
  @TempDir Path dir;
  final MutableClock clock = new MutableClock();
  Store store;

  @BeforeEach
  void open() {
    store = TestStores.open(dir, clock);
    TestStores.defineLibrary(store, "LIB1");
    TestStores.defineLibrary(store, "LIB2");
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aCheckedInVolumeKeepsEveryQueryLibvolumeColumn() {
    TestStores.checkIn(store, "LIB1", "A00017", 0x1003);
    LibraryVolume v = store.read(r -> r.volumes().find("A00017")).orElseThrow();
    assertThat(v.library()).isEqualTo("LIB1");
    assertThat(v.volume()).isEqualTo("A00017");
    assertThat(v.barcode()).contains("A00017L6");
    assertThat(v.status()).isEqualTo(VolumeStatus.SCRATCH);
    assertThat(v.owner()).isEmpty();
    assertThat(v.lastUse()).isEmpty();
    assertThat(v.homeElement()).contains(ElementAddress.of(0x1003));
    assertThat(v.deviceType()).contains("LTO");
    assertThat(v.checkedIn()).isEqualTo(clock.instant());
  }

  @Test
  void updatingAVolumeWritesEveryField() {
    TestStores.checkIn(store, "LIB1", "A00017", 0x1003);
    clock.advance(Duration.ofHours(1));
    store.transact(Origin.admin("ADMIN1"), tx -> {
      LibraryVolume v = tx.volumes().find("A00017").orElseThrow();
      tx.volumes().update(v.withStatus(VolumeStatus.PRIVATE, tx.now()).withLastUse(Optional.of(LastUse.DBBACKUP), tx.now())
          .withOwner(Optional.of("VAULT1"), tx.now()));
      tx.log(Messages.VOLUME_UPDATED, "A00017", "LIB1", "STATUS=PRIVATE");
    });
    LibraryVolume v = store.read(r -> r.volumes().find("A00017")).orElseThrow();
    assertThat(v.status()).isEqualTo(VolumeStatus.PRIVATE);
    assertThat(v.lastUse()).contains(LastUse.DBBACKUP);
    assertThat(v.lastUse().orElseThrow().display()).isEqualTo("DbBackup");
    assertThat(v.owner()).contains("VAULT1");
    assertThat(v.updated()).isEqualTo(v.checkedIn().plus(Duration.ofHours(1)));
  }

  @Test
  void aCleanerKeepsItsCleaningsLeft() {
    store.transact(tx -> {
      tx.volumes().insert(LibraryVolume.checkedIn("LIB1", "CLN001", Optional.of("CLN001L1"), VolumeStatus.CLEANER,
          Optional.of(ElementAddress.of(0x1010)), Optional.of("LTO"), tx.now())
          .withCleaningsLeft(Optional.of(50), tx.now()));
      tx.log(Messages.VOLUME_CHECKED_IN, "CLN001", "LIB1", "CLEANER", "0x1010");
    });
    LibraryVolume v = store.read(r -> r.volumes().find("CLN001")).orElseThrow();
    assertThat(v.cleaningsLeft()).contains(50);
    assertThat(v.status()).isEqualTo(VolumeStatus.CLEANER);
  }

  @Test
  void aVolumeCannotBeCheckedIntoTwoLibrariesOrTwoVolumesShareAHome() {
    TestStores.checkIn(store, "LIB1", "A00001", 0x1000);
    assertThatThrownBy(() -> TestStores.checkIn(store, "LIB2", "A00001", 0x1000))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> TestStores.checkIn(store, "LIB1", "A00002", 0x1000))
        .isInstanceOf(ConflictException.class);
    TestStores.checkIn(store, "LIB2", "A00002", 0x1000); // same address, other library: fine
    long n = store.read(r -> r.volumes().count("LIB2"));
    assertThat(n).isEqualTo(1);
  }

  @Test
  void volumesAreFoundByBarcodeAndByHome() {
    TestStores.checkIn(store, "LIB1", "A00001", 0x1000);
    store.read(r -> {
      assertThat(r.volumes().findByBarcode("LIB1", "A00001L6")).map(LibraryVolume::volume).contains("A00001");
      assertThat(r.volumes().findByBarcode("LIB2", "A00001L6")).isEmpty();
      assertThat(r.volumes().findAtHome("LIB1", ElementAddress.of(0x1000))).map(LibraryVolume::volume)
          .contains("A00001");
      assertThat(r.volumes().findAtHome("LIB1", ElementAddress.of(0x1001))).isEmpty();
      return null;
    });
  }

  @Test
  void queryLibvolumeMatchesTsmPatternsAndCountsByStatus() {
    TestStores.checkIn(store, "LIB1", "A00001", 0x1000);
    TestStores.checkIn(store, "LIB1", "A00002", 0x1001);
    TestStores.checkIn(store, "LIB1", "B00001", 0x1002);
    TestStores.checkIn(store, "LIB2", "A00003", 0x1000);
    store.transact(tx -> {
      tx.volumes().update(tx.volumes().find("A00002").orElseThrow().withStatus(VolumeStatus.PRIVATE, tx.now()));
      tx.log(Messages.VOLUME_UPDATED, "A00002", "LIB1", "STATUS=PRIVATE");
    });
    store.read(r -> {
      assertThat(r.volumes().query(Optional.empty(), "*")).extracting(LibraryVolume::volume)
          .containsExactly("A00001", "A00002", "B00001", "A00003");
      assertThat(r.volumes().query(Optional.of("LIB1"), "a*")).extracting(LibraryVolume::volume)
          .containsExactly("A00001", "A00002");
      assertThat(r.volumes().query(Optional.empty(), "?00001")).extracting(LibraryVolume::volume)
          .containsExactly("A00001", "B00001");
      assertThat(r.volumes().query(Optional.empty(), "A0000[")).isEmpty();
      assertThat(r.volumes().list("LIB1")).hasSize(3);
      assertThat(r.volumes().count("LIB1", VolumeStatus.SCRATCH)).isEqualTo(2);
      assertThat(r.volumes().count("LIB1", VolumeStatus.PRIVATE)).isEqualTo(1);
      return null;
    });
  }

  @Test
  void checkoutRemovesTheVolume() {
    TestStores.checkIn(store, "LIB1", "A00001", 0x1000);
    store.transact(tx -> {
      assertThat(tx.volumes().delete("A00001")).isTrue();
      assertThat(tx.volumes().delete("A00001")).isFalse();
      tx.log(Messages.VOLUME_CHECKED_OUT, "A00001", "LIB1");
    });
    Optional<LibraryVolume> v = store.read(r -> r.volumes().find("A00001"));
    assertThat(v).isEmpty();
  }

  @Test
  void rehomingSwapsHomesWithoutTrippingOverTheOneVolumePerElementRule() {
    TestStores.checkIn(store, "LIB1", "A00001", 0x1000);
    TestStores.checkIn(store, "LIB1", "A00002", 0x1001);
    TestStores.checkIn(store, "LIB2", "A00003", 0x1000);
    Map<String, Optional<ElementAddress>> homes = new LinkedHashMap<>();
    homes.put("A00001", Optional.of(ElementAddress.of(0x1001)));
    homes.put("A00002", Optional.of(ElementAddress.of(0x1000)));
    homes.put("A00003", Optional.of(ElementAddress.of(0x1005))); // other library: skipped
    List<String> changed = store.write(tx -> {
      List<String> c = tx.volumes().rehome("LIB1", homes);
      tx.log(Messages.AUDIT_HOME_CORRECTED, "LIB1", "A00001", "0x1001", "0x1000");
      return c;
    });
    assertThat(changed).containsExactly("A00001", "A00002");
    store.read(r -> {
      assertThat(r.volumes().find("A00001").orElseThrow().homeElement()).contains(ElementAddress.of(0x1001));
      assertThat(r.volumes().find("A00002").orElseThrow().homeElement()).contains(ElementAddress.of(0x1000));
      assertThat(r.volumes().find("A00003").orElseThrow().homeElement()).contains(ElementAddress.of(0x1000));
      return null;
    });
  }
}
