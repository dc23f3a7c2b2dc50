package org.vaultline.appliance.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdNotifyTest {

  @Test
  void readyStatusWatchdogAndStoppingArriveOnAFilesystemSocket(@TempDir Path dir) throws Exception {
    String path = dir.resolve("notify").toString();
    try (DatagramListener systemd = new DatagramListener(path)) {
      SdNotify n = SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", path));
      assertThat(n.enabled()).isTrue();
      n.status("Inventorying LIB1\n(2 of 3)");
      n.ready();
      n.watchdog();
      n.stopping();
      n.send("READY=1", "STATUS=Serving");
      assertThat(systemd.poll()).contains("STATUS=Inventorying LIB1 (2 of 3)");
      assertThat(systemd.poll()).contains("READY=1");
      assertThat(systemd.poll()).contains("WATCHDOG=1");
      assertThat(systemd.poll()).contains("STOPPING=1");
      assertThat(systemd.poll()).contains("READY=1\nSTATUS=Serving");
      assertThat(systemd.poll()).isEmpty();
    }
  }

  @Test
  void anAbstractNamespaceSocketIsReachedWithTheAtSign() throws Exception {
    String name = "@vaultline-test-" + Long.toHexString(new Random().nextLong());
    try (DatagramListener systemd = new DatagramListener(name)) {
      SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", name)).ready();
      assertThat(systemd.poll()).contains("READY=1");
    }
  }

  @Test
  void withoutNotifySocketNothingIsSentAndNothingFails() throws Exception {
    SdNotify n = SdNotify.fromEnvironment(Map.of());
    assertThat(n.enabled()).isFalse();
    n.ready();
    n.watchdog();
    assertThat(SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", "")).enabled()).isFalse();
  }

  @Test
  void aSocketNobodyListensOnIsAnIoExceptionWithTheErrno(@TempDir Path dir) {
    assertThatThrownBy(() -> SdNotify.to(dir.resolve("nobody").toString()).ready())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("sendto")
        .hasMessageContaining("errno 2"); // ENOENT
  }

  @Test
  void aPathTooLongForSockaddrUnIsRefused() {
    assertThatThrownBy(() -> SdNotify.to("/" + "x".repeat(107)).ready())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
