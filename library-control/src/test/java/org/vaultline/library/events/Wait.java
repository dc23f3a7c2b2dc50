package org.vaultline.library.events;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Waiting for a condition (never a timing assertion: the timeout only keeps a broken test from hanging). */
final class Wait {
  private Wait() {}

  static boolean until(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  /** Settings for tests: quick retries, short timeouts, the same appliance name everywhere. */
  static MqttSettings settings(URI... brokers) {
    return MqttSettings.forAppliance("vl1", List.of(brokers))
        .withVersion("test")
        .withRetryDelays(Duration.ofMillis(200), Duration.ofSeconds(2))
        .withConnectTimeout(Duration.ofSeconds(5))
        .withKeepAlive(Duration.ofSeconds(5))
        .withFailbackInterval(Duration.ZERO);
  }
}
