package org.vaultline.library.events;

import org.vaultline.peers.Mosquitto;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vaultline.library.store.Store;

/** TLS with certificates generated for the test, client certificates, user name and password. */
class SecurityTest {
  @TempDir Path dir;
  Mosquitto broker;
  Store store;
  EventPublisher publisher;
  TestSubscriber subscriber;
  final TestSubscriber.Collector received = new TestSubscriber.Collector();

  @BeforeEach
  void check() {
    // a real broker is the point of this test: missing, it fails (make test installs mosquitto)
    assertThat(Mosquitto.isInstalled()).as("mosquitto is not installed: run make deps").isTrue();
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {publisher, subscriber, store, broker}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void eventsTravelOverTlsWithAClientCertificateAndAPassword() throws Exception {
    assertThat(Certificates.opensslInstalled()).as("openssl is not installed: run make deps").isTrue();
    Certificates pki = Certificates.create(dir, "pki", "IP:127.0.0.1");
    broker = Mosquitto.start(dir, "broker", new Mosquitto.Options().password("vaultline", "s3cret")
        .tls(pki.ca, pki.serverCert, pki.serverKey, true));
    TlsSettings tls = TlsSettings.trusting(pki.ca).withClientCertificate(pki.clientCert, pki.clientKey);
    MqttSettings settings = Wait.settings(broker.uri()).withTls(tls)
        .withCredentials(new BrokerCredentials("vaultline", "s3cret"));
    assertThat(broker.uri().getScheme()).isEqualTo("ssl");
    assertThat(EventPublisher.check(settings)).isEqualTo(broker.uri());

    store = TestEvents.open(dir);
    for (int i = 1; i <= 100; i++) {
      TestEvents.emit(store, i);
    }
    subscriber = TestSubscriber.connect(broker.uri(), "dashboard", false, received, TlsSocketFactory.create(tls),
        o -> {
          o.setUserName("vaultline");
          o.setPassword("s3cret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }, "vaultline/vl1/events/#");
    publisher = new EventPublisher(settings, OutboxSource.of(store.outbox()), () -> RetainedSnapshot.EMPTY).start();
    assertThat(received.awaitAllEvents(100, Mosquitto.timeout())).isTrue();
    assertThat(received.distinctEventSeqs()).isEqualTo(BrokerOutageTest.oneTo(100));
  }

  @Test
  void aBrokerCertificateFromAnotherCaIsATlsError() throws Exception {
    assertThat(Certificates.opensslInstalled()).as("openssl is not installed: run make deps").isTrue();
    Certificates pki = Certificates.create(dir, "pki", "IP:127.0.0.1");
    Certificates other = Certificates.create(dir, "other", "IP:127.0.0.1");
    broker = Mosquitto.start(dir, "broker", new Mosquitto.Options().tls(pki.ca, pki.serverCert, pki.serverKey, false));

    BrokerException e = catchThrowableOfType(BrokerException.class,
        () -> EventPublisher.check(Wait.settings(broker.uri())
            .withTls(TlsSettings.trusting(other.ca))));
    assertThat(e.kind()).isEqualTo(BrokerException.Kind.TLS);
    assertThat(e.getMessage()).startsWith("VLN0706E TLS connection to MQTT broker " + broker.uri() + " failed:");
    // The right CA works, without a client certificate since this broker does not ask for one.
    assertThat(EventPublisher.check(Wait.settings(broker.uri()).withTls(TlsSettings.trusting(pki.ca))))
        .isEqualTo(broker.uri());
  }

  @Test
  void aCertificateThatDoesNotNameTheHostIsRefusedUnlessVerificationIsOff() throws Exception {
    assertThat(Certificates.opensslInstalled()).as("openssl is not installed: run make deps").isTrue();
    Certificates pki = Certificates.create(dir, "pki", "IP:127.0.0.1");
    broker = Mosquitto.start(dir, "broker", new Mosquitto.Options().tls(pki.ca, pki.serverCert, pki.serverKey, false));
    MqttSettings byName = Wait.settings(broker.uri("localhost"));

    BrokerException e = catchThrowableOfType(BrokerException.class,
        () -> EventPublisher.check(byName.withTls(TlsSettings.trusting(pki.ca))));
    assertThat(e.kind()).isEqualTo(BrokerException.Kind.TLS);
    TlsSettings unchecked = new TlsSettings(java.util.Optional.of(pki.ca), java.util.Optional.empty(),
        java.util.Optional.empty(), false);
    assertThat(EventPublisher.check(byName.withTls(unchecked))).isEqualTo(broker.uri("localhost"));
  }

  @ParameterizedTest
  @EnumSource(MqttProtocol.class)
  void aWrongPasswordIsRejectedWithTheBrokersReasonCode(MqttProtocol protocol) throws Exception {
    broker = Mosquitto.start(dir, "broker", new Mosquitto.Options().password("vaultline", "s3cret"));
    MqttSettings wrong = Wait.settings(broker.uri()).withProtocol(protocol)
        .withCredentials(new BrokerCredentials("vaultline", "guess"));

    BrokerException e = catchThrowableOfType(BrokerException.class,
        () -> EventPublisher.check(wrong));
    assertThat(e.kind()).isEqualTo(BrokerException.Kind.REJECTED);
    int code = e.reasonCode().orElseThrow();
    // mosquitto answers MQTT 5 with 0x86 Bad User Name or Password or 0x87 Not authorized, 3.1.1 with 4 or 5.
    assertThat(code).isIn(protocol == MqttProtocol.MQTT_5 ? java.util.List.of(0x86, 0x87) : java.util.List.of(4, 5));
    assertThat(e.getMessage()).startsWith("VLN0705E MQTT broker " + broker.uri() + " rejected the connection of user"
        + " vaultline: ").contains("(MQTT reason code " + code + ")").contains("Check the user name and password");
    assertThat(e.getMessage()).doesNotContain("guess");

    // The publisher keeps the events and says why it cannot deliver them.
    store = TestEvents.open(dir);
    TestEvents.emit(store, 1);
    publisher = new EventPublisher(wrong, OutboxSource.of(store.outbox()), () -> RetainedSnapshot.EMPTY).start();
    assertThat(Wait.until(() -> publisher.status().lastError().map(m -> m.startsWith("VLN0705E")).orElse(false),
        Mosquitto.timeout())).isTrue();
    assertThat(store.outbox().status().unpublished()).isEqualTo(1);

    MqttSettings right = Wait.settings(broker.uri()).withProtocol(protocol)
        .withCredentials(new BrokerCredentials("vaultline", "s3cret"));
    assertThat(EventPublisher.check(right)).isEqualTo(broker.uri());
  }

  @Test
  void anonymousAccessToABrokerThatRequiresAPasswordIsRejected() throws Exception {
    broker = Mosquitto.start(dir, "broker", new Mosquitto.Options().password("vaultline", "s3cret"));
    BrokerException e = catchThrowableOfType(BrokerException.class,
        () -> EventPublisher.check(Wait.settings(broker.uri())));
    assertThat(e.kind()).isEqualTo(BrokerException.Kind.REJECTED);
    assertThat(e.getMessage()).contains("user (anonymous)");
  }
}
