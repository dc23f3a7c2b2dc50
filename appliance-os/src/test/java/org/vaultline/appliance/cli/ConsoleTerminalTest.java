package org.vaultline.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console at a real terminal: {@code vaultline} in a child JVM on a pseudo-terminal made by util-linux
 * {@code script}, so JLine edits the lines, the prompt shows, and the history file is written.
 */
class ConsoleTerminalTest {
  @TempDir
  Path home;

  FakeAdminServer server;
  Process process;
  final ByteArrayOutputStream output = new ByteArrayOutputStream();

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script makes the pseudo-terminal");
    server = new FakeAdminServer("ADMIN", "secret");
  }

  @AfterEach
  void stop() throws Exception {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.close();
    }
  }

  private void launch() throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    String command = "'" + java + "' org.vaultline.appliance.cli.VaultlineCli --server " + server.url() + " --id admin";
    ProcessBuilder pb = new ProcessBuilder("/usr/bin/script", "-qefc", command, "/dev/null").redirectErrorStream(true);
    pb.environment().put("CLASSPATH", System.getProperty("java.class.path"));
    pb.environment().put("VAULTLINE_PASSWORD", "secret");
    pb.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    pb.environment().put("TERM", "xterm");
    process = pb.start();
    Thread reader = new Thread(() -> {
      try (InputStream in = process.getInputStream()) {
        byte[] buf = new byte[4096];
        int n;
        while ((n = in.read(buf)) > 0) {
          synchronized (output) {
            output.write(buf, 0, n);
          }
        }
      } catch (IOException e) {
        // the process ended
      }
    }, "pty-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private String output() {
    synchronized (output) {
      return output.toString(StandardCharsets.UTF_8);
    }
  }

  /** Waits until the output holds {@code text} {@code times} times (a condition, not a timing assertion). */
  private void awaitOutput(String text, int times, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (count(output(), text) < times && System.nanoTime() < deadline && process.isAlive()) {
      TimeUnit.MILLISECONDS.sleep(50);
    }
    assertThat(count(output(), text)).as("output so far: %s", output()).isGreaterThanOrEqualTo(times);
  }

  private static int count(String s, String text) {
    int n = 0;
    for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void atATerminalTheConsolePromptsCompletesAndKeepsAPrivateHistory() throws Exception {
    launch();
    OutputStream keys = process.getOutputStream();
    awaitOutput(ConsoleCommand.PROMPT, 1, Duration.ofSeconds(60));
    keys.write("q drm\r".getBytes(StandardCharsets.US_ASCII));
    keys.flush();
    awaitOutput(ConsoleCommand.PROMPT, 2, Duration.ofSeconds(30));
    keys.write("\u001bOA\r".getBytes(StandardCharsets.US_ASCII)); // up arrow: the previous line again
    keys.flush();
    awaitOutput(ConsoleCommand.PROMPT, 3, Duration.ofSeconds(30));
    keys.write("checki libvolume LIB1 sea\t".getBytes(StandardCharsets.US_ASCII)); // completion from the model
    keys.flush();
    awaitOutput("SEARCH", 1, Duration.ofSeconds(30));
    keys.write("=bulk stat=scratch\r".getBytes(StandardCharsets.US_ASCII));
    keys.flush();
    awaitOutput(ConsoleCommand.PROMPT, 4, Duration.ofSeconds(30));
    keys.write("quit\r".getBytes(StandardCharsets.US_ASCII));
    keys.flush();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output()).isZero();
    assertThat(server.commands()).hasSize(3).startsWith("q drm", "q drm");
    assertThat(server.commands().get(2)).matches("checki libvolume LIB1 SEARCH ?=bulk stat=scratch");
    assertThat(output()).contains("Session established with server TESTAPP").contains("A00017L6       MOUNTABLE");
    Path history = home.resolve(".config/vaultline/history");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(history))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(history.getParent())))
        .isEqualTo("rwx------");
    assertThat(Files.readString(history)).contains(":q drm").contains(":quit");
  }
}
