package org.vaultline.library.store;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Paths from the server to libraries and drives (DEFINE/UPDATE/DELETE PATH, QUERY PATH). */
public final class DevicePaths {
  private static final String COLUMNS = "source, library, drive, device, online, defined, updated";

  private final Reads scope;

  DevicePaths(Reads scope) {
    this.scope = scope;
  }

  /** The path from {@code source} to the library's changer. */
  public Optional<DevicePath> toLibrary(String source, String library) {
    return scope.db().queryOne("SELECT " + COLUMNS + " FROM path WHERE source = ? AND library = ? AND drive IS NULL",
        DevicePaths::map, source, library);
  }

  /** The path from {@code source} to a drive. */
  public Optional<DevicePath> toDrive(String source, String library, String drive) {
    return scope.db().queryOne("SELECT " + COLUMNS + " FROM path WHERE source = ? AND library = ? AND drive = ?",
        DevicePaths::map, source, library, drive);
  }

  /** Every path, by library, then the library's own path before its drives'. */
  public List<DevicePath> list() {
    return scope.db().query("SELECT " + COLUMNS + " FROM path ORDER BY library, drive IS NOT NULL, drive, source",
        DevicePaths::map);
  }

  /** The paths to a library and its drives. */
  public List<DevicePath> list(String library) {
    return scope.db().query(
        "SELECT " + COLUMNS + " FROM path WHERE library = ? ORDER BY drive IS NOT NULL, drive, source",
        DevicePaths::map, library);
  }

  /** @throws ConflictException for a second path between the same ends, or an undefined library or drive */
  public void insert(DevicePath p) {
    scope.writable("DevicePaths.insert").db().update(
        "INSERT INTO path (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", p.source(), p.library(), p.drive(),
        p.device(), p.online(), p.defined(), p.updated());
  }

  /** Writes device and online state of the path between the same ends; false when there is none. */
  public boolean update(DevicePath p) {
    return scope.writable("DevicePaths.update").db().update(
        "UPDATE path SET device = ?, online = ?, updated = ? WHERE source = ? AND library = ? AND drive IS ?",
        p.device(), p.online(), p.updated(), p.source(), p.library(), p.drive()) == 1;
  }

  /** Deletes the path to the library ({@code drive} empty) or to one of its drives. */
  public boolean delete(String source, String library, Optional<String> drive) {
    return scope.writable("DevicePaths.delete").db().update(
        "DELETE FROM path WHERE source = ? AND library = ? AND drive IS ?", source, library, drive) == 1;
  }

  private static DevicePath map(Db.Row r) throws SQLException {
    return new DevicePath(r.string("source"), r.string("library"), r.optString("drive"), r.string("device"),
        r.bool("online"), r.instant("defined"), r.instant("updated"));
  }
}
