package org.vaultline.library.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.vaultline.scsi.smc.ElementAddress;

/** Opening stores on real files for tests, and the fixtures most tests need. */
final class TestStores {
  private TestStores() {}

  static Store open(Path dir, MutableClock clock) {
    return Store.open(dir.resolve("vaultline.db"), StoreOptions.DEFAULT.withClock(clock));
  }

  /** A plain JDBC connection to the same file, for looking behind the store's back. */
  static Connection raw(Store store) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + store.file());
  }

  static void defineLibrary(Store store, String name) {
    store.transact(tx -> {
      tx.libraries().insert(Library.defined(name, tx.now()));
      tx.log(Messages.LIBRARY_DEFINED, name);
    });
  }

  static void checkIn(Store store, String library, String volume, int home) {
    store.transact(tx -> checkInInside(tx, library, volume, home));
  }

  /** Inserts a volume without logging (for tests of the logging rule). */
  static void insertVolume(Tx tx, String library, String volume, int home) {
    tx.volumes().insert(LibraryVolume.checkedIn(library, volume, Optional.of(volume + "L6"), VolumeStatus.SCRATCH,
        Optional.of(ElementAddress.of(home)), Optional.of("LTO"), tx.now()));
  }

  /** Inserts and logs a check-in inside a transaction. */
  static void checkInInside(Tx tx, String library, String volume, int home) {
    insertVolume(tx, library, volume, home);
    tx.log(Messages.VOLUME_CHECKED_IN, volume, library, VolumeStatus.SCRATCH, ElementAddress.of(home));
  }

  static long count(Store store, String table) {
    return store.read(r -> r.db().queryLong("SELECT count(*) FROM " + table));
  }
}
