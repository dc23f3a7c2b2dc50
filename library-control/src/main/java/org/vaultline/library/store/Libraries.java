package org.vaultline.library.store;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Defined libraries (DEFINE/UPDATE/DELETE LIBRARY, QUERY LIBRARY). */
public final class Libraries {
  private static final String COLUMNS = "name, serial, vendor, product, revision, online, defined, updated";

  private final Reads scope;

  Libraries(Reads scope) {
    this.scope = scope;
  }

  public Optional<Library> find(String name) {
    return scope.db().queryOne("SELECT " + COLUMNS + " FROM library WHERE name = ?", Libraries::map, name);
  }

  /** All libraries by name. */
  public List<Library> list() {
    return scope.db().query("SELECT " + COLUMNS + " FROM library ORDER BY name", Libraries::map);
  }

  /** @throws ConflictException when a library of that name exists */
  public void insert(Library library) {
    scope.writable("Libraries.insert").db().update(
        "INSERT INTO library (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", library.name(),
        library.identity().serial(), library.identity().vendor(), library.identity().product(),
        library.identity().revision(), library.online(), library.defined(), library.updated());
  }

  /** Writes every field of the library named {@code library.name()}; false when there is none. */
  public boolean update(Library library) {
    return scope.writable("Libraries.update").db().update(
        "UPDATE library SET serial = ?, vendor = ?, product = ?, revision = ?, online = ?, updated = ? WHERE name = ?",
        library.identity().serial(), library.identity().vendor(), library.identity().product(),
        library.identity().revision(), library.online(), library.updated(), library.name()) == 1;
  }

  /**
   * Deletes the library and its element snapshot and move history.
   *
   * @return false when there is no such library
   * @throws ConflictException while drives, paths or volumes still belong to it
   */
  public boolean delete(String name) {
    return scope.writable("Libraries.delete").db().update("DELETE FROM library WHERE name = ?", name) == 1;
  }

  private static Library map(Db.Row r) throws SQLException {
    return new Library(r.string("name"),
        new DeviceIdentity(r.optString("vendor"), r.optString("product"), r.optString("revision"),
            r.optString("serial")),
        r.bool("online"), r.instant("defined"), r.instant("updated"));
  }
}
