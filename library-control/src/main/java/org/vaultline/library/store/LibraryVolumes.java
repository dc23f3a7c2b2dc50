package org.vaultline.library.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vaultline.scsi.smc.ElementAddress;

/** Volumes checked into libraries (CHECKIN/CHECKOUT/UPDATE LIBVOLUME, QUERY LIBVOLUME, AUDIT LIBRARY). */
public final class LibraryVolumes {
  private static final String COLUMNS = "volume, library, barcode, status, owner, last_use, home_element,"
      + " device_type, cleanings_left, checked_in, updated";

  private final Reads scope;

  LibraryVolumes(Reads scope) {
    this.scope = scope;
  }

  /** The volume of this name, in whichever library it is checked into. */
  public Optional<LibraryVolume> find(String volume) {
    return scope.db().queryOne("SELECT " + COLUMNS + " FROM library_volume WHERE volume = ?", LibraryVolumes::map,
        volume);
  }

  /** The volume whose full volume tag is {@code barcode}. */
  public Optional<LibraryVolume> findByBarcode(String library, String barcode) {
    return scope.db().queryOne("SELECT " + COLUMNS + " FROM library_volume WHERE library = ? AND barcode = ?",
        LibraryVolumes::map, library, barcode);
  }

  /** The volume whose home is this element. */
  public Optional<LibraryVolume> findAtHome(String library, ElementAddress home) {
    return scope.db().queryOne("SELECT " + COLUMNS + " FROM library_volume WHERE library = ? AND home_element = ?",
        LibraryVolumes::map, library, home);
  }

  /** The library's volumes by name. */
  public List<LibraryVolume> list(String library) {
    return scope.db().query("SELECT " + COLUMNS + " FROM library_volume WHERE library = ? ORDER BY volume",
        LibraryVolumes::map, library);
  }

  /**
   * QUERY LIBVOLUME [library] [volume]: volumes whose name matches {@code volumePattern} ({@code *} and
   * {@code ?} wildcards, case ignored), in one library or all, by library and name.
   */
  public List<LibraryVolume> query(Optional<String> library, String volumePattern) {
    return scope.db().query("SELECT " + COLUMNS + " FROM library_volume WHERE (?1 IS NULL OR library = ?1)"
        + " AND upper(volume) GLOB ?2 ORDER BY library, volume", LibraryVolumes::map, library, Glob.of(volumePattern));
  }

  public long count(String library) {
    return scope.db().queryLong("SELECT count(*) FROM library_volume WHERE library = ?", library);
  }

  public long count(String library, VolumeStatus status) {
    return scope.db().queryLong("SELECT count(*) FROM library_volume WHERE library = ? AND status = ?", library,
        status);
  }

  /**
   * Checks a volume in.
   *
   * @throws ConflictException when the volume is already checked in (here or elsewhere), another volume
   *     has the same home element or barcode in the library, or the library is not defined
   */
  public void insert(LibraryVolume v) {
    scope.writable("LibraryVolumes.insert").db().update(
        "INSERT INTO library_volume (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", v.volume(),
        v.library(), v.barcode(), v.status(), v.owner(), v.lastUse(), v.homeElement(), v.deviceType(),
        v.cleaningsLeft(), v.checkedIn(), v.updated());
  }

  /** Writes every field of the volume named {@code v.volume()} (its library included); false when there is none. */
  public boolean update(LibraryVolume v) {
    return scope.writable("LibraryVolumes.update").db().update(
        "UPDATE library_volume SET library = ?, barcode = ?, status = ?, owner = ?, last_use = ?, home_element = ?,"
            + " device_type = ?, cleanings_left = ?, checked_in = ?, updated = ? WHERE volume = ?",
        v.library(), v.barcode(), v.status(), v.owner(), v.lastUse(), v.homeElement(), v.deviceType(),
        v.cleaningsLeft(), v.checkedIn(), v.updated(), v.volume()) == 1;
  }

  /** Checks a volume out (removes it from the library inventory); false when it was not checked in. */
  public boolean delete(String volume) {
    return scope.writable("LibraryVolumes.delete").db().update("DELETE FROM library_volume WHERE volume = ?",
        volume) == 1;
  }

  /**
   * Gives several volumes of one library new home elements at once, as AUDIT LIBRARY does when
   * cartridges were swapped by hand: the homes are cleared first and then set, so a swap does not trip
   * over the one-volume-per-element rule half way.
   *
   * @return the volumes changed (volumes not checked into {@code library} are skipped)
   */
  public List<String> rehome(String library, Map<String, Optional<ElementAddress>> homes) {
    Db db = scope.writable("LibraryVolumes.rehome").db();
    List<String> changed = new ArrayList<>();
    for (String volume : homes.keySet()) {
      if (db.update("UPDATE library_volume SET home_element = NULL WHERE library = ? AND volume = ?", library,
          volume) == 1) {
        changed.add(volume);
      }
    }
    for (String volume : changed) {
      db.update("UPDATE library_volume SET home_element = ?, updated = ? WHERE library = ? AND volume = ?",
          homes.get(volume), scope.now(), library, volume);
    }
    return changed;
  }

  private static LibraryVolume map(Db.Row r) throws SQLException {
    return new LibraryVolume(r.string("volume"), r.string("library"), r.optString("barcode"),
        r.enumValue(VolumeStatus.class, "status"), r.optString("owner"), r.optEnum(LastUse.class, "last_use"),
        r.optElement("home_element"), r.optString("device_type"), r.optInt("cleanings_left"),
        r.instant("checked_in"), r.instant("updated"));
  }
}
