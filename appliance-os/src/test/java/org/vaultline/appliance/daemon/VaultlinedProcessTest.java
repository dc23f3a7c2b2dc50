package org.vaultline.appliance.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * JVM), commands through the administrative API; then SIGTERM ({@link Process#destroy()}), after which the daemon
 * must have ended gracefully: every event of the outbox published, {@code status} offline retained on the broker.
 */
class VaultlinedProcessTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path dir;
  private final List<Process> children = new ArrayList<>();
  private Mosquitto broker;

  @AfterEach
  void tearDown() throws Exception {
    for (Process p : children) {
      p.destroyForcibly();
      p.waitFor(20, TimeUnit.SECONDS);
    }
    if (broker != null) {
      broker.close();
    }
  }

  /** A child JVM on the test class path, its output (stdout and stderr) collected into {@code out}. */
  private Process java(List<String> out, Class<?> main, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), main.getName()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    children.add(p);
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          synchronized (out) {
            out.add(line);
            out.notifyAll();
          }
        }
      } catch (IOException e) {
        // the child is gone
      }
    }, "child output");
    reader.setDaemon(true);
    reader.start();
    return p;
  }

  /** The first group of {@code regex} in a line of {@code out}, waiting for it. */
  private static String await(List<String> out, String regex) throws InterruptedException {
    Pattern p = Pattern.compile(regex);
    long deadline = System.nanoTime() + WAIT.toNanos();
    synchronized (out) {
      while (true) {
        for (String line : out) {
          Matcher m = p.matcher(line);
          if (m.find()) {
            return m.groupCount() > 0 ? m.group(1) : line;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no line matching " + regex + " in:\n" + String.join("\n", out));
        }
        out.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  private static JsonNode post(HttpClient http, URI base, String command) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/command"))
        .header("Authorization", DaemonFixture.basic("ADMIN", "process-secret"))
        .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("command", command).toString()))
        .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body = JSON.readTree(r.body());
    assertThat(r.statusCode()).as("%s: %s", command, body).isEqualTo(200);
    assertThat(body.path("ok").asBoolean()).as("%s: %s", command, body.path("text").asText()).isTrue();
    return body;
  }

  /** The daemon's current log file. */
  private String log() throws IOException {
    Path f = dir.resolve("log").resolve("vaultlined.log");
    return Files.exists(f) ? Files.readString(f) : "(no log file)";
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

  @Test
  void sigtermEndsTheDaemonGracefullyWithTheOutboxFlushedAndStatusOfflineRetained() throws Exception {
    assumeTrue(Mosquitto.isInstalled(), "mosquitto is not installed");
    broker = Mosquitto.start(dir, "broker", new Mosquitto.Options());

    List<String> emulatorOut = new ArrayList<>();
    java(emulatorOut, VaultlineCli.class, "emulator", "--personality", "stk-sl500", "--port", "0", "--move-time",
        "PT0S", "--load-time", "PT0S", "--inventory-time", "PT0S", "--stock", "CPY001L4,CPY002L4,DBB001L4");
    await(emulatorOut, "VLN0351I");
    String portal = await(emulatorOut, "^Portal: (127\\.0\\.0\\.1:\\d+)$");
    String iqn = await(emulatorOut, "^IQN: (\\S+)$");

    Path data = dir.resolve("data");
    Path options = dir.resolve("vaultlined.opt");
    Files.write(options, List.of("DATADIRECTORY " + data, "LOGDIRECTORY " + dir.resolve("log"), "ADMINPORT 0",
        "MQTTBROKER " + broker.uri(), "TIMEZONE UTC"), StandardCharsets.UTF_8);
    Path password = dir.resolve("admin.pw");
    Files.writeString(password, "process-secret\n");
    List<String> setupOut = new ArrayList<>();
    Process setup = java(setupOut, Vaultlined.class, "--options", options.toString(), "register-admin", "admin",
        "--password-file", password.toString());
    assertThat(setup.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(setup.exitValue()).as("%s", setupOut).isZero();

    Received live = new Received();
    MqttClient watcher = subscribe(broker.uri(), "vaultline/VAULTLINE/#", live);

    List<String> daemonOut = new ArrayList<>();
    Process daemon = java(daemonOut, Vaultlined.class, "--options", options.toString());
    await(daemonOut, "VLN0807I");
    URI base = URI.create(Files.readString(data.resolve(Daemon.ADMIN_URL_FILE)).strip());
    HttpClient http = HttpClient.newHttpClient();
    post(http, base, "define library LIB1");
    post(http, base, "define path VAULTLINE LIB1 srctype=server desttype=library device=iscsi://" + portal + "/"
        + iqn + "/0");
    post(http, base, "checkin libvolume LIB1 search=yes status=scratch checklabel=barcode");
    JsonNode q = post(http, base, "q libvol");
    assertThat(q.path("rows")).hasSize(3);

    daemon.destroy(); // SIGTERM
    assertThat(daemon.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("%s", daemonOut).isTrue();
    assertThat(daemon.exitValue()).as("exit status after SIGTERM; log:%n%s", log()).isIn(0, 143);
    assertThat(log()).contains("VLN0808I", "VLN0810I", "VLN0709I", "VLN0812I").doesNotContain("VLN0811W");
    assertThat(Files.exists(data.resolve(Daemon.ADMIN_URL_FILE))).isFalse();

    long lastSeq;
    try (Store store = Store.open(data.resolve(Daemon.STORE_FILE))) {
      OutboxStatus s = store.outbox().status();
      assertThat(s.unpublished()).as("events left in the outbox").isZero();
      lastSeq = s.lastSeq();
    }
    assertThat(lastSeq).as("the check-in produced events").isGreaterThanOrEqualTo(3);
    synchronized (live) {
      long deadline = System.nanoTime() + WAIT.toNanos();
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

    Received after = new Received();
    MqttClient late = subscribe(broker.uri(), "vaultline/VAULTLINE/status", after);
    synchronized (after) {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (after.messages.isEmpty() && System.nanoTime() < deadline) {
        after.wait(100);
      }
    }
    assertThat(after.messages).hasSize(1);
    assertThat(after.messages.get(0)[2]).as("retained").isEqualTo("true");
    assertThat(JSON.readTree(after.messages.get(0)[1]).path("state").asText()).isEqualTo("offline");
    late.disconnect();
    late.close();
  }
}
