package org.vaultline.appliance.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.appliance.daemon.DaemonFixture;

/** The daemon tells systemd (Type=notify, WatchdogSec) about its start, its health and its stop. */
class DaemonNotifyTest {
  @TempDir Path dir;

  private static List<String> drain(DatagramListener l) {
    List<String> out = new ArrayList<>();
    for (Optional<String> m = l.poll(); m.isPresent(); m = l.poll()) {
      out.add(m.get());
    }
    return out;
  }

  @Test
  void theDaemonSendsReadyWhenServingWatchdogPingsAndStoppingOnStop() throws Exception {
    String socket = dir.resolve("notify").toString();
    try (DatagramListener systemd = new DatagramListener(socket)) {
      DaemonFixture f = new DaemonFixture(dir, Map.of("NOTIFY_SOCKET", socket, "WATCHDOG_USEC", "200000",
          "WATCHDOG_PID", Long.toString(ProcessHandle.current().pid())));
      List<String> got = new ArrayList<>();
      try {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (got.stream().filter("WATCHDOG=1"::equals).count() < 2 && System.nanoTime() < deadline) {
          got.addAll(drain(systemd));
          Thread.sleep(20);
        }
      } finally {
        f.close();
      }
      got.addAll(drain(systemd));
      assertThat(got).anyMatch(m -> m.startsWith("READY=1\nSTATUS=Serving on http://127.0.0.1:"));
      assertThat(got.stream().filter("WATCHDOG=1"::equals).count()).isGreaterThanOrEqualTo(2);
      assertThat(got).contains("STOPPING=1");
      assertThat(got.indexOf("STOPPING=1")).isGreaterThan(got.indexOf(got.stream()
          .filter(m -> m.startsWith("READY=1")).findFirst().orElseThrow()));
    }
  }
}
