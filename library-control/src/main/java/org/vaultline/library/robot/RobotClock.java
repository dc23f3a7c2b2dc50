package org.vaultline.library.robot;

import java.time.Duration;
import java.time.Instant;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.transport.Sleeper;

/**
 * The robot's sense of time: deadlines and the pauses between status polls. Production uses
 * {@link #system()}; tests pass the emulator's virtual clock, on which waiting costs nothing.
 */
public interface RobotClock {

  Instant now();

  /** Waits {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /** Wall-clock time; sleeping really sleeps. */
  static RobotClock system() {
    return new RobotClock() {
      @Override
      public Instant now() {
        return Instant.now();
      }

      @Override
      public void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(Math.max(0, duration.toMillis()));
      }
    };
  }

  /** This clock as the executor's retry {@link Sleeper}, so that retries and polls share one time. */
  default Sleeper sleeper() {
    return d -> {
      try {
        sleep(d);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TransportException("interrupted while waiting to retry", e);
      }
    };
  }
}
