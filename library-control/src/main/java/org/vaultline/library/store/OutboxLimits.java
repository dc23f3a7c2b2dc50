package org.vaultline.library.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How much the event outbox may hold while the broker cannot be reached, and how long published events
 * are kept. Unpublished events are only ever removed by {@link Outbox#housekeep()} when a limit is
 * exceeded, and then with a {@code VLN0011W} warning in the activity log, a row in the discard record,
 * and an {@code events/alerts} event, so subscribers learn about the gap in {@code seq}.
 *
 * @param maxUnpublished most unpublished events kept
 * @param maxAge oldest unpublished event kept
 * @param warnFraction at this fraction of either limit a {@code VLN0010W} warning is logged (once per
 *     crossing)
 * @param keepPublished how long published events stay in the outbox (for diagnosis) before removal
 */
public record OutboxLimits(long maxUnpublished, Duration maxAge, double warnFraction, Duration keepPublished) {
  /** One million events or 30 days unpublished; warn at 80%; keep published events 7 days. */
  public static final OutboxLimits DEFAULT =
      new OutboxLimits(1_000_000, Duration.ofDays(30), 0.8, Duration.ofDays(7));

  public OutboxLimits {
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(keepPublished, "keepPublished");
    if (maxUnpublished < 1) {
      throw new IllegalArgumentException("maxUnpublished must be positive: " + maxUnpublished);
    }
    if (maxAge.isNegative() || maxAge.isZero() || keepPublished.isNegative()) {
      throw new IllegalArgumentException("limits must be positive: " + maxAge + ", " + keepPublished);
    }
    if (!(warnFraction > 0 && warnFraction <= 1)) {
      throw new IllegalArgumentException("warnFraction is in (0, 1]: " + warnFraction);
    }
  }
}
