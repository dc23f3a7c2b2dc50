package org.vaultline.library.events;

import org.vaultline.peers.Mosquitto;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.library.store.Store;

/**
 * Two brokers, like TSM's automated client failover: when the primary dies the events continue on the
 * secondary; once the primary is back, the next connection goes to the primary again.
 */
class FailoverTest {
  @TempDir Path dir;
  Mosquitto primary;
  Mosquitto secondary;
  Store store;
  EventPublisher publisher;
  TestSubscriber onPrimary;
  TestSubscriber onSecondary;
  TestSubscriber afterFailback;
  final TestSubscriber.Collector received = new TestSubscriber.Collector();

  @BeforeEach
  void start() throws Exception {
    // a real broker is the point of this test: missing, it fails (make test installs mosquitto)
    assertThat(Mosquitto.isInstalled()).as("mosquitto is not installed: run make deps").isTrue();
    primary = Mosquitto.start(dir, "primary", new Mosquitto.Options().persistence());
    secondary = Mosquitto.start(dir, "secondary", new Mosquitto.Options().persistence());
    store = TestEvents.open(dir);
    // The monitoring side watches both brokers and merges what it gets.
    onPrimary = TestSubscriber.connect(primary.uri(), "dash-primary", true, received, "vaultline/vl1/events/#");
    onSecondary = TestSubscriber.connect(secondary.uri(), "dash-secondary", true, received, "vaultline/vl1/events/#");
    primary.savePersistence();
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {publisher, onPrimary, onSecondary, afterFailback, store, primary,
        secondary}) {
      if (c != null) {
        c.close();
      }
    }
  }

  private void killPrimaryInTheMiddleOfABurst(MqttSettings settings) throws Exception {
    publisher = new EventPublisher(settings, OutboxSource.of(store.outbox()), () -> RetainedSnapshot.EMPTY).start();
    assertThat(Wait.until(() -> publisher.status().broker().equals(Optional.of(primary.uri())), Mosquitto.timeout()))
        .isTrue();
    TestEvents.Writer writer = new TestEvents.Writer(store, 1000, publisher);
    writer.start();
    assertThat(received.await(c -> c.eventSeqs().size() >= 300, Mosquitto.timeout())).isTrue();
    primary.kill();
    long[] ackAtKill = {publisher.status().acknowledgedSeq(), received.eventSeqs().size()};

    assertThat(Wait.until(() -> publisher.status().broker().equals(Optional.of(secondary.uri())),
        Mosquitto.timeout())).isTrue();
    assertThat(publisher.status().onAlternate()).isTrue();
    writer.finish();
    assertThat(received.awaitAllEvents(1000, Mosquitto.timeout())).as(() -> "missing: "
        + BrokerOutageTest.oneTo(1000).stream().filter(s -> !received.eventSeqs().contains(s)).collect(
            java.util.stream.Collectors.toList()) + ", acknowledged at kill " + ackAtKill[0]).isTrue();
    assertThat(received.distinctEventSeqs()).isEqualTo(BrokerOutageTest.oneTo(1000));
    assertThat(publisher.awaitPublished(1000, Mosquitto.timeout())).isTrue();
  }

  /** Events after failback reach a subscriber of the primary. */
  private void eventsFlowThroughThePrimaryAgain() throws Exception {
    TestSubscriber.Collector fresh = new TestSubscriber.Collector();
    afterFailback = TestSubscriber.connect(primary.uri(), "after-failback", false, fresh, "vaultline/vl1/events/#");
    for (int i = 1001; i <= 1100; i++) {
      TestEvents.emit(store, i);
      publisher.wake();
    }
    assertThat(fresh.await(c -> c.distinctUpTo(1100) == 100, Mosquitto.timeout())).isTrue();
    assertThat(fresh.distinctEventSeqs()).isEqualTo(BrokerOutageTest.oneTo(1100).subList(1000, 1100));
  }

  @Test
  void eventsContinueOnTheSecondaryAndTheNextReconnectionGoesToThePrimary() throws Exception {
    killPrimaryInTheMiddleOfABurst(Wait.settings(primary.uri(), secondary.uri()));

    primary.restart();
    // Both brokers are up; a reconnection tries the primary first, so it lands there.
    publisher.reconnect();
    assertThat(Wait.until(() -> publisher.status().broker().equals(Optional.of(primary.uri()))
        && publisher.status().connections() == 3, Mosquitto.timeout())).isTrue();
    assertThat(publisher.status().onAlternate()).isFalse();
    eventsFlowThroughThePrimaryAgain();
  }

  @Test
  void withAFailbackIntervalThePublisherReturnsToThePrimaryByItself() throws Exception {
    killPrimaryInTheMiddleOfABurst(Wait.settings(primary.uri(), secondary.uri())
        .withFailbackInterval(Duration.ofMillis(500)));

    primary.restart();
    assertThat(Wait.until(() -> publisher.status().broker().equals(Optional.of(primary.uri())), Mosquitto.timeout()))
        .isTrue();
    eventsFlowThroughThePrimaryAgain();
  }

  @Test
  void aPrimaryThatIsDownAtStartIsSkippedAndUsedAtTheNextConnection() throws Exception {
    primary.kill();
    TestEvents.emit(store, 1);
    publisher = new EventPublisher(Wait.settings(primary.uri(), secondary.uri()), OutboxSource.of(store.outbox()),
        () -> RetainedSnapshot.EMPTY).start();
    assertThat(publisher.awaitPublished(1, Mosquitto.timeout())).isTrue();
    assertThat(publisher.status().broker()).contains(secondary.uri());

    primary.restart();
    secondary.kill(); // the connection to the secondary is lost: the next connection goes to the primary
    assertThat(Wait.until(() -> publisher.status().broker().equals(Optional.of(primary.uri())), Mosquitto.timeout()))
        .isTrue();
    TestEvents.emit(store, 2);
    publisher.wake();
    assertThat(publisher.awaitPublished(2, Mosquitto.timeout())).isTrue();
  }
}
