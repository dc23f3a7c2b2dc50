package org.vaultline.library.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The activity log: written with {@link Tx#log}, read with QUERY ACTLOG. */
public final class ActivityLog {
  private static final String COLUMNS = "id, time, msg_number, severity, text, admin, process";

  private final Reads scope;

  ActivityLog(Reads scope) {
    this.scope = scope;
  }

  /**
   * QUERY ACTLOG: entries matching every filter of {@code q}, in time order (entries with the same time
   * in the order they were written).
   */
  public List<ActivityLogEntry> query(ActlogQuery q) {
    return scope.db().query("SELECT " + COLUMNS + " FROM activity_log"
        + " WHERE (?1 IS NULL OR time >= ?1) AND (?2 IS NULL OR time <= ?2)"
        + " AND (?3 IS NULL OR msg_number = ?3)"
        + " AND (?4 IS NULL OR upper(printf('VLN%04d%s ', msg_number, severity) || text) GLOB ?4)"
        + " ORDER BY time, id LIMIT ?5", ActivityLog::map,
        q.begin(), q.end(), q.messageNumber(), q.search().map(Glob::containing), q.limit());
  }

  /** The latest {@code limit} entries, oldest first. */
  public List<ActivityLogEntry> latest(int limit) {
    return scope.db().query("SELECT * FROM (SELECT " + COLUMNS + " FROM activity_log ORDER BY time DESC, id DESC"
        + " LIMIT ?) ORDER BY time, id", ActivityLog::map, limit);
  }

  public long count() {
    return scope.db().queryLong("SELECT count(*) FROM activity_log");
  }

  /**
   * Removes entries older than {@code before} (activity log retention) and logs that it did.
   *
   * @return how many were removed
   */
  public int prune(Instant before) {
    Tx tx = scope.writable("ActivityLog.prune");
    int n = tx.db().update("DELETE FROM activity_log WHERE time < ?", before);
    tx.log(Messages.ACTLOG_PRUNED, n, before);
    return n;
  }

  private static ActivityLogEntry map(Db.Row r) throws SQLException {
    MessageId id = new MessageId(r.intValue("msg_number"), Severity.ofLetter(r.string("severity").charAt(0)));
    return new ActivityLogEntry(r.longValue("id"), r.instant("time"), new Message(id, r.string("text")),
        r.optString("admin"), r.optLong("process"));
  }
}
