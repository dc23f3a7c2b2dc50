package org.vaultline.library.events;

import org.vaultline.peers.Mosquitto;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.library.store.EventCategory;
import org.vaultline.library.store.Store;

/** The publisher against a real Mosquitto: order, exactly-once after de-duplication, retained topics. */
class EventPublisherTest {
  @TempDir Path dir;
  Mosquitto broker;
  Store store;
  EventPublisher publisher;
  TestSubscriber subscriber;
  final TestSubscriber.Collector received = new TestSubscriber.Collector();

  @BeforeEach
  void startBroker() throws Exception {
    // a real broker is the point of this test: missing, it fails (make test installs mosquitto)
    assertThat(Mosquitto.isInstalled()).as("mosquitto is not installed: run make deps").isTrue();
    broker = Mosquitto.start(dir, "broker", new Mosquitto.Options());
    store = TestEvents.open(dir);
  }

  @AfterEach
  void stop() throws Exception {
    if (publisher != null) {
      publisher.close();
    }
    if (subscriber != null) {
      subscriber.close();
    }
    if (store != null) {
      store.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private static List<Long> oneTo(long n) {
    return LongStream.rangeClosed(1, n).boxed().collect(Collectors.toList());
  }

  @Test
  void everyEventOfABurstArrivesExactlyOnceInSeqOrder() throws Exception {
    subscriber = TestSubscriber.connect(broker.uri(), "test-sub", false, received, "vaultline/vl1/#");
    for (int i = 1; i <= 500; i++) {
      TestEvents.emit(store, i); // written before the publisher starts: a backlog
    }
    publisher = new EventPublisher(Wait.settings(broker.uri()), OutboxSource.of(store.outbox()),
        () -> RetainedSnapshot.EMPTY).start();
    TestEvents.Writer writer = new TestEvents.Writer(store, 1500, publisher);
    writer.start();
    writer.finish();

    assertThat(received.awaitAllEvents(2000, Mosquitto.timeout())).as(broker.log()).isTrue();
    assertThat(publisher.awaitPublished(2000, Mosquitto.timeout())).isTrue();
    assertThat(received.eventSeqs()).as("no fault, so not even a repeat").isEqualTo(oneTo(2000));
    assertThat(store.outbox().status().unpublished()).isZero();
    TestSubscriber.Received first = received.all().stream().filter(r -> r.seq().isPresent()).findFirst().orElseThrow();
    assertThat(first.topic()).isEqualTo("vaultline/vl1/events/drm");
    assertThat(first.json().get("seq").asLong()).isEqualTo(1);
    assertThat(first.json().get("appliance").asText()).isEqualTo("vl1");
    assertThat(first.json().get("category").asText()).isEqualTo("drm");
    assertThat(first.json().get("type").asText()).isEqualTo("test.event");
    assertThat(first.json().get("text").asText()).isEqualTo("Test event 1.");
    assertThat(first.json().get("n").asLong()).isEqualTo(1);
    assertThat(first.json().get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(first.userProperties()).containsEntry("seq", "1").containsEntry("type", "test.event")
        .containsEntry("category", "drm").containsEntry("appliance", "vl1");
  }

  @Test
  void eventsGoToTheTopicOfTheirCategory() throws Exception {
    subscriber = TestSubscriber.connect(broker.uri(), "test-sub", false, received, "vaultline/vl1/events/+");
    TestEvents.emit(store, EventCategory.DRM, "{\"type\":\"a\"}");
    TestEvents.emit(store, EventCategory.LIBRARY, "{\"type\":\"b\"}");
    TestEvents.emit(store, EventCategory.REQUESTS, "{\"type\":\"c\"}");
    TestEvents.emit(store, EventCategory.ALERTS, "[1,2]");
    publisher = new EventPublisher(Wait.settings(broker.uri()), OutboxSource.of(store.outbox()),
        () -> RetainedSnapshot.EMPTY).start();

    assertThat(received.awaitAllEvents(4, Mosquitto.timeout())).isTrue();
    assertThat(received.all()).extracting(TestSubscriber.Received::topic).containsExactly(
        "vaultline/vl1/events/drm", "vaultline/vl1/events/library", "vaultline/vl1/events/requests",
        "vaultline/vl1/events/alerts");
    TestSubscriber.Received alert = received.all().get(3);
    assertThat(alert.json().get("type").asText()).isEqualTo("alerts");
    assertThat(alert.json().get("data").toString()).isEqualTo("[1,2]");
  }

  @Test
  void aVolumesStateIsRetainedAndAnEmptyMessageClearsItWhenItLeavesDrm() throws Exception {
    TestEvents.emit(store, EventCategory.DRM, TestEvents.transition("A00001", "COURIER"));
    TestEvents.emit(store, EventCategory.DRM, TestEvents.transition("A00002", "VAULTRETRIEVE"));
    TestEvents.emit(store, EventCategory.DRM, EventPayload.of("drm.transition", "A00002 back on site.")
        .volumeLeftDrm("A00002").json());
    TestEvents.emit(store, EventCategory.LIBRARY, EventPayload.of("library.summary", "LIB1 counted.")
        .librarySummary(new LibrarySummary("LIB1", 40, 12, 6, 2, List.of("A00007", "A00008"), 2, 1)).json());
    publisher = new EventPublisher(Wait.settings(broker.uri()), OutboxSource.of(store.outbox()),
        () -> RetainedSnapshot.EMPTY).start();
    assertThat(publisher.awaitPublished(4, Mosquitto.timeout())).isTrue();

    // Subscribed only now: what arrives on volumes/ and library/ is what the broker retained.
    subscriber = TestSubscriber.connect(broker.uri(), "late-sub", false, received,
        "vaultline/vl1/volumes/+", "vaultline/vl1/library/+/summary");
    assertThat(received.await(c -> c.last("/volumes/A00001").isPresent() && c.last("/LIB1/summary").isPresent(),
        Mosquitto.timeout())).isTrue();
    TestSubscriber.Received a1 = received.last("/volumes/A00001").orElseThrow();
    assertThat(a1.retained()).isTrue();
    assertThat(a1.json().get("volume").asText()).isEqualTo("A00001");
    assertThat(a1.json().get("state").asText()).isEqualTo("COURIER");
    assertThat(a1.json().get("location").asText()).isEqualTo("COURIER");
    assertThat(a1.json().get("library").asText()).isEqualTo("LIB1");
    assertThat(a1.json().get("kind").asText()).isEqualTo("CopyStgPool");
    assertThat(a1.json().get("pool").asText()).isEqualTo("COPYPOOL");
    assertThat(a1.json().get("seq").asLong()).isEqualTo(1);
    assertThat(a1.json().has("updated")).isTrue();
    TestSubscriber.Received lib = received.last("/LIB1/summary").orElseThrow();
    assertThat(lib.json().get("slotsFree").asInt()).isEqualTo(28);
    assertThat(lib.json().get("ioStationVolumes").toString()).isEqualTo("[\"A00007\",\"A00008\"]");
    assertThat(lib.json().get("seq").asLong()).isEqualTo(4);

    // A00002 was cleared: a probe published after the SUBACK is the first thing on its topic.
    subscriber.publish("vaultline/vl1/volumes/A00002", "probe", false);
    assertThat(received.await(c -> c.last("/volumes/A00002").isPresent(), Mosquitto.timeout())).isTrue();
    assertThat(received.all()).filteredOn(r -> r.topic().endsWith("/volumes/A00002"))
        .extracting(TestSubscriber.Received::payload).containsExactly("probe");
  }

  @Test
  void statusIsOnlineWhileConnectedAndOfflineAfterAStop() throws Exception {
    subscriber = TestSubscriber.connect(broker.uri(), "test-sub", false, received, "vaultline/vl1/status");
    publisher = new EventPublisher(Wait.settings(broker.uri()), OutboxSource.of(store.outbox()),
        () -> RetainedSnapshot.EMPTY).start();
    assertThat(received.await(c -> c.last("/status").map(r -> r.payload().contains("\"online\"")).orElse(false),
        Mosquitto.timeout())).isTrue();
    var online = received.last("/status").orElseThrow().json();
    assertThat(online.get("appliance").asText()).isEqualTo("vl1");
    assertThat(online.get("version").asText()).isEqualTo("test");
    assertThat(online.get("broker").asText()).isEqualTo(broker.uri().toString());
    assertThat(online.has("started")).isTrue();
    assertThat(Wait.until(() -> publisher.status().state() == PublisherStatus.State.CONNECTED, Mosquitto.timeout()))
        .isTrue();

    publisher.close();
    publisher = null;
    assertThat(received.await(c -> c.last("/status").map(r -> r.payload().contains("\"offline\"")).orElse(false),
        Mosquitto.timeout())).isTrue();
    assertThat(received.last("/status").orElseThrow().json().get("reason").asText()).isEqualTo("shutdown");
  }

  @Test
  void mqtt311IsSpokenWhenConfigured() throws Exception {
    subscriber = TestSubscriber.connect(broker.uri(), "test-sub", false, received, "vaultline/vl1/events/#");
    for (int i = 1; i <= 300; i++) {
      TestEvents.emit(store, i);
    }
    publisher = new EventPublisher(Wait.settings(broker.uri()).withProtocol(MqttProtocol.MQTT_3_1_1),
        OutboxSource.of(store.outbox()), () -> RetainedSnapshot.EMPTY).start();
    assertThat(received.awaitAllEvents(300, Mosquitto.timeout())).isTrue();
    assertThat(received.eventSeqs()).isEqualTo(oneTo(300));
    assertThat(received.all().get(0).userProperties()).as("MQTT 3.1.1 has no user properties").isEmpty();
    assertThat(publisher.awaitPublished(300, Mosquitto.timeout())).isTrue();
  }

  @Test
  void retainedStateIsPublishedAgainAfterTheBrokerLostIt() throws Exception {
    TestEvents.emit(store, EventCategory.DRM, TestEvents.transition("A00003", "VAULT"));
    publisher = new EventPublisher(Wait.settings(broker.uri()), OutboxSource.of(store.outbox()),
        () -> RetainedSnapshot.EMPTY).start();
    assertThat(publisher.awaitPublished(1, Mosquitto.timeout())).isTrue();

    broker.kill(); // no persistence: the restarted broker has no retained messages at all
    broker.restart();
    assertThat(Wait.until(() -> publisher.status().connections() == 2
        && publisher.status().state() == PublisherStatus.State.CONNECTED, Mosquitto.timeout())).isTrue();
    subscriber = TestSubscriber.connect(broker.uri(), "late-sub", false, received, "vaultline/vl1/volumes/+");
    assertThat(received.await(c -> c.last("/volumes/A00003").isPresent(), Mosquitto.timeout())).isTrue();
    assertThat(received.last("/volumes/A00003").orElseThrow().json().get("state").asText()).isEqualTo("VAULT");
  }

  @Test
  void aSnapshotSeedsTheRetainedTopicsAfterARestart() throws Exception {
    TestEvents.emit(store, 1);
    RetainedSnapshot snapshot = new RetainedSnapshot(1, java.time.Instant.parse("2025-01-02T03:04:05Z"),
        List.of(new VolumeState("B00001", "VAULT", Optional.of("IRONVAULT"), Optional.empty(), "DBBackup",
            Optional.empty())), List.of());
    publisher = new EventPublisher(Wait.settings(broker.uri()), OutboxSource.of(store.outbox()), () -> snapshot)
        .start();
    assertThat(publisher.awaitPublished(1, Mosquitto.timeout())).isTrue();
    subscriber = TestSubscriber.connect(broker.uri(), "late-sub", false, received, "vaultline/vl1/volumes/+");
    assertThat(received.await(c -> c.last("/volumes/B00001").isPresent(), Mosquitto.timeout())).isTrue();
    var json = received.last("/volumes/B00001").orElseThrow().json();
    assertThat(json.get("location").asText()).isEqualTo("IRONVAULT");
    assertThat(json.get("library").isNull()).isTrue();
    assertThat(json.get("updated").asText()).isEqualTo("2025-01-02T03:04:05Z");
  }

  @Test
  void aPublisherWithoutBrokerWaitsAndDeliversOnceOneAppears() throws Exception {
    broker.kill();
    for (int i = 1; i <= 50; i++) {
      TestEvents.emit(store, i);
    }
    publisher = new EventPublisher(Wait.settings(broker.uri()), OutboxSource.of(store.outbox()),
        () -> RetainedSnapshot.EMPTY).start();
    assertThat(Wait.until(() -> publisher.status().state() == PublisherStatus.State.WAITING, Mosquitto.timeout()))
        .isTrue();
    assertThat(publisher.status().lastError()).isPresent();
    assertThat(store.outbox().status().unpublished()).isEqualTo(50);

    broker.restart();
    subscriber = TestSubscriber.connect(broker.uri(), "test-sub", true, received, "vaultline/vl1/events/#");
    assertThat(publisher.awaitPublished(50, Mosquitto.timeout())).isTrue();
    assertThat(received.awaitAllEvents(50, Mosquitto.timeout())).isTrue();
    assertThat(received.distinctEventSeqs()).isEqualTo(oneTo(50));

    // Every failed attempt made a Paho client; none of their threads may outlive the publisher.
    publisher.close();
    publisher = null;
    assertThat(Wait.until(() -> pahoThreads().isEmpty(), Mosquitto.timeout())).as(() -> pahoThreads().toString())
        .isTrue();
  }

  /** Paho names its threads after the client ID ("MQTT Rec: vaultline-vl1"...). */
  private static List<String> pahoThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .filter(n -> n.contains("vaultline-vl1")).collect(Collectors.toList());
  }
}
