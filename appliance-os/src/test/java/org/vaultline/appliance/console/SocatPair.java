package org.vaultline.appliance.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A null-modem cable made of two pseudo-terminals joined by socat: {@code socat -d -d pty,raw,echo=0,link=A
 * pty,raw,echo=0,link=B}. The /dev/pts/N of each end is read from socat's stderr ("PTY is /dev/pts/N"); the links
 * keep the same names across a re-plug. {@link #close()} kills socat by its PID: the cable is pulled out.
 */
final class SocatPair {
  private static final Pattern PTY = Pattern.compile("PTY is (/dev/pts/\\d+)");
  private final Process socat;
  final String consoleEnd;
  final String laptopEnd;

  SocatPair(Path consoleLink, Path laptopLink) throws Exception {
    socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + consoleLink,
        "pty,raw,echo=0,link=" + laptopLink).redirectErrorStream(false).start();
    CompletableFuture<List<String>> ptys = CompletableFuture.supplyAsync(() -> {
      List<String> found = new ArrayList<>();
      try {
        BufferedReader err =
            new BufferedReader(new InputStreamReader(socat.getErrorStream(), StandardCharsets.UTF_8));
        String line;
        while (found.size() < 2 && (line = err.readLine()) != null) {
          Matcher m = PTY.matcher(line);
          if (m.find()) {
            found.add(m.group(1));
          }
        }
        // keep draining so socat never blocks on a full stderr pipe
        Thread drain = new Thread(() -> {
          try {
            while (err.readLine() != null) {
              // discard
            }
          } catch (IOException ignored) {
            // socat exited
          }
        }, "socat-stderr");
        drain.setDaemon(true);
        drain.start();
      } catch (IOException e) {
        throw new RuntimeException(e);
      }
      return found;
    });
    List<String> names = ptys.get(20, TimeUnit.SECONDS);
    if (names.size() != 2) {
      socat.destroy();
      throw new IllegalStateException("socat did not report two PTYs: " + names);
    }
    consoleEnd = names.get(0);
    laptopEnd = names.get(1);
    // socat prints "PTY is" before it has made the links and entered its transfer loop
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!(consoleLink.toFile().exists() && laptopLink.toFile().exists()) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  long pid() {
    return socat.pid();
  }

  /** Pulls the cable: socat is killed (SIGTERM to its PID) and both pseudo-terminals go away. */
  void close() throws InterruptedException {
    socat.destroy();
    if (!socat.waitFor(10, TimeUnit.SECONDS)) {
      socat.destroyForcibly();
      socat.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
