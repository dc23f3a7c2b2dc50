package org.vaultline.appliance.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WatchdogTest {

  @Test
  void watchdogUsecGivesTheIntervalAndPingsComeAtHalfOfIt() {
    Watchdog w = Watchdog.fromEnvironment(Map.of("WATCHDOG_USEC", "60000000"), 42).orElseThrow();
    assertThat(w.interval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(w.pingInterval()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aWatchdogMeantForAnotherProcessIsNotOurs() {
    assertThat(Watchdog.fromEnvironment(Map.of("WATCHDOG_USEC", "1000000", "WATCHDOG_PID", "7"), 42)).isEmpty();
    assertThat(Watchdog.fromEnvironment(Map.of("WATCHDOG_USEC", "1000000", "WATCHDOG_PID", "42"), 42)).isPresent();
  }

  @Test
  void noOrBadWatchdogUsecMeansNoWatchdog() {
    assertThat(Watchdog.fromEnvironment(Map.of(), 1)).isEmpty();
    assertThat(Watchdog.fromEnvironment(Map.of("WATCHDOG_USEC", "0"), 1)).isEmpty();
    assertThat(Watchdog.fromEnvironment(Map.of("WATCHDOG_USEC", "soon"), 1)).isEmpty();
  }
}
