package org.vaultline.appliance.systemd;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The systemd watchdog (sd_watchdog_enabled(3)): with {@code WatchdogSec=} systemd sets {@code WATCHDOG_USEC}
 * (and {@code WATCHDOG_PID}, the process meant); the service sends {@code WATCHDOG=1} more often than that —
 * at half the interval, as systemd recommends — or is killed.
 *
 * @param interval the time after which systemd considers the service hung
 */
public record Watchdog(Duration interval) {
  public Watchdog {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("a watchdog interval is positive");
    }
  }

  /** The watchdog asked for by the environment of process {@code pid}; empty when none, or meant for another. */
  public static Optional<Watchdog> fromEnvironment(Map<String, String> env, long pid) {
    String usec = env.get("WATCHDOG_USEC");
    if (usec == null) {
      return Optional.empty();
    }
    String forPid = env.get("WATCHDOG_PID");
    try {
      if (forPid != null && Long.parseLong(forPid.trim()) != pid) {
        return Optional.empty();
      }
      long us = Long.parseLong(usec.trim());
      return us > 0 ? Optional.of(new Watchdog(Duration.ofNanos(Math.multiplyExact(us, 1000L)))) : Optional.empty();
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  /** For this process. */
  public static Optional<Watchdog> fromEnvironment() {
    return fromEnvironment(System.getenv(), ProcessHandle.current().pid());
  }

  /** How often to send WATCHDOG=1: half the interval. */
  public Duration pingInterval() {
    return interval.dividedBy(2);
  }
}
