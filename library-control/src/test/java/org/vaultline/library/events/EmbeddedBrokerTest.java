package org.vaultline.library.events;

import org.vaultline.peers.Mosquitto;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.library.store.EventCategory;
import org.vaultline.library.store.Store;

/** The embedded moquette broker: publish and subscribe, retained messages and clearing them. */
class EmbeddedBrokerTest {
  @TempDir Path dir;
  EmbeddedBroker broker;
  Store store;
  EventPublisher publisher;
  TestSubscriber subscriber;
  final TestSubscriber.Collector received = new TestSubscriber.Collector();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {publisher, subscriber, store, broker}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void itListensOnLoopbackAndCarriesEventsAndRetainedState() throws Exception {
    broker = EmbeddedBroker.start(0);
    assertThat(broker.uri().toString()).startsWith("tcp://127.0.0.1:");
    store = TestEvents.open(dir);
    subscriber = TestSubscriber.connect(broker.uri(), "dashboard", false, received, "vaultline/vl1/events/#");
    for (int i = 1; i <= 200; i++) {
      TestEvents.emit(store, i);
    }
    TestEvents.emit(store, EventCategory.DRM, TestEvents.transition("C00001", "COURIER"));
    TestEvents.emit(store, EventCategory.DRM, TestEvents.transition("C00002", "COURIERRETRIEVE"));
    TestEvents.emit(store, EventCategory.DRM, EventPayload.of("drm.transition", "C00002 back.")
        .volumeLeftDrm("C00002").json());
    publisher = new EventPublisher(Wait.settings(broker.uri()), OutboxSource.of(store.outbox()),
        () -> RetainedSnapshot.EMPTY).start();

    assertThat(received.awaitAllEvents(203, Mosquitto.timeout())).isTrue();
    assertThat(received.distinctEventSeqs()).isEqualTo(BrokerOutageTest.oneTo(203));
    assertThat(publisher.awaitPublished(203, Mosquitto.timeout())).isTrue();

    TestSubscriber.Collector late = new TestSubscriber.Collector();
    try (TestSubscriber s = TestSubscriber.connect(broker.uri(), "late", false, late, "vaultline/vl1/volumes/C00001",
        "vaultline/vl1/volumes/C00002", "vaultline/vl1/status")) {
      assertThat(late.await(c -> c.last("/volumes/C00001").isPresent() && c.last("/status").isPresent(),
          Mosquitto.timeout())).isTrue();
      assertThat(late.last("/volumes/C00001").orElseThrow().retained()).isTrue();
      assertThat(late.last("/volumes/C00001").orElseThrow().json().get("state").asText()).isEqualTo("COURIER");
      assertThat(late.last("/status").orElseThrow().json().get("state").asText()).isEqualTo("online");
      // C00002 was cleared: the probe is the first and only thing on its topic.
      s.publish("vaultline/vl1/volumes/C00002", "probe", false);
      assertThat(late.await(c -> c.last("/volumes/C00002").isPresent(), Mosquitto.timeout())).isTrue();
      assertThat(late.all()).filteredOn(r -> r.topic().endsWith("/volumes/C00002"))
          .extracting(TestSubscriber.Received::payload).containsExactly("probe");
    }
  }

  @Test
  void itSpeaksMqtt311Too() throws Exception {
    broker = EmbeddedBroker.start(0);
    store = TestEvents.open(dir);
    subscriber = TestSubscriber.connect(broker.uri(), "dashboard", false, received, "vaultline/vl1/events/#");
    for (int i = 1; i <= 50; i++) {
      TestEvents.emit(store, i);
    }
    publisher = new EventPublisher(Wait.settings(broker.uri()).withProtocol(MqttProtocol.MQTT_3_1_1),
        OutboxSource.of(store.outbox()), () -> RetainedSnapshot.EMPTY).start();
    assertThat(received.awaitAllEvents(50, Mosquitto.timeout())).isTrue();
    assertThat(received.distinctEventSeqs()).isEqualTo(BrokerOutageTest.oneTo(50));
  }

  @Test
  void aRetainedMessageReachesLaterSubscribersUntilAnEmptyOneClearsIt() throws Exception {
    broker = EmbeddedBroker.start(0);
    try (TestSubscriber s = TestSubscriber.connect(broker.uri(), "writer", false, received, "unused/#")) {
      s.publish("vaultline/vl1/volumes/D00001", "{\"volume\":\"D00001\",\"state\":\"VAULT\"}", true);
    }
    TestSubscriber.Collector first = new TestSubscriber.Collector();
    try (TestSubscriber s = TestSubscriber.connect(broker.uri(), "reader", false, first, "vaultline/vl1/volumes/+")) {
      assertThat(first.await(c -> c.last("/volumes/D00001").isPresent(), Mosquitto.timeout())).isTrue();
      assertThat(first.last("/volumes/D00001").orElseThrow().retained()).isTrue();
      s.publish("vaultline/vl1/volumes/D00001", "", true); // an empty retained message clears the topic
    }
    TestSubscriber.Collector after = new TestSubscriber.Collector();
    try (TestSubscriber s = TestSubscriber.connect(broker.uri(), "after", false, after, "vaultline/vl1/volumes/+")) {
      s.publish("vaultline/vl1/volumes/D00001", "probe", false);
      assertThat(after.await(c -> c.last("/volumes/D00001").isPresent(), Mosquitto.timeout())).isTrue();
      assertThat(after.all()).extracting(TestSubscriber.Received::payload).containsExactly("probe");
    }
  }
}
