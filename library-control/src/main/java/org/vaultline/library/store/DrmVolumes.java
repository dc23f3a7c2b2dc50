package org.vaultline.library.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rows of Disaster Recovery Manager (schema 0002): volumes DRM tracks, their history, and the DRM settings.
 * Plain rows with strings, so the store does not depend on the DRM package; {@code org.vaultline.library.drm}
 * turns them into its own types.
 */
public final class DrmVolumes {
  private static final String COLUMNS = "name, state, location, library, voltype, stgpool, updated, definition";

  /**
   * One tracked volume.
   *
   * @param definition the volume's canonical DEFINE DRMVOLUME command, which the DRM package parses back
   */
  public record Row(String name, String state, Optional<String> location, Optional<String> library, String voltype,
      Optional<String> pool, Instant updated, String definition) {
    public Row {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(library, "library");
      Objects.requireNonNull(voltype, "voltype");
      Objects.requireNonNull(pool, "pool");
      Objects.requireNonNull(updated, "updated");
      Objects.requireNonNull(definition, "definition");
    }
  }

  /**
   * One change of a volume's DRM state.
   *
   * @param from empty when the volume was defined
   * @param to the new state; {@code ONSITERETRIEVE} or {@code DELETED} when the volume left DRM
   */
  public record History(long id, String volume, Instant time, Optional<String> admin, Optional<Long> process,
      Optional<String> from, String to, Optional<String> location, String reason) {}

  private final Reads scope;

  DrmVolumes(Reads scope) {
    this.scope = scope;
  }

  public Optional<Row> find(String name) {
    return scope.db().queryOne("SELECT " + COLUMNS + " FROM drm_volume WHERE name = ?", DrmVolumes::map, name);
  }

  /** Every tracked volume, by name. */
  public List<Row> all() {
    return scope.db().query("SELECT " + COLUMNS + " FROM drm_volume ORDER BY name", DrmVolumes::map);
  }

  /** The tracked volumes in {@code state}, by name. */
  public List<Row> inState(String state) {
    return scope.db().query("SELECT " + COLUMNS + " FROM drm_volume WHERE state = ? ORDER BY name",
        DrmVolumes::map, state);
  }

  public long count() {
    return scope.db().queryLong("SELECT count(*) FROM drm_volume");
  }

  /** Inserts or replaces the row of {@code row.name()}. */
  public void put(Row row) {
    scope.writable("DrmVolumes.put").db().update("INSERT INTO drm_volume (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?,"
        + " ?, ?) ON CONFLICT (name) DO UPDATE SET state = excluded.state, location = excluded.location,"
        + " library = excluded.library, voltype = excluded.voltype, stgpool = excluded.stgpool,"
        + " updated = excluded.updated, definition = excluded.definition, pending = NULL", row.name(), row.state(), row.location(),
        row.library(), row.voltype(), row.pool(), row.updated(), row.definition());
  }

  /** Sets or clears the volume's pending MOVE DRMEDIA; false when it is not tracked. */
  public boolean setPending(String name, Optional<String> command) {
    return scope.writable("DrmVolumes.setPending").db().update("UPDATE drm_volume SET pending = ? WHERE name = ?",
        command, name) == 1;
  }

  /** The volumes with a pending MOVE DRMEDIA: name to command, by name. */
  public Map<String, String> pending() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String[] r : scope.db().query("SELECT name, pending FROM drm_volume WHERE pending IS NOT NULL ORDER BY name",
        r -> new String[] {r.string("name"), r.string("pending")})) {
      out.put(r[0], r[1]);
    }
    return out;
  }

  /** Removes the volume from DRM; false when it was not tracked. */
  public boolean remove(String name) {
    return scope.writable("DrmVolumes.remove").db().update("DELETE FROM drm_volume WHERE name = ?", name) == 1;
  }

  /** Records a change, with the transaction's time, administrator and process. */
  public void recordHistory(String volume, Optional<String> from, String to, Optional<String> location,
      String reason) {
    Tx tx = scope.writable("DrmVolumes.recordHistory");
    tx.db().update("INSERT INTO drm_history (volume, time, admin, process, from_state, to_state, location, reason)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", volume, tx.now(), tx.origin().admin(), tx.origin().process(), from, to,
        location, reason);
  }

  /** The history of one volume, oldest first. */
  public List<History> history(String volume) {
    return scope.db().query("SELECT id, volume, time, admin, process, from_state, to_state, location, reason"
        + " FROM drm_history WHERE volume = ? ORDER BY id", DrmVolumes::mapHistory, volume);
  }

  public long historyCount() {
    return scope.db().queryLong("SELECT count(*) FROM drm_history");
  }

  /** The changed settings: name to canonical SET command, in the order they were first set. */
  public Map<String, String> settings() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String[] r : scope.db().query("SELECT name, command FROM drm_setting ORDER BY rowid",
        r -> new String[] {r.string("name"), r.string("command")})) {
      out.put(r[0], r[1]);
    }
    return out;
  }

  public void putSetting(String name, String command) {
    Tx tx = scope.writable("DrmVolumes.putSetting");
    tx.db().update("INSERT INTO drm_setting (name, command, updated) VALUES (?, ?, ?) ON CONFLICT (name)"
        + " DO UPDATE SET command = excluded.command, updated = excluded.updated", name, command, tx.now());
  }

  private static Row map(Db.Row r) throws SQLException {
    return new Row(r.string("name"), r.string("state"), r.optString("location"), r.optString("library"),
        r.string("voltype"), r.optString("stgpool"), r.instant("updated"), r.string("definition"));
  }

  private static History mapHistory(Db.Row r) throws SQLException {
    return new History(r.longValue("id"), r.string("volume"), r.instant("time"), r.optString("admin"),
        r.optLong("process"), r.optString("from_state"), r.string("to_state"), r.optString("location"),
        r.string("reason"));
  }
}
