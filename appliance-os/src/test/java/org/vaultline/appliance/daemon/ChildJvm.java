package org.vaultline.appliance.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child JVM on the test class path whose standard output and error go straight to a file: nothing in the test has
 * to keep reading a pipe, so the child can never block on a full one (64 KiB), and its last words after SIGTERM are
 * kept. ({@link Process#destroy()} closes the parent's end of the pipes right after sending the signal, so with a pipe
 * everything the child writes while stopping is lost; that is why the daemon's stop messages "stopped reaching the
 * test". Here {@link #terminate()} signals through the process handle, which closes nothing.)
 */
final class ChildJvm implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(90);

  final Process process;
  final Path output;

  private ChildJvm(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /** {@code java -cp <test class path> main args}, output (stdout and stderr) to {@code output}. */
  static ChildJvm start(Path output, Map<String, String> environment, Class<?> main, String... args)
      throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command(main, args)).redirectErrorStream(true)
        .redirectOutput(output.toFile());
    pb.environment().putAll(environment);
    return new ChildJvm(pb.start(), output);
  }

  /**
   * The same with standard output on a pipe that nobody reads: the child blocks in {@code write(2)} once the pipe
   * holds 64 KiB, unless it takes care not to.
   */
  static ChildJvm startUnread(Path stderr, Map<String, String> environment, Class<?> main, String... args)
      throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command(main, args)).redirectError(stderr.toFile());
    pb.environment().putAll(environment);
    return new ChildJvm(pb.start(), stderr);
  }

  private static List<String> command(Class<?> main, String... args) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), main.getName()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Everything written so far. */
  String output() throws IOException {
    return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
  }

  /** The first group of {@code regex} (or the whole line) in the first matching line, waiting up to {@link #WAIT}. */
  String await(String regex) throws IOException, InterruptedException {
    return await(output, regex);
  }

  /** The same on any file that only grows (a log file). */
  static String await(Path file, String regex) throws IOException, InterruptedException {
    Pattern p = Pattern.compile(regex, Pattern.MULTILINE);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
      Matcher m = p.matcher(text);
      if (m.find()) {
        return m.groupCount() > 0 ? m.group(1) : m.group();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no line matching " + regex + " in " + file + ":\n" + text);
      }
      Thread.sleep(50);
    }
  }

  /** Waits for the exit; false when still running after {@link #WAIT}. */
  boolean waitFor() throws InterruptedException {
    return process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  /** SIGTERM through the process handle (which, unlike {@link Process#destroy()}, leaves the pipes alone). */
  void terminate() {
    process.toHandle().destroy();
  }

  /** SIGSTOP / SIGCONT: the child stops answering anything, as a hung device would, and goes on again. */
  void pause(boolean paused) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", paused ? "-STOP" : "-CONT", Long.toString(process.pid()))
        .redirectErrorStream(true).start();
    if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new IOException("kill " + (paused ? "-STOP " : "-CONT ") + process.pid() + " failed: "
          + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
