package org.vaultline.emulator;

import java.time.Duration;
import java.time.Instant;

/**
 * A clock that moves only when told to or when someone waits on it: waiting until an instant jumps
 * the clock there at once. Tests get realistic robot timing without sleeping.
 */
public final class VirtualClock implements EmulatorClock {
  private Instant now;

  public VirtualClock() {
    this(Instant.parse("2024-01-01T00:00:00Z"));
  }

  public VirtualClock(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  @Override
  public synchronized void sleepUntil(Instant instant) {
    if (instant.isAfter(now)) {
      now = instant;
    }
  }

  /** Moves the clock forward by {@code d}. */
  public synchronized void advance(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("time does not run backwards: " + d);
    }
    now = now.plus(d);
  }
}
