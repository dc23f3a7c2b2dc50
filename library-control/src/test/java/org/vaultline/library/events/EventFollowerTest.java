package org.vaultline.library.events;

import org.vaultline.peers.Mosquitto;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.library.store.EventCategory;
import org.vaultline.library.store.Store;

/** {@code vaultline events --follow} as a library: lines for people, repeats dropped, resubscribed. */
class EventFollowerTest {
  @TempDir Path dir;
  Mosquitto broker;
  Store store;
  EventPublisher publisher;
  EventFollower follower;
  final List<FollowedMessage> lines = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    // a real broker is the point of this test: missing, it fails (make test installs mosquitto)
    assertThat(Mosquitto.isInstalled()).as("mosquitto is not installed: run make deps").isTrue();
    broker = Mosquitto.start(dir, "broker", new Mosquitto.Options());
    store = TestEvents.open(dir);
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {follower, publisher, store, broker}) {
      if (c != null) {
        c.close();
      }
    }
  }

  private void collect(FollowedMessage m) {
    synchronized (lines) {
      lines.add(m);
      lines.notifyAll();
    }
  }

  private List<FollowedMessage> awaitLines(int n) throws InterruptedException {
    assertThat(Wait.until(() -> {
      synchronized (lines) {
        return lines.size() >= n;
      }
    }, Mosquitto.timeout())).isTrue();
    synchronized (lines) {
      return new ArrayList<>(lines);
    }
  }

  private void startPublisher() {
    publisher = new EventPublisher(Wait.settings(broker.uri()), OutboxSource.of(store.outbox()),
        () -> RetainedSnapshot.EMPTY).start();
  }

  @Test
  void eachEventBecomesOneLineWithTimeSeqTypeAndTextAndRepeatsAreDropped() throws Exception {
    follower = EventFollower.start(Wait.settings(broker.uri()), List.of(), this::collect);
    assertThat(follower.filters()).containsExactly("vaultline/vl1/events/#");
    assertThat(follower.awaitSubscriptions(1, Mosquitto.timeout())).isTrue();
    for (int i = 1; i <= 5; i++) {
      TestEvents.emit(store, i);
    }
    startPublisher();
    List<FollowedMessage> first = awaitLines(5);
    // A repeat of seq 3, as a re-send after a reconnection produces it, then a new event.
    TestSubscriber.Collector ignored = new TestSubscriber.Collector();
    try (TestSubscriber raw = TestSubscriber.connect(broker.uri(), "raw", false, ignored, "nothing/#")) {
      raw.publish("vaultline/vl1/events/drm", first.get(2).json(), false);
    }
    TestEvents.emit(store, EventCategory.REQUESTS, EventPayload.of("request.raised",
        "Request 7: empty the I/O station of LIB1 (6 cartridges for the courier).").with("request", 7).json());
    publisher.wake();

    List<FollowedMessage> all = awaitLines(6);
    assertThat(all).extracting(m -> m.seq().orElseThrow()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(all.get(2).line(ZoneOffset.UTC))
        .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  #3  test\\.event  Test event 3\\.");
    assertThat(all.get(5).line(ZoneOffset.UTC)).endsWith(
        "  #6  request.raised  Request 7: empty the I/O station of LIB1 (6 cartridges for the courier).");
    assertThat(all.get(5).topic()).isEqualTo("events/requests");
  }

  @Test
  void afterTheBrokerRestartsTheFollowerSubscribesAgain() throws Exception {
    follower = EventFollower.start(Wait.settings(broker.uri()), List.of("events/#"), this::collect);
    assertThat(follower.awaitSubscriptions(1, Mosquitto.timeout())).isTrue();
    startPublisher();
    TestEvents.emit(store, 1);
    publisher.wake();
    awaitLines(1);

    broker.kill();
    broker.restart(); // no persistence: the subscription is gone unless the follower makes it again
    assertThat(follower.awaitSubscriptions(2, Mosquitto.timeout())).isTrue();
    assertThat(Wait.until(() -> publisher.status().connections() == 2
        && publisher.status().state() == PublisherStatus.State.CONNECTED, Mosquitto.timeout())).isTrue();
    TestEvents.emit(store, 2);
    publisher.wake();
    List<FollowedMessage> all = awaitLines(2);
    assertThat(all).extracting(m -> m.seq().orElseThrow()).startsWith(1L, 2L);
  }

  @Test
  void stateTopicsAreShownWhenAskedFor() throws Exception {
    TestEvents.emit(store, EventCategory.DRM, TestEvents.transition("A00001", "COURIER"));
    startPublisher();
    assertThat(publisher.awaitPublished(1, Mosquitto.timeout())).isTrue();

    follower = EventFollower.start(Wait.settings(broker.uri()), List.of("volumes/+", "vaultline/vl1/status"),
        this::collect);
    List<FollowedMessage> all = awaitLines(2);
    FollowedMessage volume = all.stream().filter(m -> m.type().equals("volume")).findFirst().orElseThrow();
    assertThat(volume.retained()).isTrue();
    assertThat(volume.seq()).isEmpty();
    assertThat(volume.text()).isEqualTo("A00001 COURIER at COURIER, library LIB1, CopyStgPool, pool COPYPOOL");
    FollowedMessage status = all.stream().filter(m -> m.type().equals("status")).findFirst().orElseThrow();
    assertThat(status.text()).startsWith("vl1 online, version test, started ");
  }

  @Test
  void aFollowerWithoutBrokerReportsWhy() throws Exception {
    broker.kill();
    follower = EventFollower.start(Wait.settings(broker.uri()).withRetryDelays(Duration.ofMillis(100),
        Duration.ofMillis(200)), List.of(), this::collect);
    assertThat(Wait.until(() -> follower.lastError().isPresent(), Mosquitto.timeout())).isTrue();
    assertThat(follower.lastError().orElseThrow().kind()).isEqualTo(BrokerException.Kind.UNREACHABLE);
  }
}
