package org.vaultline.library.store;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.vaultline.scsi.smc.ElementAddress;

/**
 * Robot moves for crash safety. The sequence is: {@link #intend} and commit; send MOVE MEDIUM; then
 * {@link #done} or {@link #failed} in the transaction that records the move's effect (new element
 * snapshot, volume home). At start-up every {@link #unfinished()} move is settled from a fresh element
 * status with {@link #resolved}: the cartridge is where the library says it is.
 */
public final class Moves {
  private static final String COLUMNS = "id, library, volume, source, destination, transport, purpose, state,"
      + " process, intended, finished, outcome, found_at";

  private final Reads scope;

  Moves(Reads scope) {
    this.scope = scope;
  }

  /** Records a move about to be made, with the transaction's process. */
  public Move intend(MoveIntent m) {
    Tx tx = scope.writable("Moves.intend");
    long id = tx.db().queryLong(
        "INSERT INTO move (library, volume, source, destination, transport, purpose, state, process, intended)"
            + " VALUES (?, ?, ?, ?, ?, ?, 'INTENDED', ?, ?) RETURNING id",
        m.library(), m.volume(), m.source(), m.destination(), m.transport(), m.purpose(), tx.origin().process(),
        tx.now());
    return find(id).orElseThrow();
  }

  /** The library did the move. @throws IllegalStateException unless the move is INTENDED */
  public Move done(long id) {
    return finish(id, MoveState.DONE, Optional.empty(), Optional.empty());
  }

  /** The move failed; {@code reason} says how (sense data, timeout). @throws IllegalStateException unless INTENDED */
  public Move failed(long id, String reason) {
    return finish(id, MoveState.FAILED, Optional.of(reason), Optional.empty());
  }

  /**
   * Start-up recovery settled an unfinished move: the cartridge was found at {@code foundAt} (empty:
   * nowhere in the library), and {@code how} says what that meant.
   *
   * @throws IllegalStateException unless the move is INTENDED
   */
  public Move resolved(long id, Optional<ElementAddress> foundAt, String how) {
    return finish(id, MoveState.RESOLVED, Optional.of(how), foundAt);
  }

  private Move finish(long id, MoveState state, Optional<String> outcome, Optional<ElementAddress> foundAt) {
    Tx tx = scope.writable("Moves." + state.name().toLowerCase(java.util.Locale.ROOT));
    int n = tx.db().update("UPDATE move SET state = ?, finished = ?, outcome = ?, found_at = ?"
        + " WHERE id = ? AND state = 'INTENDED'", state, tx.now(), outcome, foundAt, id);
    if (n != 1) {
      throw new IllegalStateException("move " + id + " is not INTENDED: "
          + find(id).map(m -> m.state().name()).orElse("no such move"));
    }
    return find(id).orElseThrow();
  }

  public Optional<Move> find(long id) {
    return scope.db().queryOne("SELECT " + COLUMNS + " FROM move WHERE id = ?", Moves::map, id);
  }

  /** Every INTENDED move, oldest first. */
  public List<Move> unfinished() {
    return scope.db().query("SELECT " + COLUMNS + " FROM move WHERE state = 'INTENDED' ORDER BY id", Moves::map);
  }

  /** The library's INTENDED moves, oldest first. */
  public List<Move> unfinished(String library) {
    return scope.db().query("SELECT " + COLUMNS + " FROM move WHERE state = 'INTENDED' AND library = ? ORDER BY id",
        Moves::map, library);
  }

  /** The library's latest {@code limit} moves, newest first. */
  public List<Move> recent(String library, int limit) {
    return scope.db().query("SELECT " + COLUMNS + " FROM move WHERE library = ? ORDER BY id DESC LIMIT ?", Moves::map,
        library, limit);
  }

  private static Move map(Db.Row r) throws SQLException {
    return new Move(r.longValue("id"), r.string("library"), r.optString("volume"), r.element("source"),
        r.element("destination"), r.optElement("transport"), r.enumValue(MovePurpose.class, "purpose"),
        r.enumValue(MoveState.class, "state"), r.optLong("process"), r.instant("intended"),
        r.optInstant("finished"), r.optString("outcome"), r.optElement("found_at"));
  }
}
