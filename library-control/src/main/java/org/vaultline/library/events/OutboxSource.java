package org.vaultline.library.events;

import java.util.List;
import org.vaultline.library.store.Outbox;
import org.vaultline.library.store.OutboxEvent;

/**
 * What the {@link EventPublisher} drains: the store's transactional {@link Outbox} in production
 * ({@link #of(Outbox)}), anything with the same promises in tests. Promises: rows come in seq order; a
 * row with seq n is visible no later than one with seq n+1; marking is idempotent.
 */
public interface OutboxSource {
  /** Up to {@code limit} unpublished events with seq greater than {@code seq}, in seq order. */
  List<OutboxEvent> unpublishedAfter(long seq, int limit);

  /**
   * Events with seq in {@code [from, to]} still in the outbox, published or not, in seq order: what the
   * publisher sends again after a broker may have lost them.
   */
  List<OutboxEvent> range(long from, long to);

  /** Every unpublished event up to and including {@code seq} was acknowledged by the broker. */
  void markPublishedThrough(long seq);

  /** How many events wait to be published. */
  long unpublishedCount();

  /** The store's outbox. */
  static OutboxSource of(Outbox outbox) {
    return new StoreOutbox(outbox);
  }

  /** Adapter from the store's {@link Outbox}. */
  record StoreOutbox(Outbox outbox) implements OutboxSource {
    public StoreOutbox {
      java.util.Objects.requireNonNull(outbox, "outbox");
    }

    @Override
    public List<OutboxEvent> unpublishedAfter(long seq, int limit) {
      return outbox.unpublishedAfter(seq, limit);
    }

    @Override
    public List<OutboxEvent> range(long from, long to) {
      return outbox.range(from, to);
    }

    @Override
    public void markPublishedThrough(long seq) {
      outbox.markPublishedThrough(seq);
    }

    @Override
    public long unpublishedCount() {
      return outbox.status().unpublished();
    }
  }
}
