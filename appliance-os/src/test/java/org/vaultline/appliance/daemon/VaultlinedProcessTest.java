package org.vaultline.appliance.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.appliance.cli.VaultlineCli;
import org.vaultline.library.store.OutboxStatus;
import org.vaultline.library.store.Store;
import org.vaultline.peers.Mosquitto;

/**
 * {@code vaultlined} as a real child JVM, as systemd runs it: first-time setup with {@code register-admin}, the
 * daemon publishing to a real Mosquitto, a library reached over iSCSI on the standalone emulator (another child
 * JVM), commands through the administrative API; then SIGTERM, after which the daemon must have ended gracefully:
 * every event of the outbox published, {@code status} offline retained on the broker. Also: a daemon whose standard
 * output nobody reads, log rolling, and SIGTERM while a library is still being started. Child output goes to files
 * ({@link ChildJvm}), never to a pipe the test could stop reading.
 */
class VaultlinedProcessTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final List<ChildJvm> children = new ArrayList<>();
  private Mosquitto broker;

  @AfterEach
  void tearDown() throws Exception {
    for (ChildJvm c : children) {
      c.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private ChildJvm java(String name, Map<String, String> env, Class<?> main, String... args) throws IOException {
    ChildJvm c = ChildJvm.start(dir.resolve(name + ".out"), env, main, args);
    children.add(c);
    return c;
  }

  private static JsonNode post(HttpClient http, URI base, String command) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/command"))
        .header("Authorization", DaemonFixture.basic("ADMIN", "process-secret"))
        .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("command", command).toString()))
        .timeout(ChildJvm.WAIT).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body = JSON.readTree(r.body());
    assertThat(r.statusCode()).as("%s: %s", command, body).isEqualTo(200);
    assertThat(body.path("ok").asBoolean()).as("%s: %s", command, body.path("text").asText()).isTrue();
    return body;
  }

  private Path logDir() {
    return dir.resolve("log");
  }

  /** The daemon's current log file. */
  private String log() throws IOException {
    Path f = logDir().resolve("vaultlined.log");
    return Files.exists(f) ? Files.readString(f) : "(no log file)";
  }

  private Path options(String... extra) throws IOException {
    List<String> lines = new ArrayList<>(List.of("DATADIRECTORY " + dir.resolve("data"), "LOGDIRECTORY " + logDir(),
        "ADMINPORT 0", "TIMEZONE UTC"));
    lines.addAll(List.of(extra));
    Path options = dir.resolve("vaultlined.opt");
    Files.write(options, lines, StandardCharsets.UTF_8);
    return options;
  }

  /**
   * An environment in which the daemon logs a warning about a thousand times a second: a systemd watchdog of 2 ms
   * and a notify socket nobody listens on, so every WATCHDOG=1 fails and says so.
   */
  private Map<String, String> chattyEnvironment() {
    return Map.of("NOTIFY_SOCKET", dir.resolve("nobody-listens").toString(), "WATCHDOG_USEC", "2000");
  }

  private static void awaitSize(Path file, long bytes) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + ChildJvm.WAIT.toNanos();
    while (!Files.exists(file) || Files.size(file) < bytes) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(file + " stayed at " + (Files.exists(file) ? Files.size(file) : -1)
            + " bytes, below " + bytes);
      }
      Thread.sleep(50);
    }
  }

  /** Topics and payloads received by a plain Paho subscriber. */
  private static final class Received implements MqttCallback {
    final List<String[]> messages = new ArrayList<>();

    @Override
    public void connectionLost(Throwable cause) {
      // the test looks at what arrived
    }

    @Override
    public synchronized void messageArrived(String topic, MqttMessage message) {
      messages.add(new String[] {topic, new String(message.getPayload(), StandardCharsets.UTF_8),
          Boolean.toString(message.isRetained())});
      notifyAll();
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
      // subscriber only
    }

    synchronized Set<Long> eventSeqs() {
      Set<Long> seqs = new TreeSet<>();
      for (String[] m : messages) {
        if (m[0].contains("/events/")) {
          try {
            seqs.add(JSON.readTree(m[1]).path("seq").asLong());
          } catch (IOException e) {
            throw new AssertionError("not JSON on " + m[0] + ": " + m[1], e);
          }
        }
      }
      return seqs;
    }

    synchronized void awaitAny() throws InterruptedException {
      long deadline = System.nanoTime() + ChildJvm.WAIT.toNanos();
      while (messages.isEmpty() && System.nanoTime() < deadline) {
        wait(100);
      }
    }
  }

  private static MqttClient subscribe(URI broker, String filter, Received into) throws Exception {
    MqttClient c = new MqttClient(broker.toString(), "test-" + System.nanoTime(), new MemoryPersistence());
    c.setCallback(into);
    MqttConnectOptions o = new MqttConnectOptions();
    o.setCleanSession(true);
    c.connect(o);
    c.subscribe(filter, 1);
    return c;
  }

  /** The retained {@code status} on the broker: its {@code state} field. */
  private String retainedStatus() throws Exception {
    Received after = new Received();
    MqttClient late = subscribe(broker.uri(), "vaultline/VAULTLINE/status", after);
    after.awaitAny();
    late.disconnect();
    late.close();
    synchronized (after) {
      assertThat(after.messages).hasSize(1);
      assertThat(after.messages.get(0)[2]).as("retained").isEqualTo("true");
      return JSON.readTree(after.messages.get(0)[1]).path("state").asText();
    }
  }

  /** The emulator over iSCSI: its portal and IQN. */
  private String[] emulator() throws Exception {
    ChildJvm emulator = java("emulator", Map.of(), VaultlineCli.class, "emulator", "--personality", "stk-sl500",
        "--port", "0", "--move-time", "PT0S", "--load-time", "PT0S", "--inventory-time", "PT0S", "--stock",
        "CPY001L4,CPY002L4,DBB001L4");
    emulator.await("VLN0351I");
    return new String[] {emulator.await("^Portal: (127\\.0\\.0\\.1:\\d+)$"), emulator.await("^IQN: (\\S+)$")};
  }

  private void registerAdmin(Path options) throws Exception {
    Path password = dir.resolve("admin.pw");
    Files.writeString(password, "process-secret\n");
    ChildJvm setup = java("setup", Map.of(), Vaultlined.class, "--options", options.toString(), "register-admin",
        "admin", "--password-file", password.toString());
    assertThat(setup.waitFor()).isTrue();
    assertThat(setup.process.exitValue()).as("%s", setup.output()).isZero();
  }

  @Test
  void sigtermEndsTheDaemonGracefullyWithTheOutboxFlushedAndStatusOfflineRetained() throws Exception {
    assumeTrue(Mosquitto.isInstalled(), "mosquitto is not installed");
    broker = Mosquitto.start(dir, "broker", new Mosquitto.Options());
    String[] target = emulator();
    Path data = dir.resolve("data");
    Path options = options("MQTTBROKER " + broker.uri());
    registerAdmin(options);

    Received live = new Received();
    MqttClient watcher = subscribe(broker.uri(), "vaultline/VAULTLINE/#", live);

    ChildJvm daemon = java("daemon", Map.of(), Vaultlined.class, "--options", options.toString());
    daemon.await("VLN0807I");
    URI base = URI.create(Files.readString(data.resolve(Daemon.ADMIN_URL_FILE)).strip());
    HttpClient http = HttpClient.newHttpClient();
    post(http, base, "define library LIB1");
    post(http, base, "define path VAULTLINE LIB1 srctype=server desttype=library device=iscsi://" + target[0] + "/"
        + target[1] + "/0");
    post(http, base, "checkin libvolume LIB1 search=yes status=scratch checklabel=barcode");
    JsonNode q = post(http, base, "q libvol");
    assertThat(q.path("rows")).hasSize(3);

    daemon.terminate(); // SIGTERM
    assertThat(daemon.waitFor()).as("%s", daemon.output()).isTrue();
    assertThat(daemon.process.exitValue()).as("exit status after SIGTERM; log:%n%s", log()).isIn(0, 143);
    assertThat(log()).contains("VLN0808I", "VLN0810I", "VLN0709I", "VLN0812I").doesNotContain("VLN0811W");
    assertThat(daemon.output()).as("the console copy has the stop too").contains("VLN0808I", "VLN0812I");
    assertThat(Files.exists(data.resolve(Daemon.ADMIN_URL_FILE))).isFalse();

    long lastSeq;
    try (Store store = Store.open(data.resolve(Daemon.STORE_FILE))) {
      OutboxStatus s = store.outbox().status();
      assertThat(s.unpublished()).as("events left in the outbox").isZero();
      lastSeq = s.lastSeq();
    }
    assertThat(lastSeq).as("the check-in produced events").isGreaterThanOrEqualTo(3);
    synchronized (live) {
      long deadline = System.nanoTime() + ChildJvm.WAIT.toNanos();
      while (live.eventSeqs().size() < lastSeq && System.nanoTime() < deadline) {
        live.wait(100);
      }
    }
    Set<Long> expected = new TreeSet<>();
    for (long i = 1; i <= lastSeq; i++) {
      expected.add(i);
    }
    assertThat(live.eventSeqs()).isEqualTo(expected);
    watcher.disconnect();
    watcher.close();
    assertThat(retainedStatus()).isEqualTo("offline");
  }

  /**
   * Regression: tinylog's console writer ran on tinylog's writing thread, so once a parent stopped reading the
   * daemon's standard output (64 KiB in the pipe) that thread blocked in write(2): the log files stopped, and the
   * stop on SIGTERM waited for that thread forever.
   */
  @Test
  void aDaemonWhoseStandardOutputNobodyReadsKeepsLoggingToItsFilesAndStops() throws Exception {
    Path options = options("MQTTEMBEDDEDPORT 0");
    ChildJvm daemon = ChildJvm.startUnread(dir.resolve("daemon.err"), chattyEnvironment(), Vaultlined.class,
        "--options", options.toString());
    children.add(daemon);
    ChildJvm.await(logDir().resolve("vaultlined.log"), "VLN0807I");
    awaitSize(logDir().resolve("vaultlined.log"), 1024 * 1024); // 16 times what the unread pipe holds

    daemon.terminate();
    assertThat(daemon.waitFor()).as("stopped after SIGTERM; log:%n%s", log()).isTrue();
    assertThat(log()).contains("VLN0808I", "VLN0812I");
  }

  @Test
  void logFilesRollAtLogMaxSizeAndLogFilesOfThemAreKeptBesidesTheCurrentOne() throws Exception {
    Path options = options("MQTTEMBEDDEDPORT 0", "LOGMAXSIZE 64K", "LOGFILES 2");
    ChildJvm daemon = java("daemon", chattyEnvironment(), Vaultlined.class, "--options", options.toString());
    daemon.await("VLN0807I");
    long deadline = System.nanoTime() + ChildJvm.WAIT.toNanos();
    while (!Files.exists(logDir().resolve("vaultlined.6.log"))) { // six rolls
      assertThat(System.nanoTime()).as("log files: %s", logFiles()).isLessThan(deadline);
      Thread.sleep(50);
    }
    daemon.terminate();
    assertThat(daemon.waitFor()).isTrue();

    List<Path> files = logFiles();
    assertThat(files).as("2 rolled files and the current one").hasSize(3);
    for (Path f : files) {
      // tinylog rolls once a line has taken the file past LOGMAXSIZE ("size after which a log file is rolled")
      assertThat(Files.size(f)).as("%s", f).isLessThanOrEqualTo(64 * 1024 + 1024);
    }
    Path newest = files.get(files.size() - 1);
    assertThat(Files.readString(logDir().resolve("vaultlined.log"))).isEqualTo(Files.readString(newest))
        .contains("VLN0812I");
  }

  private List<Path> logFiles() throws IOException {
    Pattern numbered = Pattern.compile("vaultlined\\.(\\d+)\\.log");
    try (Stream<Path> s = Files.list(logDir())) {
      return s.filter(p -> numbered.matcher(p.getFileName().toString()).matches())
          .sorted((a, b) -> Integer.compare(number(a), number(b))).toList();
    }
  }

  private static int number(Path p) {
    String n = p.getFileName().toString();
    return Integer.parseInt(n.substring("vaultlined.".length(), n.length() - ".log".length()));
  }

  /**
   * Regression: the SIGTERM hook was installed only once start-up had finished, so a stop while the libraries were
   * being started killed the JVM without closing anything. Here the library stops answering (its emulator is
   * SIGSTOPped) before the daemon starts, the daemon is told to stop while it waits for it, and it must end cleanly.
   */
  @Test
  void sigtermWhileALibraryIsStillBeingStartedEndsTheDaemonCleanly() throws Exception {
    assumeTrue(Mosquitto.isInstalled(), "mosquitto is not installed");
    broker = Mosquitto.start(dir, "broker", new Mosquitto.Options());
    String[] target = emulator();
    Path data = dir.resolve("data");
    Path options = options("MQTTBROKER " + broker.uri());
    registerAdmin(options);
    ChildJvm first = java("first", Map.of(), Vaultlined.class, "--options", options.toString());
    first.await("VLN0807I");
    URI base = URI.create(Files.readString(data.resolve(Daemon.ADMIN_URL_FILE)).strip());
    HttpClient http = HttpClient.newHttpClient();
    post(http, base, "define library LIB1");
    post(http, base, "define path VAULTLINE LIB1 srctype=server desttype=library device=iscsi://" + target[0] + "/"
        + target[1] + "/0");
    first.terminate();
    assertThat(first.waitFor()).isTrue();

    ChildJvm emulator = children.get(0);
    emulator.pause(true); // the library answers nothing any more
    try {
      ChildJvm second = java("second", Map.of(), Vaultlined.class, "--options", options.toString());
      second.await("VLN0801I"); // the store is open; the library is next
      second.terminate();
      assertThat(second.waitFor()).as("stopped during start-up; output:%n%s", second.output()).isTrue();
      assertThat(second.process.exitValue()).isIn(0, 143);
      String out = second.output();
      assertThat(out).contains("VLN0819W", "VLN0808I", "VLN0812I").doesNotContain("VLN0807I", "VLN0813E");
    } finally {
      emulator.pause(false);
    }
    assertThat(Files.exists(data.resolve(Daemon.ADMIN_URL_FILE))).isFalse();
    try (Store store = Store.open(data.resolve(Daemon.STORE_FILE))) {
      assertThat(store.outbox().status().unpublished()).isZero();
    }
    assertThat(retainedStatus()).isEqualTo("offline");
  }
}
