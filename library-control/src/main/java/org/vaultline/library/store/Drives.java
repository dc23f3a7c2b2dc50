package org.vaultline.library.store;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.vaultline.scsi.smc.ElementAddress;

/** Defined drives (DEFINE/UPDATE/DELETE DRIVE, QUERY DRIVE). */
public final class Drives {
  private static final String COLUMNS =
      "library, name, element, serial, vendor, product, revision, online, defined, updated";

  private final Reads scope;

  Drives(Reads scope) {
    this.scope = scope;
  }

  public Optional<Drive> find(String library, String name) {
    return scope.db().queryOne("SELECT " + COLUMNS + " FROM drive WHERE library = ? AND name = ?", Drives::map,
        library, name);
  }

  /** The drive at a data transfer element address. */
  public Optional<Drive> findByElement(String library, ElementAddress element) {
    return scope.db().queryOne("SELECT " + COLUMNS + " FROM drive WHERE library = ? AND element = ?", Drives::map,
        library, element);
  }

  /** The drive with this serial number, in any library. */
  public Optional<Drive> findBySerial(String serial) {
    return scope.db().queryOne("SELECT " + COLUMNS + " FROM drive WHERE serial = ?", Drives::map, serial);
  }

  /** The library's drives by name. */
  public List<Drive> list(String library) {
    return scope.db().query("SELECT " + COLUMNS + " FROM drive WHERE library = ? ORDER BY name", Drives::map,
        library);
  }

  /** Every drive, by library and name. */
  public List<Drive> list() {
    return scope.db().query("SELECT " + COLUMNS + " FROM drive ORDER BY library, name", Drives::map);
  }

  /** @throws ConflictException for an existing name, element or serial, or an undefined library */
  public void insert(Drive d) {
    scope.writable("Drives.insert").db().update(
        "INSERT INTO drive (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", d.library(), d.name(),
        d.element(), d.identity().serial(), d.identity().vendor(), d.identity().product(), d.identity().revision(),
        d.online(), d.defined(), d.updated());
  }

  /** Writes every field of the drive; false when there is none. */
  public boolean update(Drive d) {
    return scope.writable("Drives.update").db().update(
        "UPDATE drive SET element = ?, serial = ?, vendor = ?, product = ?, revision = ?, online = ?, updated = ?"
            + " WHERE library = ? AND name = ?",
        d.element(), d.identity().serial(), d.identity().vendor(), d.identity().product(), d.identity().revision(),
        d.online(), d.updated(), d.library(), d.name()) == 1;
  }

  /** @throws ConflictException while a path still leads to the drive */
  public boolean delete(String library, String name) {
    return scope.writable("Drives.delete").db()
        .update("DELETE FROM drive WHERE library = ? AND name = ?", library, name) == 1;
  }

  private static Drive map(Db.Row r) throws SQLException {
    return new Drive(r.string("library"), r.string("name"), r.optElement("element"),
        new DeviceIdentity(r.optString("vendor"), r.optString("product"), r.optString("revision"),
            r.optString("serial")),
        r.bool("online"), r.instant("defined"), r.instant("updated"));
  }
}
