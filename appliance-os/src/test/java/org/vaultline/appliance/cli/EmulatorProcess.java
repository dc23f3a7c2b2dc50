package org.vaultline.appliance.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code vaultline emulator} as a real child process (java -cp with the test class path), its standard
 * output collected, and its operator port used as a remote operator would.
 */
final class EmulatorProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  final Process process;
  private final List<String> output = new ArrayList<>();
  private boolean ended;
  final int port;
  final String iqn;
  final int operatorPort;

  private EmulatorProcess(Process process) throws Exception {
    this.process = process;
    Thread reader = new Thread(this::collect, "emulator stdout");
    reader.setDaemon(true);
    reader.start();
    String banner = awaitLine("VLN0351I", START_TIMEOUT);
    if (banner == null) {
      process.destroyForcibly();
      throw new IllegalStateException("the emulator did not start; output:\n" + output());
    }
    port = Integer.parseInt(find("^Portal: 127\\.0\\.0\\.1:(\\d+)$"));
    iqn = find("^IQN: (\\S+)$");
    String op = findOrNull("^Operator port: 127\\.0\\.0\\.1:(\\d+)$");
    operatorPort = op == null ? -1 : Integer.parseInt(op);
  }

  /** Starts {@code vaultline emulator ARGS} and waits for its banner. */
  static EmulatorProcess start(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(VaultlineCli.class.getName());
    cmd.add("emulator");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    return new EmulatorProcess(pb.start());
  }

  private void collect() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        synchronized (output) {
          output.add(line);
          output.notifyAll();
        }
      }
    } catch (IOException e) {
      // process gone
    } finally {
      synchronized (output) {
        ended = true;
        output.notifyAll();
      }
    }
  }

  /** Everything the process printed so far. */
  String output() {
    synchronized (output) {
      return String.join("\n", output) + "\n";
    }
  }

  /** Waits for a line starting with {@code prefix}; null on timeout. */
  String awaitLine(String prefix, Duration timeout) throws InterruptedException {
    Instant end = Instant.now().plus(timeout);
    synchronized (output) {
      while (true) {
        for (String l : output) {
          if (l.startsWith(prefix)) {
            return l;
          }
        }
        long left = Duration.between(Instant.now(), end).toMillis();
        if (left <= 0 || ended) {
          return null;
        }
        output.wait(left);
      }
    }
  }

  private String findOrNull(String regex) {
    Pattern p = Pattern.compile(regex);
    synchronized (output) {
      for (String l : output) {
        Matcher m = p.matcher(l);
        if (m.find()) {
          return m.group(1);
        }
      }
    }
    return null;
  }

  private String find(String regex) {
    String s = findOrNull(regex);
    if (s == null) {
      throw new IllegalStateException("no line matching " + regex + " in:\n" + output());
    }
    return s;
  }

  /** The URL of one LUN. */
  String url(int lun) {
    return "iscsi://127.0.0.1:" + port + "/" + iqn + "/" + lun;
  }

  /**
   * Sends operator commands over the operator port, one connection, and returns the reply lines of each
   * (up to and including the {@code OK} or {@code ERROR} line).
   */
  List<String> operator(String... commands) throws IOException {
    List<String> replies = new ArrayList<>();
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), operatorPort);
         BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
         Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8)) {
      s.setSoTimeout(30_000);
      for (String c : commands) {
        out.write(c + "\n");
        out.flush();
        StringBuilder reply = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
          reply.append(line).append('\n');
          if (line.equals("OK") || line.startsWith("ERROR")) {
            break;
          }
        }
        replies.add(reply.toString());
      }
    }
    return replies;
  }

  /**
   * SIGTERM, then waits for the exit status. Through the process handle: {@link Process#destroy()} also
   * closes our end of the output pipe, and the emulator's last words would be lost.
   */
  int terminate() throws InterruptedException {
    process.toHandle().destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the emulator did not stop on SIGTERM; output:\n" + output());
    }
    awaitEndOfOutput();
    return process.exitValue();
  }

  /** SIGKILL (kill -9): no chance to save anything. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(60, TimeUnit.SECONDS);
  }

  int waitForExit() throws InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the emulator did not stop; output:\n" + output());
    }
    awaitEndOfOutput();
    return process.exitValue();
  }

  private void awaitEndOfOutput() throws InterruptedException {
    awaitLine("VLN0352I", Duration.ofSeconds(5));
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
