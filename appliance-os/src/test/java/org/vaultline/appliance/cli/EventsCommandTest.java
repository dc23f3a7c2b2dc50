package org.vaultline.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.library.events.EmbeddedBroker;

/**
 * {@code vaultline events} finds the broker through {@code GET /api/v1/status} and prints the retained state, or
 * follows events; against the embedded broker, with messages published by a plain Paho client.
 */
class EventsCommandTest {
  @TempDir
  java.nio.file.Path home;

  FakeAdminServer server;
  EmbeddedBroker broker;
  MqttClient publisher;

  @BeforeEach
  void start() throws Exception {
    broker = EmbeddedBroker.start(0);
    server = new FakeAdminServer("ADMIN", "secret");
    server.status("{\"appliance\":\"TESTAPP\",\"version\":\"0.1.0-TEST\",\"started\":\"2026-11-22T16:00:00Z\","
        + "\"mqtt\":{\"brokers\":[\"" + broker.uri() + "\"],\"rootTopic\":\"vaultline/TESTAPP\",\"version\":\"5\"}}");
    publisher = new MqttClient(broker.uri().toString(), "test-publisher", new MemoryPersistence());
    publisher.connect();
  }

  @AfterEach
  void stop() throws Exception {
    publisher.disconnect();
    publisher.close();
    server.close();
    broker.close();
  }

  void publish(String topic, String payload, boolean retained) throws Exception {
    MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
    m.setQos(1);
    m.setRetained(retained);
    publisher.publish("vaultline/TESTAPP/" + topic, m);
  }

  ClientRun.Result events(String... args) {
    String[] all = new String[args.length + 5];
    all[0] = "events";
    all[1] = "--server";
    all[2] = server.url().toString();
    all[3] = "--id";
    all[4] = "admin";
    System.arraycopy(args, 0, all, 5, args.length);
    return new ClientRun(home).env("VAULTLINE_PASSWORD", "secret").run(all);
  }

  @Test
  void withoutFollowItPrintsTheRetainedStateAndExits() throws Exception {
    publish("status", "{\"appliance\":\"TESTAPP\",\"state\":\"online\",\"version\":\"0.1.0\"}", true);
    publish("volumes/A00017L6", "{\"volume\":\"A00017L6\",\"state\":\"VAULT\",\"location\":\"IRON\","
        + "\"updated\":\"2026-11-22T16:05:00Z\"}", true);
    publish("events/drm", "{\"seq\":5,\"type\":\"drm.transition\",\"text\":\"not retained\"}", false);
    ClientRun.Result r = events();
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("status  TESTAPP online, version 0.1.0")
        .contains("volume  A00017L6 VAULT at IRON").doesNotContain("not retained");
    assertThat(server.received()).extracting(FakeAdminServer.Received::path).containsExactly("/api/v1/status");
  }

  @Test
  void followPrintsEventsAsTheyArriveInJsonWhenAsked() throws Exception {
    CompletableFuture<ClientRun.Result> run = CompletableFuture.supplyAsync(
        () -> events("--follow", "--topic", "events/#", "--limit", "2", "--json"));
    // The follower subscribes after the status call; publish until both arrive.
    long seq = 1;
    while (!run.isDone() && seq < 200) {
      publish("events/drm", "{\"seq\":" + seq + ",\"type\":\"drm.transition\",\"text\":\"Volume A1: step " + seq
          + "\"}", false);
      seq++;
      TimeUnit.MILLISECONDS.sleep(100);
    }
    ClientRun.Result r = run.get(30, TimeUnit.SECONDS);
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).hasSize(2).allSatisfy(l -> {
      assertThat(FakeAdminServer.JSON.readTree(l).get("topic").asText()).isEqualTo("events/drm");
      assertThat(FakeAdminServer.JSON.readTree(l).at("/payload/type").asText()).isEqualTo("drm.transition");
    });
  }

  @Test
  void aStatusWithoutBrokerSaysSo() {
    server.status("{\"appliance\":\"TESTAPP\",\"version\":\"1\",\"mqtt\":{\"brokers\":[]}}");
    ClientRun.Result r = events();
    assertThat(r.status()).isEqualTo(4);
    assertThat(r.err()).startsWith("VLN0630E");
  }
}
