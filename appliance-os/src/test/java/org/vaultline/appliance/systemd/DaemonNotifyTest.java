package org.vaultline.appliance.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.appliance.daemon.CommandServer;
import org.vaultline.appliance.daemon.DaemonFixture;
import org.vaultline.appliance.daemon.ServerCommandsServer;
import org.vaultline.library.control.CommandException;
import org.vaultline.library.control.CommandResult;
import org.vaultline.library.store.Message;
import org.vaultline.library.store.Origin;

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

  /**
   * A long first inventory must not run into TimeoutStartSec: while starting, the daemon sends EXTEND_TIMEOUT_USEC
   * again and again. Here the libraries' start waits until the listener has seen three of them.
   */
  @Test
  void whileTheLibrariesStartTheDaemonKeepsExtendingSystemdsStartTimeoutUntilReady() throws Exception {
    String socket = dir.resolve("notify").toString();
    try (DatagramListener systemd = new DatagramListener(socket)) {
      List<String> got = Collections.synchronizedList(new ArrayList<>());
      CountDownLatch extended = new CountDownLatch(3);
      Thread reader = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          for (String m : drain(systemd)) {
            got.add(m);
            if (m.startsWith("EXTEND_TIMEOUT_USEC=")) {
              extended.countDown();
            }
          }
          try {
            Thread.sleep(5);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "systemd");
      reader.start();
      DaemonFixture f = new DaemonFixture(dir, Map.of("NOTIFY_SOCKET", socket), p -> p
          .withStartExtension(Duration.ofMillis(300))
          .withServers((store, connector, options, zone) -> slowToStart(
              ServerCommandsServer.open(store, connector, options, zone), extended)));
      f.close();
      reader.interrupt();
      reader.join();
      got.addAll(drain(systemd));

      int ready = indexOf(got, "READY=1");
      assertThat(ready).as("%s", got).isPositive();
      List<String> before = got.subList(0, ready);
      assertThat(before.stream().filter(m -> m.startsWith("EXTEND_TIMEOUT_USEC=300000\n")).count())
          .as("%s", got).isGreaterThanOrEqualTo(3);
      assertThat(before).filteredOn(m -> m.startsWith("EXTEND_TIMEOUT_USEC="))
          .allMatch(m -> m.startsWith("EXTEND_TIMEOUT_USEC=300000\nSTATUS=Starting: "))
          .anyMatch(m -> m.endsWith("STATUS=Starting: starting the libraries"));
      assertThat(got).contains("STOPPING=1");
    }
  }

  private static int indexOf(List<String> messages, String prefix) {
    for (int i = 0; i < messages.size(); i++) {
      if (messages.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }

  /** {@code server} whose start waits for {@code go} first, as a start with a long inventory would take its time. */
  private static CommandServer slowToStart(CommandServer server, CountDownLatch go) {
    return new CommandServer() {
      @Override
      public List<Message> start(Origin origin) {
        try {
          if (!go.await(60, TimeUnit.SECONDS)) {
            throw new AssertionError("no EXTEND_TIMEOUT_USEC while starting");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return server.start(origin);
      }

      @Override
      public Described describe(String line) throws CommandException {
        return server.describe(line);
      }

      @Override
      public CommandResult execute(String line, Origin origin) throws CommandException {
        return server.execute(line, origin);
      }

      @Override
      public boolean quiesce(Duration timeout) {
        return server.quiesce(timeout);
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }
}
