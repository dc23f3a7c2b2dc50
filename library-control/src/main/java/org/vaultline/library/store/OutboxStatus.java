package org.vaultline.library.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Counts of the event outbox, for QUERY commands, monitoring and the publisher.
 *
 * @param lastSeq the highest seq ever assigned (0 before the first event)
 * @param unpublished events waiting for the broker
 * @param oldestUnpublishedSeq the next event the publisher must send
 * @param oldestUnpublishedCreated when that event was written
 * @param published published events still kept
 * @param discarded unpublished events ever discarded because the outbox exceeded its limits
 * @param level where the outbox stands against its limits
 */
public record OutboxStatus(long lastSeq, long unpublished, Optional<Long> oldestUnpublishedSeq,
    Optional<Instant> oldestUnpublishedCreated, long published, long discarded, Level level) {
  public enum Level {
    /** Below the warning fraction of both limits. */
    NORMAL,
    /** Past the warning fraction of a limit. */
    WARNING,
    /** Past a limit: the next housekeeping discards the oldest unpublished events. */
    OVER_LIMIT
  }

  public OutboxStatus {
    Objects.requireNonNull(oldestUnpublishedSeq, "oldestUnpublishedSeq");
    Objects.requireNonNull(oldestUnpublishedCreated, "oldestUnpublishedCreated");
    Objects.requireNonNull(level, "level");
  }
}
