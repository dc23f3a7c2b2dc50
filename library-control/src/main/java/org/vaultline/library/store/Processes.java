package org.vaultline.library.store;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Numbered background processes (QUERY PROCESS, CANCEL PROCESS). */
public final class Processes {
  private static final String COLUMNS = "number, description, state, status, admin, cancel_requested, started, ended";

  private final Reads scope;

  Processes(Reads scope) {
    this.scope = scope;
  }

  /** Starts a process for the transaction's administrator; its number is after every earlier one. */
  public BackgroundProcess start(String description) {
    Tx tx = scope.writable("Processes.start");
    long number = tx.db().queryLong("INSERT INTO process (description, state, admin, started)"
        + " VALUES (?, 'RUNNING', ?, ?) RETURNING number", description, tx.origin().admin(), tx.now());
    return find(number).orElseThrow();
  }

  /** Sets the progress text of a running process; false when it is not running. */
  public boolean status(long number, String status) {
    return scope.writable("Processes.status").db()
        .update("UPDATE process SET status = ? WHERE number = ? AND state = 'RUNNING'", status, number) == 1;
  }

  /** CANCEL PROCESS: the process sees the flag and stops; false when it is not running. */
  public boolean requestCancel(long number) {
    return scope.writable("Processes.requestCancel").db()
        .update("UPDATE process SET cancel_requested = 1 WHERE number = ? AND state = 'RUNNING'", number) == 1;
  }

  /**
   * Ends a running process in {@code state}; false when it was not running.
   *
   * @throws IllegalArgumentException for {@link ProcessState#RUNNING}
   */
  public boolean finish(long number, ProcessState state) {
    if (state == ProcessState.RUNNING) {
      throw new IllegalArgumentException("a process ends in a final state, not RUNNING");
    }
    Tx tx = scope.writable("Processes.finish");
    return tx.db().update("UPDATE process SET state = ?, ended = ? WHERE number = ? AND state = 'RUNNING'", state,
        tx.now(), number) == 1;
  }

  /**
   * At start-up: every process still RUNNING belonged to the previous server run; they become
   * {@link ProcessState#INTERRUPTED}.
   *
   * @return the processes as they were before (for the activity log)
   */
  public List<BackgroundProcess> interruptRunning() {
    Tx tx = scope.writable("Processes.interruptRunning");
    List<BackgroundProcess> running = running();
    tx.db().update("UPDATE process SET state = 'INTERRUPTED', ended = ? WHERE state = 'RUNNING'", tx.now());
    return running;
  }

  public Optional<BackgroundProcess> find(long number) {
    return scope.db().queryOne("SELECT " + COLUMNS + " FROM process WHERE number = ?", Processes::map, number);
  }

  /** QUERY PROCESS: running processes by number. */
  public List<BackgroundProcess> running() {
    return scope.db().query("SELECT " + COLUMNS + " FROM process WHERE state = 'RUNNING' ORDER BY number",
        Processes::map);
  }

  private static BackgroundProcess map(Db.Row r) throws SQLException {
    return new BackgroundProcess(r.longValue("number"), r.string("description"),
        r.enumValue(ProcessState.class, "state"), r.string("status"), r.optString("admin"),
        r.bool("cancel_requested"), r.instant("started"), r.optInstant("ended"));
  }
}
