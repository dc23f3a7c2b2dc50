package org.vaultline.emulator;

import java.time.Duration;
import java.time.Instant;

/**
 * The emulator's sense of time: robot moves, inventories and drive loads take time on it. Tests use
 * {@link VirtualClock}, on which waiting costs nothing; the demo uses {@link #system()}.
 */
public interface EmulatorClock {

  Instant now();

  /** Waits until {@code instant}; returns at once when it has passed. */
  void sleepUntil(Instant instant) throws InterruptedException;

  default void sleep(Duration d) throws InterruptedException {
    sleepUntil(now().plus(d));
  }

  /** Wall-clock time; waiting really waits. */
  static EmulatorClock system() {
    return SystemClock.INSTANCE;
  }

  /** Wall-clock implementation. */
  final class SystemClock implements EmulatorClock {
    static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {
    }

    @Override
    public Instant now() {
      return Instant.now();
    }

    @Override
    public void sleepUntil(Instant instant) throws InterruptedException {
      long millis = Duration.between(Instant.now(), instant).toMillis();
      if (millis > 0) {
        Thread.sleep(millis);
      }
    }
  }
}
