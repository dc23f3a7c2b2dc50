package org.vaultline.library.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.scsi.smc.ElementAddress;

/** Libraries, drives and paths: DEFINE/UPDATE/DELETE and QUERY LIBRARY/DRIVE/PATH. */
class DefinitionsTest {
  @TempDir Path dir;
  final MutableClock clock = new MutableClock();
  Store store;

  @BeforeEach
  void open() {
    store = TestStores.open(dir, clock);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aLibraryIsDefinedFoundUpdatedAndDeleted() {
    TestStores.defineLibrary(store, "LIB1");
    clock.advance(Duration.ofMinutes(1));
    DeviceIdentity id = DeviceIdentity.of("IBM", "03584L32", "F060", "0000013108231000");
    store.transact(tx -> {
      Library lib = tx.libraries().find("LIB1").orElseThrow();
      assertThat(tx.libraries().update(lib.withIdentity(id, tx.now()))).isTrue();
      tx.log(Messages.LIBRARY_UPDATED, "LIB1", "identity");
    });
    Library lib = store.read(r -> r.libraries().find("LIB1")).orElseThrow();
    assertThat(lib.identity()).isEqualTo(id);
    assertThat(lib.online()).isTrue();
    assertThat(lib.updated()).isEqualTo(lib.defined().plus(Duration.ofMinutes(1)));
    store.transact(tx -> {
      assertThat(tx.libraries().delete("LIB1")).isTrue();
      assertThat(tx.libraries().delete("LIB1")).isFalse();
      tx.log(Messages.LIBRARY_DELETED, "LIB1");
    });
    List<Library> all = store.read(r -> r.libraries().list());
    assertThat(all).isEmpty();
  }

  @Test
  void definingALibraryTwiceIsAConflict() {
    TestStores.defineLibrary(store, "LIB1");
    assertThatThrownBy(() -> TestStores.defineLibrary(store, "LIB1")).isInstanceOf(ConflictException.class)
        .hasMessageContaining("library.name");
  }

  @Test
  void librariesAreListedByName() {
    TestStores.defineLibrary(store, "LIBB");
    TestStores.defineLibrary(store, "LIBA");
    List<Library> all = store.read(r -> r.libraries().list());
    assertThat(all).extracting(Library::name).containsExactly("LIBA", "LIBB");
  }

  @Test
  void drivesAreFoundByNameElementAndSerial() {
    TestStores.defineLibrary(store, "LIB1");
    store.transact(tx -> {
      tx.drives().insert(Drive.defined("LIB1", "DRIVE2", Optional.of(ElementAddress.of(0x101)),
          DeviceIdentity.serial("1013000512"), tx.now()));
      tx.drives().insert(Drive.defined("LIB1", "DRIVE1", Optional.empty(), DeviceIdentity.UNKNOWN, tx.now()));
      tx.log(Messages.DRIVE_DEFINED, "DRIVE1+2", "LIB1");
    });
    store.read(r -> {
      assertThat(r.drives().list("LIB1")).extracting(Drive::name).containsExactly("DRIVE1", "DRIVE2");
      assertThat(r.drives().findByElement("LIB1", ElementAddress.of(0x101))).map(Drive::name).contains("DRIVE2");
      assertThat(r.drives().findBySerial("1013000512")).map(Drive::name).contains("DRIVE2");
      assertThat(r.drives().find("LIB1", "DRIVE1").orElseThrow().element()).isEmpty();
      return null;
    });
    // ELEMENT=AUTODETECT: the element is filled in once the serial has been matched
    store.transact(tx -> {
      Drive d = tx.drives().find("LIB1", "DRIVE1").orElseThrow();
      tx.drives().update(d.withElement(Optional.of(ElementAddress.of(0x100)), tx.now())
          .withIdentity(DeviceIdentity.of("IBM", "ULT3580-TD8", "Q3F0", "1013000511"), tx.now()));
      tx.log(Messages.DRIVE_UPDATED, "DRIVE1", "LIB1", "element 0x0100");
    });
    Optional<Drive> d1 = store.read(r -> r.drives().findBySerial("1013000511"));
    assertThat(d1).map(Drive::element).contains(Optional.of(ElementAddress.of(0x100)));
  }

  @Test
  void twoDrivesCannotShareAnElementOrASerial() {
    TestStores.defineLibrary(store, "LIB1");
    store.transact(tx -> {
      tx.drives().insert(Drive.defined("LIB1", "D1", Optional.of(ElementAddress.of(0x100)),
          DeviceIdentity.serial("S1"), tx.now()));
      tx.log(Messages.DRIVE_DEFINED, "D1", "LIB1");
    });
    assertThatThrownBy(() -> store.transact(tx -> {
      tx.drives().insert(Drive.defined("LIB1", "D2", Optional.of(ElementAddress.of(0x100)),
          DeviceIdentity.UNKNOWN, tx.now()));
      tx.log(Messages.DRIVE_DEFINED, "D2", "LIB1");
    })).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> store.transact(tx -> {
      tx.drives().insert(Drive.defined("LIB1", "D3", Optional.empty(), DeviceIdentity.serial("S1"), tx.now()));
      tx.log(Messages.DRIVE_DEFINED, "D3", "LIB1");
    })).isInstanceOf(ConflictException.class);
  }

  @Test
  void aDriveNeedsItsLibrary() {
    assertThatThrownBy(() -> store.transact(tx -> {
      tx.drives().insert(Drive.defined("NOLIB", "D1", Optional.empty(), DeviceIdentity.UNKNOWN, tx.now()));
      tx.log(Messages.DRIVE_DEFINED, "D1", "NOLIB");
    })).isInstanceOf(ConflictException.class).hasMessageContaining("FOREIGN KEY");
  }

  @Test
  void pathsLeadToALibraryAndToItsDrives() {
    TestStores.defineLibrary(store, "LIB1");
    store.transact(tx -> {
      tx.drives().insert(Drive.defined("LIB1", "D1", Optional.empty(), DeviceIdentity.UNKNOWN, tx.now()));
      tx.paths().insert(DevicePath.toDrive("VAULT1", "LIB1", "D1", "sg:/dev/sg4", tx.now()));
      tx.paths().insert(DevicePath.toLibrary("VAULT1", "LIB1", "sg:/dev/sg3", tx.now()));
      tx.log(Messages.PATH_DEFINED, "VAULT1", "LIB1", "sg:/dev/sg3");
    });
    store.read(r -> {
      assertThat(r.paths().toLibrary("VAULT1", "LIB1")).map(DevicePath::device).contains("sg:/dev/sg3");
      assertThat(r.paths().toDrive("VAULT1", "LIB1", "D1")).map(DevicePath::device).contains("sg:/dev/sg4");
      assertThat(r.paths().list("LIB1")).extracting(DevicePath::destination).containsExactly("LIB1", "LIB1/D1");
      assertThat(r.paths().list()).extracting(DevicePath::destinationType).containsExactly("LIBRARY", "DRIVE");
      return null;
    });
    store.transact(tx -> {
      DevicePath p = tx.paths().toLibrary("VAULT1", "LIB1").orElseThrow();
      assertThat(tx.paths().update(p.withDevice("iscsi://127.0.0.1:3260/iqn.2026-05.org.vaultline:lib/0", tx.now())
          .withOnline(false, tx.now()))).isTrue();
      tx.log(Messages.LIBRARY_UPDATED, "LIB1", "path");
    });
    Optional<DevicePath> p = store.read(r -> r.paths().toLibrary("VAULT1", "LIB1"));
    assertThat(p).hasValueSatisfying(x -> {
      assertThat(x.device()).startsWith("iscsi://");
      assertThat(x.online()).isFalse();
    });
  }

  @Test
  void aDriveWithAPathCannotBeDeletedAndASecondPathIsAConflict() {
    TestStores.defineLibrary(store, "LIB1");
    store.transact(tx -> {
      tx.drives().insert(Drive.defined("LIB1", "D1", Optional.empty(), DeviceIdentity.UNKNOWN, tx.now()));
      tx.paths().insert(DevicePath.toDrive("VAULT1", "LIB1", "D1", "sg:/dev/sg4", tx.now()));
      tx.log(Messages.PATH_DEFINED, "VAULT1", "LIB1/D1", "sg:/dev/sg4");
    });
    assertThatThrownBy(() -> store.transact(tx -> {
      tx.drives().delete("LIB1", "D1");
      tx.log(Messages.DRIVE_DELETED, "D1", "LIB1");
    })).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> store.transact(tx -> {
      tx.paths().insert(DevicePath.toDrive("VAULT1", "LIB1", "D1", "sg:/dev/sg9", tx.now()));
      tx.log(Messages.PATH_DEFINED, "VAULT1", "LIB1/D1", "sg:/dev/sg9");
    })).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> store.transact(tx -> {
      tx.paths().insert(DevicePath.toDrive("VAULT1", "LIB1", "NODRIVE", "sg:/dev/sg9", tx.now()));
      tx.log(Messages.PATH_DEFINED, "VAULT1", "LIB1/NODRIVE", "sg:/dev/sg9");
    })).isInstanceOf(ConflictException.class);
    store.transact(tx -> {
      assertThat(tx.paths().delete("VAULT1", "LIB1", Optional.of("D1"))).isTrue();
      assertThat(tx.drives().delete("LIB1", "D1")).isTrue();
      tx.log(Messages.DRIVE_DELETED, "D1", "LIB1");
    });
  }

  @Test
  void aLibraryWithVolumesCannotBeDeleted() {
    TestStores.defineLibrary(store, "LIB1");
    TestStores.checkIn(store, "LIB1", "A00001", 0x1000);
    assertThatThrownBy(() -> store.transact(tx -> {
      tx.libraries().delete("LIB1");
      tx.log(Messages.LIBRARY_DELETED, "LIB1");
    })).isInstanceOf(ConflictException.class);
  }
}
