package org.vaultline.library.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The tests' own subscriber: bare Paho MQTT 5 with its automatic reconnect, independent of the code
 * under test. With a persistent session (clean start off, one hour expiry) the broker queues messages
 * for it while it is disconnected, and a broker with persistence keeps that session across a restart.
 * It subscribes again on every connection, in case the broker lost the session.
 */
final class TestSubscriber implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What every subscriber of a test adds to, in arrival order. */
  static final class Collector {
    private final List<Received> all = new ArrayList<>();
    private final java.util.Set<Long> seqs = new java.util.HashSet<>();

    synchronized void add(Received r) {
      all.add(r);
      if (r.seq().isPresent() && r.topic().contains("/events/")) {
        seqs.add(r.seq().get());
      }
      notifyAll();
    }

    /** How many different event seqs 1..n arrived. */
    synchronized long distinctUpTo(long n) {
      return seqs.stream().filter(s -> s >= 1 && s <= n).count();
    }

    synchronized List<Received> all() {
      return new ArrayList<>(all);
    }

    /** Seqs of event messages in arrival order, repeats included. */
    synchronized List<Long> eventSeqs() {
      List<Long> out = new ArrayList<>();
      for (Received r : all) {
        if (r.seq().isPresent() && r.topic().contains("/events/")) {
          out.add(r.seq().get());
        }
      }
      return out;
    }

    /** Seqs of event messages with repeats removed, first arrival kept. */
    synchronized List<Long> distinctEventSeqs() {
      return new ArrayList<>(new LinkedHashSet<>(eventSeqs()));
    }

    synchronized boolean await(Predicate<Collector> condition, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!condition.test(this)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }

    /** Waits until every seq 1..n arrived at least once. */
    boolean awaitAllEvents(long n, Duration timeout) throws InterruptedException {
      return await(c -> c.distinctUpTo(n) == n, timeout);
    }

    synchronized Optional<Received> last(String topicSuffix) {
      for (int i = all.size() - 1; i >= 0; i--) {
        if (all.get(i).topic().endsWith(topicSuffix)) {
          return Optional.of(all.get(i));
        }
      }
      return Optional.empty();
    }
  }

  record Received(String topic, String payload, boolean retained, Optional<Long> seq,
      java.util.Map<String, String> userProperties) {
    JsonNode json() {
      try {
        return JSON.readTree(payload);
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private final MqttAsyncClient client;
  private final Collector collector;
  private final String[] filters;
  private volatile int connections;

  private TestSubscriber(MqttAsyncClient client, Collector collector, String[] filters) {
    this.client = client;
    this.collector = collector;
    this.filters = filters;
  }

  static TestSubscriber connect(URI broker, String clientId, boolean persistent, Collector collector,
      String... filters) throws MqttException {
    return connect(broker, clientId, persistent, collector, null, filters);
  }

  static TestSubscriber connect(URI broker, String clientId, boolean persistent, Collector collector,
      SocketFactory tls, String... filters) throws MqttException {
    return connect(broker, clientId, persistent, collector, tls, o -> {}, filters);
  }

  static TestSubscriber connect(URI broker, String clientId, boolean persistent, Collector collector,
      SocketFactory tls, java.util.function.Consumer<MqttConnectionOptions> options, String... filters)
      throws MqttException {
    MqttAsyncClient client = new MqttAsyncClient(broker.toString(), clientId, new MemoryPersistence());
    TestSubscriber s = new TestSubscriber(client, collector, filters);
    client.setCallback(new MqttCallback() {
      @Override
      public void disconnected(MqttDisconnectResponse r) {}

      @Override
      public void mqttErrorOccurred(MqttException e) {}

      @Override
      public void messageArrived(String topic, MqttMessage m) {
        String payload = new String(m.getPayload(), StandardCharsets.UTF_8);
        Optional<Long> seq = Optional.empty();
        try {
          JsonNode n = payload.isEmpty() ? null : JSON.readTree(payload);
          if (n != null && n.has("seq") && topic.contains("/events/")) {
            seq = Optional.of(n.get("seq").asLong());
          }
        } catch (java.io.IOException e) {
          // not JSON: kept without a seq
        }
        java.util.Map<String, String> props = new java.util.HashMap<>();
        if (m.getProperties() != null && m.getProperties().getUserProperties() != null) {
          m.getProperties().getUserProperties().forEach(u -> props.put(u.getKey(), u.getValue()));
        }
        collector.add(new Received(topic, payload, m.isRetained(), seq, props));
      }

      @Override
      public void deliveryComplete(IMqttToken token) {}

      @Override
      public void connectComplete(boolean reconnect, String serverURI) {
        s.connections++;
        if (reconnect) {
          try {
            s.subscribe();
          } catch (MqttException e) {
            throw new IllegalStateException(e);
          }
        }
      }

      @Override
      public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    });
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(!persistent);
    o.setSessionExpiryInterval(persistent ? 3600L : 0L);
    o.setAutomaticReconnect(true);
    o.setAutomaticReconnectDelay(1, 2);
    o.setKeepAliveInterval(5);
    o.setReceiveMaximum(1000);
    if (tls != null) {
      o.setSocketFactory(tls);
    }
    options.accept(o);
    client.connect(o).waitForCompletion(20_000);
    s.subscribe().waitForCompletion(20_000);
    return s;
  }

  private IMqttToken subscribe() throws MqttException {
    int[] qos = new int[filters.length];
    java.util.Arrays.fill(qos, 1);
    return client.subscribe(filters, qos);
  }

  /** Publishes a plain message (the tests' probe behind retained messages). */
  void publish(String topic, String payload, boolean retained) throws MqttException {
    MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
    m.setQos(1);
    m.setRetained(retained);
    client.publish(topic, m).waitForCompletion(20_000);
  }

  int connections() {
    return connections;
  }

  Collector collector() {
    return collector;
  }

  @Override
  public void close() {
    try {
      if (client.isConnected()) {
        client.disconnect().waitForCompletion(5_000);
      }
    } catch (MqttException e) {
      // closing anyway
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      // nothing left to do
    }
  }
}
