package org.vaultline.library.store;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * The transactional outbox as the MQTT publisher sees it. Events are appended by {@link Tx#event} in the
 * transaction of the state change they describe; the publisher reads them in {@code seq} order, sends
 * them, and marks each published when the broker acknowledges it. A crash between sending and marking
 * sends the event again after restart: duplicates are possible, loss and reordering are not.
 *
 * <p>Because SQLite has one writer at a time and seq is assigned inside the writing transaction, a
 * reader never sees seq n+1 committed before seq n.
 */
public final class Outbox {
  private static final String COLUMNS = "seq, category, payload, created, published";

  private final Store store;
  private final OutboxLimits limits;
  /** Whether VLN0010W has been logged and VLN0012I not yet; guarded by the store's write lock. */
  private boolean warned;

  Outbox(Store store, OutboxLimits limits) {
    this.store = store;
    this.limits = limits;
  }

  public OutboxLimits limits() {
    return limits;
  }

  /** The oldest {@code limit} unpublished events, in seq order. */
  public List<OutboxEvent> unpublished(int limit) {
    return unpublishedAfter(0, limit);
  }

  /** Up to {@code limit} unpublished events with seq greater than {@code seq}, in seq order. */
  public List<OutboxEvent> unpublishedAfter(long seq, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    return store.read(r -> r.db().query("SELECT " + COLUMNS + " FROM outbox WHERE published IS NULL AND seq > ?"
        + " ORDER BY seq LIMIT ?", Outbox::map, seq, limit));
  }

  /** Every event with seq in {@code [from, to]}, published or not, still in the outbox. */
  public List<OutboxEvent> range(long from, long to) {
    return store.read(r -> r.db().query("SELECT " + COLUMNS + " FROM outbox WHERE seq BETWEEN ? AND ? ORDER BY seq",
        Outbox::map, from, to));
  }

  /** The broker acknowledged event {@code seq}; false when it was already marked or was discarded. */
  public boolean markPublished(long seq) {
    return store.bookkeeping(tx -> tx.db().update(
        "UPDATE outbox SET published = ? WHERE seq = ? AND published IS NULL", tx.now(), seq) == 1);
  }

  /** Marks every unpublished event up to and including {@code seq}; how many were marked. */
  public int markPublishedThrough(long seq) {
    return store.bookkeeping(tx -> tx.db().update(
        "UPDATE outbox SET published = ? WHERE seq <= ? AND published IS NULL", tx.now(), seq));
  }

  /** Counts and where the outbox stands against its limits. */
  public OutboxStatus status() {
    return store.read(r -> status(r.db(), r.now()));
  }

  /**
   * Keeps the outbox within its {@link OutboxLimits}; the daemon calls this periodically (every few
   * minutes is plenty). Removes published events older than {@code keepPublished}. When unpublished
   * events exceed {@code maxUnpublished} or {@code maxAge}, the oldest are discarded — with a
   * {@code VLN0011W} activity-log row, a discard record and an {@code events/alerts} event naming the
   * seq range. Crossing the warning fraction logs {@code VLN0010W} once; coming back logs
   * {@code VLN0012I}.
   *
   * @return the status afterwards
   */
  public OutboxStatus housekeep() {
    return store.bookkeeping(tx -> {
      Db db = tx.db();
      Instant now = tx.now();
      db.update("DELETE FROM outbox WHERE published IS NOT NULL AND published < ?", now.minus(limits.keepPublished()));
      long pending = db.queryLong("SELECT count(*) FROM outbox WHERE published IS NULL");
      long through = db.queryLong("SELECT coalesce(max(seq), 0) FROM outbox WHERE published IS NULL AND created < ?",
          now.minus(limits.maxAge()));
      if (pending > limits.maxUnpublished()) {
        // One more than the excess: the alert announcing the discard takes the freed place.
        through = Math.max(through, db.queryLong("SELECT seq FROM outbox WHERE published IS NULL ORDER BY seq"
            + " LIMIT 1 OFFSET ?", pending - limits.maxUnpublished()));
      }
      if (through > 0) {
        discard(tx, through);
      }
      OutboxStatus status = status(db, now);
      if (status.level() != OutboxStatus.Level.NORMAL && !warned) {
        tx.log(Messages.OUTBOX_HIGH, status.unpublished(), status.oldestUnpublishedSeq().orElse(0L),
            status.oldestUnpublishedCreated().map(Instant::toString).orElse("-"), limits.maxUnpublished(),
            limits.maxAge());
        Logger.warn("Event outbox holds {} unpublished events (limit {})", status.unpublished(),
            limits.maxUnpublished());
        warned = true;
      } else if (status.level() == OutboxStatus.Level.NORMAL && warned) {
        tx.log(Messages.OUTBOX_NORMAL, status.unpublished());
        warned = false;
      }
      return status;
    });
  }

  private void discard(Tx tx, long through) {
    Db db = tx.db();
    long[] s = db.queryOne("SELECT count(*), min(seq), max(seq), min(created), max(created) FROM outbox"
        + " WHERE published IS NULL AND seq <= ?", r -> new long[] {r.getLong(1), r.getLong(2), r.getLong(3),
            r.getLong(4), r.getLong(5)}, through).orElseThrow();
    String reason = limits.maxUnpublished() + " events or " + limits.maxAge();
    db.update("DELETE FROM outbox WHERE published IS NULL AND seq <= ?", through);
    db.update("INSERT INTO outbox_discard (first_seq, last_seq, count, oldest_created, newest_created, discarded,"
        + " reason) VALUES (?, ?, ?, ?, ?, ?, ?)", s[1], s[2], s[0], Instant.ofEpochMilli(s[3]),
        Instant.ofEpochMilli(s[4]), tx.now(), reason);
    Message m = tx.log(Messages.OUTBOX_DISCARDED, limits.maxUnpublished(), limits.maxAge(), s[0], s[1], s[2],
        Instant.ofEpochMilli(s[3]), Instant.ofEpochMilli(s[4]));
    tx.event(EventCategory.ALERTS, "{\"type\":\"outbox.discarded\",\"firstSeq\":" + s[1] + ",\"lastSeq\":" + s[2]
        + ",\"count\":" + s[0] + "}");
    Logger.warn(m.render());
  }

  private OutboxStatus status(Db db, Instant now) {
    long lastSeq = db.queryLong("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0)");
    long pending = db.queryLong("SELECT count(*) FROM outbox WHERE published IS NULL");
    Optional<long[]> oldest = db.queryOne("SELECT seq, created FROM outbox WHERE published IS NULL ORDER BY seq"
        + " LIMIT 1", r -> new long[] {r.getLong(1), r.getLong(2)});
    long published = db.queryLong("SELECT count(*) FROM outbox WHERE published IS NOT NULL");
    long discarded = db.queryLong("SELECT coalesce(sum(count), 0) FROM outbox_discard");
    Optional<Instant> oldestCreated = oldest.map(o -> Instant.ofEpochMilli(o[1]));
    Duration age = oldestCreated.map(t -> Duration.between(t, now)).orElse(Duration.ZERO);
    OutboxStatus.Level level;
    if (pending > limits.maxUnpublished() || age.compareTo(limits.maxAge()) > 0) {
      level = OutboxStatus.Level.OVER_LIMIT;
    } else if (pending >= limits.warnFraction() * limits.maxUnpublished()
        || age.toMillis() >= limits.warnFraction() * limits.maxAge().toMillis()) {
      level = OutboxStatus.Level.WARNING;
    } else {
      level = OutboxStatus.Level.NORMAL;
    }
    return new OutboxStatus(lastSeq, pending, oldest.map(o -> o[0]), oldestCreated, published, discarded, level);
  }

  private static OutboxEvent map(Db.Row r) throws SQLException {
    return new OutboxEvent(r.longValue("seq"), r.enumValue(EventCategory.class, "category"), r.string("payload"),
        r.instant("created"), r.optInstant("published"));
  }
}
