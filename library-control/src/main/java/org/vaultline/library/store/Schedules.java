package org.vaultline.library.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Administrative schedules (DEFINE/UPDATE/DELETE/QUERY SCHEDULE); schema 0003. */
public final class Schedules {
  private static final String COLUMNS = "name, definition, owner, last_run, last_result";

  private final Reads scope;

  Schedules(Reads scope) {
    this.scope = scope;
  }

  public Optional<AdminSchedule> find(String name) {
    return scope.db().queryOne("SELECT " + COLUMNS + " FROM admin_schedule WHERE name = ?", Schedules::map, name);
  }

  /** All schedules by name. */
  public List<AdminSchedule> list() {
    return scope.db().query("SELECT " + COLUMNS + " FROM admin_schedule ORDER BY name", Schedules::map);
  }

  /** Inserts the schedule, or replaces the one of that name (its last run is then kept from {@code s}). */
  public void save(AdminSchedule s) {
    scope.writable("Schedules.save").db().update("INSERT INTO admin_schedule (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)"
        + " ON CONFLICT (name) DO UPDATE SET definition = excluded.definition, owner = excluded.owner,"
        + " last_run = excluded.last_run, last_result = excluded.last_result", s.name(), s.definition(), s.owner(),
        s.lastRun(), s.lastResult());
  }

  /** False when there is no such schedule. */
  public boolean delete(String name) {
    return scope.writable("Schedules.delete").db().update("DELETE FROM admin_schedule WHERE name = ?", name) == 1;
  }

  /** The schedule started a run at {@code started}, which ended with {@code result}; false when it is gone. */
  public boolean recordRun(String name, Instant started, String result) {
    return scope.writable("Schedules.recordRun").db().update(
        "UPDATE admin_schedule SET last_run = ?, last_result = ? WHERE name = ?", started, result, name) == 1;
  }

  private static AdminSchedule map(Db.Row r) throws SQLException {
    return new AdminSchedule(r.string("name"), r.string("definition"), r.string("owner"), r.optInstant("last_run"),
        r.optString("last_result"));
  }
}
