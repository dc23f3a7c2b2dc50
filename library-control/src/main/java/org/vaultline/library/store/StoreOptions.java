package org.vaultline.library.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Store} is opened.
 *
 * @param clock where every time written to the store comes from (tests pass a fixed or stepping clock)
 * @param busyTimeout how long SQLite waits for another connection's lock before reporting SQLITE_BUSY
 * @param busyAttempts how many times a transaction is run when it keeps meeting SQLITE_BUSY
 * @param outboxLimits bounds of the event outbox
 */
public record StoreOptions(Clock clock, Duration busyTimeout, int busyAttempts, OutboxLimits outboxLimits) {
  public static final StoreOptions DEFAULT =
      new StoreOptions(Clock.systemUTC(), Duration.ofSeconds(5), 5, OutboxLimits.DEFAULT);

  public StoreOptions {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(busyTimeout, "busyTimeout");
    Objects.requireNonNull(outboxLimits, "outboxLimits");
    if (busyAttempts < 1) {
      throw new IllegalArgumentException("busyAttempts must be at least 1: " + busyAttempts);
    }
    if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("busyTimeout out of range: " + busyTimeout);
    }
  }

  public StoreOptions withClock(Clock clock) {
    return new StoreOptions(clock, busyTimeout, busyAttempts, outboxLimits);
  }

  public StoreOptions withBusyTimeout(Duration busyTimeout) {
    return new StoreOptions(clock, busyTimeout, busyAttempts, outboxLimits);
  }

  public StoreOptions withBusyAttempts(int busyAttempts) {
    return new StoreOptions(clock, busyTimeout, busyAttempts, outboxLimits);
  }

  public StoreOptions withOutboxLimits(OutboxLimits outboxLimits) {
    return new StoreOptions(clock, busyTimeout, busyAttempts, outboxLimits);
  }
}
