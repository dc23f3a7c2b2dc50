package org.vaultline.appliance.auth;

import java.time.Duration;
import java.util.Objects;

/** After {@code maxFailures} consecutive failed logins an administrator is locked out for {@code duration}. */
public record LockoutPolicy(int maxFailures, Duration duration) {
  public LockoutPolicy {
    Objects.requireNonNull(duration, "duration");
    if (maxFailures < 1 || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("maxFailures >= 1 and a positive duration");
    }
  }

  /** 5 failures, 15 minutes. */
  public static LockoutPolicy defaults() {
    return new LockoutPolicy(5, Duration.ofMinutes(15));
  }
}
