package org.vaultline.scsi.transport;

import java.time.Duration;
import org.vaultline.scsi.sense.ScsiException;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;

/**
 * Waits and repeats while a device reports a NOT READY that passes by itself: 2/04/01 becoming ready
 * (backoff doubling from one second), and IBM's 2/04/85 library paused, which lasts while an operator
 * has a door open, so it is retried slowly for up to half an hour. Other NOT READY causes (3A/00 medium
 * not present, 04/8E sequential mode, 04/02 initializing command required) are returned at once.
 */
public final class NotReadyRetry implements Interceptor {
  private final Sleeper sleeper;
  private final Duration becomingReadyLimit;
  private final Duration pausedInterval;
  private final Duration pausedLimit;

  public NotReadyRetry(Sleeper sleeper, Duration becomingReadyLimit, Duration pausedInterval,
                       Duration pausedLimit) {
    this.sleeper = sleeper;
    this.becomingReadyLimit = becomingReadyLimit;
    this.pausedInterval = pausedInterval;
    this.pausedLimit = pausedLimit;
  }

  /** Becoming ready: up to 5 minutes; IBM paused: every 60 s for up to 30 minutes. */
  public static NotReadyRetry withDefaults(Sleeper sleeper) {
    return new NotReadyRetry(sleeper, Duration.ofMinutes(5), Duration.ofSeconds(60), Duration.ofMinutes(30));
  }

  @Override
  public ScsiResult intercept(Chain chain) throws ScsiException {
    ScsiResult result = chain.proceed(chain.request());
    Duration waited = Duration.ZERO;
    Duration backoff = Duration.ofSeconds(1);
    while (result.isCheckCondition() && !result.sense().isEmpty()) {
      Sense sense = ScsiExecutor.senseOf(chain.request().name(), result);
      Duration pause;
      if (sense.is(SenseKey.NOT_READY, 0x04, 0x01)) {
        if (waited.compareTo(becomingReadyLimit) >= 0) {
          break;
        }
        pause = backoff;
        backoff = min(backoff.multipliedBy(2), Duration.ofSeconds(30));
      } else if (sense.is(SenseKey.NOT_READY, 0x04, 0x85)) {
        if (waited.compareTo(pausedLimit) >= 0) {
          break;
        }
        pause = pausedInterval;
      } else {
        break;
      }
      sleeper.sleep(pause);
      waited = waited.plus(pause);
      result = chain.proceed(chain.request());
    }
    return result;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
