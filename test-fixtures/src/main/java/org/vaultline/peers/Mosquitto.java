package org.vaultline.peers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker process (Debian package {@code mosquitto}) for one test: on a free loopback
 * port, with a generated configuration, stopped by PID. {@link #kill()} is SIGKILL: no clean shutdown,
 * no final persistence save, like a crash or power loss.
 */
public final class Mosquitto implements AutoCloseable {
  public static final String BINARY = "/usr/sbin/mosquitto";

  private final Path dir;
  private final String name;
  private final int port;
  private final Path config;
  private final boolean tls;
  private Process process;
  private int starts;

  /** Options for the generated configuration. */
  public static final class Options {
    public boolean persistence;
    public String user;
    public String password;
    public Path caFile;
    public Path certFile;
    public Path keyFile;
    public boolean requireClientCertificate;

    public Options persistence() {
      persistence = true;
      return this;
    }

    public Options password(String user, String password) {
      this.user = user;
      this.password = password;
      return this;
    }

    public Options tls(Path ca, Path cert, Path key, boolean requireClientCertificate) {
      this.caFile = ca;
      this.certFile = cert;
      this.keyFile = key;
      this.requireClientCertificate = requireClientCertificate;
      return this;
    }
  }

  private Mosquitto(Path dir, String name, int port, Path config, boolean tls) {
    this.dir = dir;
    this.name = name;
    this.port = port;
    this.config = config;
    this.tls = tls;
  }

  public static boolean isInstalled() {
    return Files.isExecutable(Path.of(BINARY));
  }

  /** Writes the configuration and starts the broker; returns once it accepts TCP connections. */
  public static Mosquitto start(Path parent, String name, Options o) throws IOException, InterruptedException {
    Path dir = Files.createDirectories(parent.resolve(name));
    int port = freePort();
    List<String> lines = new ArrayList<>();
    // As root, mosquitto 2 drops to user "mosquitto", which could not read our files: stay who we are.
    lines.add("user " + System.getProperty("user.name"));
    lines.add("listener " + port + " 127.0.0.1");
    if (o.password != null) {
      Path passwords = dir.resolve("passwords");
      Files.writeString(passwords, "");
      run(List.of("/usr/bin/mosquitto_passwd", "-b", passwords.toString(), o.user, o.password));
      lines.add("allow_anonymous false");
      lines.add("password_file " + passwords);
    } else {
      lines.add("allow_anonymous true");
    }
    if (o.certFile != null) {
      lines.add("cafile " + o.caFile);
      lines.add("certfile " + o.certFile);
      lines.add("keyfile " + o.keyFile);
      lines.add("require_certificate " + o.requireClientCertificate);
    }
    if (o.persistence) {
      lines.add("persistence true");
      lines.add("persistence_location " + dir + "/");
      lines.add("autosave_interval 1");
    } else {
      lines.add("persistence false");
    }
    // Queue without limit for disconnected persistent subscribers (the default 1000 would drop events).
    lines.add("max_queued_messages 0");
    lines.add("log_dest stdout");
    lines.add("log_type error");
    lines.add("log_type warning");
    lines.add("log_type notice");
    lines.add("log_type information");
    lines.add("connection_messages true");
    Path config = dir.resolve("mosquitto.conf");
    Files.write(config, lines);
    Mosquitto m = new Mosquitto(dir, name, port, config, o.certFile != null);
    m.start();
    return m;
  }

  private void start() throws IOException, InterruptedException {
    starts++;
    ProcessBuilder pb = new ProcessBuilder(BINARY, "-c", config.toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile()));
    process = pb.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("mosquitto " + name + " exited with " + process.exitValue() + ": " + log());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException e) {
        Thread.sleep(20);
      }
    }
    throw new IOException("mosquitto " + name + " did not listen on port " + port + ": " + log());
  }

  public URI uri() {
    return uri("127.0.0.1");
  }

  /** The broker's URI with another name for the loopback host ({@code localhost}). */
  public URI uri(String host) {
    return URI.create((tls ? "ssl" : "tcp") + "://" + host + ":" + port);
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL by PID and wait for the process to be gone. */
  public void kill() throws InterruptedException, IOException {
    run(List.of("kill", "-KILL", Long.toString(process.pid())));
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** Starts the broker again on the same port with the same configuration (and persistence directory). */
  public void restart() throws IOException, InterruptedException {
    if (isAlive()) {
      throw new IllegalStateException("still running");
    }
    start();
  }

  /**
   * Asks mosquitto to write its in-memory database now (SIGUSR1) and waits until the file changed, so
   * that a session made before this call survives a later SIGKILL.
   */
  public void savePersistence() throws IOException, InterruptedException {
    Path db = dir.resolve("mosquitto.db");
    long before = Files.exists(db) ? Files.getLastModifiedTime(db).toMillis() : -1;
    long sizeBefore = Files.exists(db) ? Files.size(db) : -1;
    Thread.sleep(20); // the file time has millisecond resolution at best
    run(List.of("kill", "-USR1", Long.toString(process.pid())));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (Files.exists(db) && (Files.getLastModifiedTime(db).toMillis() != before || Files.size(db) != sizeBefore)) {
        return;
      }
      Thread.sleep(20);
    }
    throw new IOException("mosquitto " + name + " did not write " + db);
  }

  public String log() {
    try {
      Path log = dir.resolve("mosquitto.log");
      return Files.exists(log) ? Files.readString(log) : "(no log)";
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  public int starts() {
    return starts;
  }

  @Override
  public void close() throws IOException {
    if (isAlive()) {
      process.destroy(); // SIGTERM: mosquitto exits cleanly
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return s.getLocalPort();
    }
  }

  public static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out);
    }
  }

  public static Duration timeout() {
    return Duration.ofSeconds(90);
  }
}
