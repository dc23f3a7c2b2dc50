package org.vaultline.library.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Operator requests. A request leaves {@link RequestState#RAISED} once; the transition methods return
 * false when it already had (a REPLY racing the library's own detection is normal, not an error).
 */
public final class OperatorRequests {
  private static final String COLUMNS = "number, library, kind, text, volume, state, process, raised, expires,"
      + " resolved, resolved_by, reply";

  private final Reads scope;

  OperatorRequests(Reads scope) {
    this.scope = scope;
  }

  /** Raises a request, numbered after every earlier one, with the transaction's process. */
  public OperatorRequest raise(Optional<String> library, RequestKind kind, String text, Optional<String> volume,
      Optional<Instant> expires) {
    Tx tx = scope.writable("OperatorRequests.raise");
    long number = tx.db().queryLong("INSERT INTO operator_request (library, kind, text, volume, state, process,"
        + " raised, expires) VALUES (?, ?, ?, ?, 'RAISED', ?, ?, ?) RETURNING number", library, kind, text, volume,
        tx.origin().process(), tx.now(), expires);
    return find(number).orElseThrow();
  }

  /** REPLY n [text], by the transaction's administrator. */
  public boolean answer(long number, Optional<String> reply) {
    return resolve(number, RequestState.ANSWERED, reply);
  }

  /** CANCEL REQUEST n (by the transaction's administrator), or the server giving up (wait time over). */
  public boolean cancel(long number, Optional<String> why) {
    return resolve(number, RequestState.CANCELLED, why);
  }

  /** The library shows the condition met; {@code how} is recorded as the reply. */
  public boolean satisfy(long number, String how) {
    return resolve(number, RequestState.SATISFIED, Optional.of(how));
  }

  private boolean resolve(long number, RequestState state, Optional<String> reply) {
    Tx tx = scope.writable("OperatorRequests." + state.name().toLowerCase(java.util.Locale.ROOT));
    return tx.db().update("UPDATE operator_request SET state = ?, resolved = ?, resolved_by = ?, reply = ?"
        + " WHERE number = ? AND state = 'RAISED'", state, tx.now(), tx.origin().admin(), reply, number) == 1;
  }

  public Optional<OperatorRequest> find(long number) {
    return scope.db().queryOne("SELECT " + COLUMNS + " FROM operator_request WHERE number = ?",
        OperatorRequests::map, number);
  }

  /** QUERY REQUEST: the requests waiting for an operator, by number. */
  public List<OperatorRequest> outstanding() {
    return scope.db().query("SELECT " + COLUMNS + " FROM operator_request WHERE state = 'RAISED' ORDER BY number",
        OperatorRequests::map);
  }

  /** The requests waiting for an operator at one library. */
  public List<OperatorRequest> outstanding(String library) {
    return scope.db().query("SELECT " + COLUMNS + " FROM operator_request WHERE state = 'RAISED' AND library = ?"
        + " ORDER BY number", OperatorRequests::map, library);
  }

  /** Outstanding requests whose wait time has passed at {@code now}. */
  public List<OperatorRequest> expired(Instant now) {
    return scope.db().query("SELECT " + COLUMNS + " FROM operator_request WHERE state = 'RAISED' AND expires <= ?"
        + " ORDER BY number", OperatorRequests::map, now);
  }

  private static OperatorRequest map(Db.Row r) throws SQLException {
    return new OperatorRequest(r.longValue("number"), r.optString("library"), r.enumValue(RequestKind.class, "kind"),
        r.string("text"), r.optString("volume"), r.enumValue(RequestState.class, "state"), r.optLong("process"),
        r.instant("raised"), r.optInstant("expires"), r.optInstant("resolved"), r.optString("resolved_by"),
        r.optString("reply"));
  }
}
