package org.vaultline.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VirtualClockTest {
  @Test
  void waitingJumpsTheClockAndNeverGoesBack() throws Exception {
    VirtualClock c = new VirtualClock();
    var t0 = c.now();
    c.sleep(Duration.ofMinutes(5));
    assertThat(c.now()).isEqualTo(t0.plus(Duration.ofMinutes(5)));
    c.sleepUntil(t0);
    assertThat(c.now()).isEqualTo(t0.plus(Duration.ofMinutes(5)));
    assertThatThrownBy(() -> c.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
  }
}
