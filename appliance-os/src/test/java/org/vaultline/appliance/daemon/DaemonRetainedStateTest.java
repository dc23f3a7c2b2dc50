package org.vaultline.appliance.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.peers.Mosquitto;

/**
 * The retained topics after a daemon restart against a broker that lost its retained messages (a real Mosquitto
 * without persistence, killed and started again): the publisher rebuilds them from the store's snapshot — the DRM
 * volumes and, per inventoried library, {@code library/<lib>/summary}.
 */
class DaemonRetainedStateTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;
  private Mosquitto broker;
  private DaemonFixture f;

  @AfterEach
  void tearDown() throws Exception {
    if (f != null) {
      f.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  /**
   * The retained messages under {@code filter} as a new subscriber gets them: topic to payload. A subscriber that
   * comes before the restarted daemon has republished its snapshot gets the later publications live, without the
   * retained flag; so a fresh subscriber looks again until {@code atLeast} retained messages are there or WAIT ends.
   */
  private List<String[]> retained(String filter, int atLeast) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<String[]> got;
    do {
      got = retainedOnce(filter, atLeast, Duration.ofSeconds(1));
    } while (got.size() < atLeast && System.nanoTime() < deadline);
    return got;
  }

  private List<String[]> retainedOnce(String filter, int atLeast, Duration wait) throws Exception {
    List<String[]> got = new ArrayList<>();
    MqttClient c = new MqttClient(broker.uri().toString(), "test-" + System.nanoTime(), new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setCleanSession(true);
    c.connect(o);
    c.subscribe(filter, 1, (topic, m) -> {
      synchronized (got) {
        if (m.isRetained()) {
          got.add(new String[] {topic, new String(m.getPayload(), StandardCharsets.UTF_8)});
        }
        got.notifyAll();
      }
    });
    try {
      synchronized (got) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (got.size() < atLeast && System.nanoTime() < deadline) {
          got.wait(100);
        }
        return new ArrayList<>(got);
      }
    } finally {
      c.disconnect();
      c.close();
    }
  }

  @Test
  void afterARestartAgainstABrokerThatLostItsRetainedMessagesTheLibrarySummaryIsRetainedAgain() throws Exception {
    assumeTrue(Mosquitto.isInstalled(), "mosquitto is not installed");
    broker = Mosquitto.start(dir, "broker", new Mosquitto.Options()); // no persistence
    f = new DaemonFixture(dir, Map.of(), "MQTTBROKER " + broker.uri());
    f.defineLibrary();
    f.admin("checkin libvolume LIB1 search=yes status=scratch checklabel=barcode");
    f.daemon.stop();
    broker.kill();
    broker.restart(); // empty: nothing retained

    f.restart();
    List<String[]> summary = retained("vaultline/VAULTLINE/library/+/summary", 1);
    assertThat(summary).hasSize(1);
    assertThat(summary.get(0)[0]).isEqualTo("vaultline/VAULTLINE/library/LIB1/summary");
    JsonNode s = JSON.readTree(summary.get(0)[1]);
    assertThat(s.path("library").asText()).isEqualTo("LIB1");
    assertThat(s.path("slots").asInt()).as("%s", s).isEqualTo(50); // StorageTek SL500
    assertThat(s.path("slotsUsed").asInt()).isEqualTo(4);
    assertThat(s.path("ioStationSlots").asInt()).isEqualTo(5);
    assertThat(s.path("ioStationUsed").asInt()).isZero();
    assertThat(s.path("drives").asInt()).isEqualTo(2);
    assertThat(s.path("drivesLoaded").asInt()).isZero();
    assertThat(s.path("seq").asLong()).isEqualTo(f.daemon.store().outbox().status().lastSeq());
    assertThat(retained("vaultline/VAULTLINE/status", 1)).singleElement()
        .satisfies(m -> assertThat(JSON.readTree(m[1]).path("state").asText()).isEqualTo("online"));
  }
}
