package org.vaultline.library.store;

import java.util.Objects;

/**
 * One write transaction of the {@link Store}: everything done through it commits together or not at all.
 * A transaction that changes anything must also write at least one activity-log row with {@link #log};
 * the store rolls back one that does not. Events for the MQTT publisher are written with {@link #event}
 * and become visible to it only when the transaction commits.
 */
public final class Tx extends Reads {
  private final Origin origin;
  private int logRows;
  private int events;

  Tx(Db db, java.time.Instant now, Origin origin) {
    super(db, now);
    this.origin = origin;
  }

  /** Who this transaction acts for; written with its activity-log rows, moves and requests. */
  public Origin origin() {
    return origin;
  }

  /** Writes an activity-log row at {@link #now()} with this transaction's origin. */
  public void log(Message message) {
    Objects.requireNonNull(message, "message");
    db().update("INSERT INTO activity_log (time, msg_number, severity, text, admin, process) VALUES (?, ?, ?, ?, ?, ?)",
        now(), message.id().number(), String.valueOf(message.severity().letter()), message.text(), origin.admin(),
        origin.process());
    logRows++;
  }

  /** {@code log(template.format(args))}. */
  public Message log(MessageTemplate template, Object... args) {
    Message m = template.format(args);
    log(m);
    return m;
  }

  /**
   * Appends an event to the outbox.
   *
   * @param payloadJson a JSON document (SQLite rejects anything else with a {@link ConflictException})
   * @return the event's seq, valid once the transaction commits
   */
  public long event(EventCategory category, String payloadJson) {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(payloadJson, "payloadJson");
    long seq = db().queryLong("INSERT INTO outbox (category, payload, created) VALUES (?, ?, ?) RETURNING seq",
        category, payloadJson, now());
    events++;
    return seq;
  }

  int logRows() {
    return logRows;
  }

  int events() {
    return events;
  }
}
