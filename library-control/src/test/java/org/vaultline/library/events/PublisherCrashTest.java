package org.vaultline.library.events;

import org.vaultline.peers.Mosquitto;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinylog.Logger;
import org.vaultline.library.store.Store;

/**
 * The appliance (a child JVM writing events and publishing them) is killed with SIGKILL in the middle of
 * a burst: after a restart on the same database every committed event arrives, in order. The broker
 * publishes the dead appliance's Last Will (status offline) in between.
 */
class PublisherCrashTest {
  @TempDir Path dir;
  Mosquitto broker;
  Store store;
  EventPublisher publisher;
  TestSubscriber subscriber;
  Process child;
  final TestSubscriber.Collector received = new TestSubscriber.Collector();

  @AfterEach
  void stop() throws Exception {
    if (child != null) {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
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

  @Test
  void anApplianceKilledInTheMiddleOfABurstDeliversEveryCommittedEventAfterRestart() throws Exception {
    // a real broker is the point of this test: missing, it fails (make test installs mosquitto)
    assertThat(Mosquitto.isInstalled()).as("mosquitto is not installed: run make deps").isTrue();
    broker = Mosquitto.start(dir, "broker", new Mosquitto.Options());
    subscriber = TestSubscriber.connect(broker.uri(), "dashboard", false, received, "vaultline/vl1/#");
    Path db = dir.resolve("vaultline.db");

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    // Output to a file, not a pipe: the pipe would die with the child and could block it before.
    child = new ProcessBuilder(java, "-cp", classpath, PublisherChild.class.getName(), db.toString(),
        broker.uri().toString(), "2000", "1")
        .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    assertThat(received.await(c -> c.eventSeqs().size() >= 300, Mosquitto.timeout()))
        .as(() -> read(dir.resolve("child.log"))).isTrue();
    child.destroyForcibly(); // SIGKILL: no shutdown hook, no DISCONNECT, no last mark
    child.waitFor(10, TimeUnit.SECONDS);
    long receivedAtKill = received.eventSeqs().size();

    assertThat(received.await(c -> c.last("/status").map(r -> r.payload().contains("\"offline\"")).orElse(false),
        Mosquitto.timeout())).as("the Last Will").isTrue();
    assertThat(received.last("/status").orElseThrow().json().get("reason").asText()).isEqualTo("connection lost");

    store = Store.open(db);
    long committed = store.outbox().status().lastSeq();
    long unpublished = store.outbox().status().unpublished();
    Logger.info("Child killed: {} events committed, {} received, {} still unpublished", committed,
        receivedAtKill, unpublished);
    assertThat(committed).isGreaterThanOrEqualTo(300);

    publisher = new EventPublisher(Wait.settings(broker.uri()), OutboxSource.of(store.outbox()),
        () -> RetainedSnapshot.EMPTY).start();
    assertThat(received.awaitAllEvents(committed, Mosquitto.timeout())).isTrue();
    assertThat(received.distinctEventSeqs()).as("first arrivals").isEqualTo(BrokerOutageTest.oneTo(committed));
    assertThat(publisher.awaitPublished(committed, Mosquitto.timeout())).isTrue();
    assertThat(store.outbox().status().unpublished()).isZero();
    assertThat(received.await(c -> c.last("/status").map(r -> r.payload().contains("\"online\"")).orElse(false),
        Mosquitto.timeout())).isTrue();
  }

  private static String read(Path p) {
    try {
      return java.nio.file.Files.readString(p);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
