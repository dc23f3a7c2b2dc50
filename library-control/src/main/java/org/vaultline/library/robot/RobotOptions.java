package org.vaultline.library.robot;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-operation limits of a {@link Robot} (REFERENCE §1.6, §1.7).
 *
 * @param moveTimeout one MOVE MEDIUM (SMC-3 A5h): 300 s
 * @param driveTimeout one REWIND or LOAD UNLOAD (SSC 01h, 1Bh): 1,020 s, the longest LTO load/unload
 * @param completionTimeout how long to poll element status for a move the library reported done too
 *     early (or whose outcome a transport failure hid) before giving up on it
 * @param pollInterval the first pause between status polls; it doubles up to {@code maxPollInterval}
 * @param maxPollInterval the longest pause between status polls
 * @param readyTimeout how long a mounted drive may take to become ready (TEST UNIT READY)
 * @param removalAttempts MOVE MEDIUM attempts out of a drive that answers 5/53/02 (unloading between)
 */
public record RobotOptions(Duration moveTimeout, Duration driveTimeout, Duration completionTimeout,
    Duration pollInterval, Duration maxPollInterval, Duration readyTimeout, int removalAttempts) {

  public static final RobotOptions DEFAULT = new RobotOptions(Duration.ofSeconds(300), Duration.ofSeconds(1020),
      Duration.ofSeconds(600), Duration.ofSeconds(1), Duration.ofSeconds(15), Duration.ofSeconds(1020), 3);

  public RobotOptions {
    for (Duration d : new Duration[] {moveTimeout, driveTimeout, completionTimeout, pollInterval, maxPollInterval,
        readyTimeout}) {
      Objects.requireNonNull(d, "duration");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("durations are positive: " + d);
      }
    }
    if (removalAttempts < 1) {
      throw new IllegalArgumentException("at least one attempt: " + removalAttempts);
    }
  }

  public RobotOptions withMoveTimeout(Duration d) {
    return new RobotOptions(d, driveTimeout, completionTimeout, pollInterval, maxPollInterval, readyTimeout,
        removalAttempts);
  }

  public RobotOptions withCompletionTimeout(Duration d) {
    return new RobotOptions(moveTimeout, driveTimeout, d, pollInterval, maxPollInterval, readyTimeout,
        removalAttempts);
  }

  public RobotOptions withReadyTimeout(Duration d) {
    return new RobotOptions(moveTimeout, driveTimeout, completionTimeout, pollInterval, maxPollInterval, d,
        removalAttempts);
  }

  public RobotOptions withRemovalAttempts(int n) {
    return new RobotOptions(moveTimeout, driveTimeout, completionTimeout, pollInterval, maxPollInterval, readyTimeout,
        n);
  }
}
