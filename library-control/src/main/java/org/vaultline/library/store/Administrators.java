package org.vaultline.library.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Registered administrators (REGISTER/UPDATE/REMOVE/LOCK/UNLOCK ADMIN, QUERY ADMIN); schema 0003. */
public final class Administrators {
  private static final String COLUMNS =
      "id, password, authority, failed_attempts, locked_until, locked, registered, registered_by, last_access";

  private final Reads scope;

  Administrators(Reads scope) {
    this.scope = scope;
  }

  public Optional<AdminAccount> find(String id) {
    return scope.db().queryOne("SELECT " + COLUMNS + " FROM administrator WHERE id = ?", Administrators::map, id);
  }

  /** All administrators by ID. */
  public List<AdminAccount> list() {
    return scope.db().query("SELECT " + COLUMNS + " FROM administrator ORDER BY id", Administrators::map);
  }

  public long count() {
    return scope.db().queryLong("SELECT count(*) FROM administrator");
  }

  /** @throws ConflictException when the ID is registered */
  public void insert(AdminAccount a) {
    scope.writable("Administrators.insert").db().update("INSERT INTO administrator (" + COLUMNS
        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", a.id(), a.passwordHash(), a.authority(), a.failedAttempts(),
        a.lockedUntil(), a.locked(), a.registered(), a.registeredBy(), a.lastAccess());
  }

  /**
   * Writes the password hash, authority and failure count of {@code a.id()}; the LOCK ADMIN flag, registration and
   * last access stay as they are. False when the ID is not registered.
   */
  public boolean updateCredentials(AdminAccount a) {
    return scope.writable("Administrators.updateCredentials").db().update("UPDATE administrator SET password = ?,"
        + " authority = ?, failed_attempts = ?, locked_until = ? WHERE id = ?", a.passwordHash(), a.authority(),
        a.failedAttempts(), a.lockedUntil(), a.id()) == 1;
  }

  /** LOCK ADMIN ({@code true}) or UNLOCK ADMIN; false when the ID is not registered. */
  public boolean setLocked(String id, boolean locked) {
    return scope.writable("Administrators.setLocked").db().update(
        "UPDATE administrator SET locked = ? WHERE id = ?", locked, id) == 1;
  }

  /** GRANT/REVOKE AUTHORITY; false when the ID is not registered. */
  public boolean setAuthority(String id, String authority) {
    return scope.writable("Administrators.setAuthority").db().update(
        "UPDATE administrator SET authority = ? WHERE id = ?", authority, id) == 1;
  }

  /** The administrator ran a command at {@code when}. */
  public boolean touch(String id, Instant when) {
    return scope.writable("Administrators.touch").db().update(
        "UPDATE administrator SET last_access = ? WHERE id = ?", when, id) == 1;
  }

  /** REMOVE ADMIN; false when the ID is not registered. */
  public boolean delete(String id) {
    return scope.writable("Administrators.delete").db().update("DELETE FROM administrator WHERE id = ?", id) == 1;
  }

  private static AdminAccount map(Db.Row r) throws SQLException {
    return new AdminAccount(r.string("id"), r.string("password"), r.string("authority"), r.intValue("failed_attempts"),
        r.optInstant("locked_until"), r.bool("locked"), r.instant("registered"), r.optString("registered_by"),
        r.optInstant("last_access"));
  }
}
