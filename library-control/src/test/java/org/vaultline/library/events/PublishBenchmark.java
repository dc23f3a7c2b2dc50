package org.vaultline.library.events;

import org.vaultline.peers.Mosquitto;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.vaultline.library.store.EventCategory;
import org.vaultline.library.store.Store;

/**
 * Benchmark (not a test): events per second through the outbox to a local Mosquitto, against bare Paho
 * QoS 1 publishing of the same payloads to the same broker in the same run.
 *
 * <ul>
 *   <li><b>bare Paho</b>: one MQTT 5 client publishes N messages at QoS 1 with the publisher's in-flight
 *       window and waits for every PUBACK — the ceiling for one connection.
 *   <li><b>outbox drain</b>: N events already committed in the SQLite store; the {@link EventPublisher}
 *       reads them in seq order, publishes at QoS 1, marks them published (timed from start() to the
 *       last mark, connection included).
 *   <li><b>commit + publish</b>: a writer commits N events one transaction each (SQLite, synchronous=FULL)
 *       while the publisher drains them; timed until the last is marked. Bounded by the commits.
 * </ul>
 * Run: {@code java -cp <test class path> org.vaultline.library.events.PublishBenchmark [N] [rounds]}.
 */
public final class PublishBenchmark {
  private PublishBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (System.getProperty("tinylog.level") == null) {
      System.setProperty("tinylog.level", "info"); // sqlite-jdbc traces every statement otherwise
    }
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = Files.createTempDirectory("vaultline-bench");
    try (Mosquitto broker = Mosquitto.start(dir, "broker", new Mosquitto.Options())) {
      MqttSettings settings = Wait.settings(broker.uri()).withPollInterval(Duration.ofMillis(50));
      String payload = WireFormat.parse("{\"seq\":1,\"time\":\"2025-06-01T14:03:12.345Z\",\"appliance\":\"vl1\","
          + "\"category\":\"drm\",\"type\":\"test.event\",\"text\":\"Test event 1.\",\"n\":1}").toString();
      System.out.printf(Locale.ROOT, "mosquitto %s, %d events per round, %d rounds, at most %d in flight (and the"
          + " broker's Receive Maximum), payload %d bytes%n", broker.uri(), n, rounds, settings.maxInflight(),
          payload.length());
      List<Double> bares = new java.util.ArrayList<>();
      List<Double> bareProperties = new java.util.ArrayList<>();
      List<Double> outboxes = new java.util.ArrayList<>();
      List<Double> ratios = new java.util.ArrayList<>();
      List<Double> commits = new java.util.ArrayList<>();
      for (int r = 0; r <= rounds; r++) {
        boolean warmUp = r == 0;
        double bare = bare(broker, settings.maxInflight(), n, payload, false);
        double bareProps = bare(broker, settings.maxInflight(), n, payload, true);
        double outbox = outbox(dir.resolve("round" + r), settings, n);
        double commit = commitAndPublish(dir.resolve("commit" + r), settings, Math.min(n, 5_000));
        System.out.printf(Locale.ROOT, "%s bare Paho %,.0f/s (%,.0f/s with our MQTT 5 properties)   outbox drain"
            + " %,.0f/s (%.2f of bare)   commit+publish %,.0f/s%n", warmUp ? "warm-up:" : "round " + r + ":", bare,
            bareProps, outbox, outbox / bare, commit);
        if (!warmUp) {
          bares.add(bare);
          bareProperties.add(bareProps);
          outboxes.add(outbox);
          ratios.add(outbox / bare);
          commits.add(commit);
        }
      }
      System.out.printf(Locale.ROOT, "median of %d rounds: bare Paho %,.0f events/s (%,.0f with properties), outbox"
          + " drain %,.0f events/s, ratio outbox/bare %.2f; commit+publish %,.0f events/s%n", rounds, median(bares),
          median(bareProperties), median(outboxes), median(ratios), median(commits));
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new java.util.ArrayList<>(values);
    java.util.Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Bare Paho MQTT 5, QoS 1, the same window as the publisher. */
  private static double bare(Mosquitto broker, int window, int n, String payload, boolean properties)
      throws Exception {
    MqttAsyncClient client = new MqttAsyncClient(broker.uri().toString(), "bench-bare", new MemoryPersistence());
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(true);
    IMqttToken connected = client.connect(o);
    connected.waitForCompletion(10_000);
    Integer receiveMaximum = connected.getResponseProperties() == null ? null
        : connected.getResponseProperties().getReceiveMaximum();
    int permits = Math.min(window, receiveMaximum == null ? 65535 : receiveMaximum);
    Semaphore inflight = new Semaphore(permits);
    AtomicLong failed = new AtomicLong();
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    MqttActionListener done = new MqttActionListener() {
      @Override
      public void onSuccess(IMqttToken token) {
        inflight.release();
      }

      @Override
      public void onFailure(IMqttToken token, Throwable e) {
        failed.incrementAndGet();
        inflight.release();
      }
    };
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      inflight.acquire();
      MqttMessage m = new MqttMessage(bytes);
      m.setQos(1);
      if (properties) {
        MqttProperties p = new MqttProperties();
        p.setContentType("application/json");
        p.setPayloadFormat(true);
        p.setUserProperties(List.of(new UserProperty("appliance", "vl1"), new UserProperty("category", "drm"),
            new UserProperty("seq", Integer.toString(i + 1)), new UserProperty("type", "test.event")));
        m.setProperties(p);
      }
      client.publish("vaultline/bench/events/drm", m, null, done);
    }
    inflight.acquire(permits);
    long elapsed = System.nanoTime() - start;
    client.disconnect().waitForCompletion(5_000);
    client.close();
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " bare publishes failed");
    }
    return n / (elapsed / 1e9);
  }

  /** N committed events drained by the publisher. */
  private static double outbox(Path dir, MqttSettings settings, int n) throws Exception {
    Files.createDirectories(dir);
    try (Store store = TestEvents.open(dir)) {
      int perTx = 1_000;
      for (int i = 0; i < n; i += perTx) {
        int from = i;
        store.transact(tx -> {
          tx.log(org.vaultline.library.store.Messages.VOLUME_UPDATED, "V1", "LIB1", "bench");
          for (int k = from; k < Math.min(n, from + perTx); k++) {
            tx.event(EventCategory.DRM, TestEvents.payload(k + 1));
          }
        });
      }
      long start = System.nanoTime();
      try (EventPublisher p = new EventPublisher(settings, OutboxSource.of(store.outbox()),
          () -> RetainedSnapshot.EMPTY).start()) {
        if (!p.awaitPublished(n, Duration.ofMinutes(5))) {
          throw new IllegalStateException("outbox not drained: " + p.status());
        }
        long elapsed = System.nanoTime() - start;
        return n / (elapsed / 1e9);
      }
    }
  }

  /** One transaction per event while the publisher drains. */
  private static double commitAndPublish(Path dir, MqttSettings settings, int n) throws Exception {
    Files.createDirectories(dir);
    try (Store store = TestEvents.open(dir);
        EventPublisher p = new EventPublisher(settings, OutboxSource.of(store.outbox()),
            () -> RetainedSnapshot.EMPTY).start()) {
      Wait.until(() -> p.status().state() == PublisherStatus.State.CONNECTED, Duration.ofSeconds(30));
      long start = System.nanoTime();
      TestEvents.Writer writer = new TestEvents.Writer(store, n, p);
      writer.start();
      writer.finish();
      if (!p.awaitPublished(n, Duration.ofMinutes(5))) {
        throw new IllegalStateException("not drained: " + p.status());
      }
      return n / ((System.nanoTime() - start) / 1e9);
    } finally {
      TimeUnit.MILLISECONDS.sleep(10);
    }
  }
}
