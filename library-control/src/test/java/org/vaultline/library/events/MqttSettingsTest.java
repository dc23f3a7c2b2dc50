package org.vaultline.library.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MqttSettingsTest {
  @Test
  void defaultsNameTheApplianceInTheRootAndTheClientId() {
    MqttSettings s = MqttSettings.forAppliance("vl1", List.of(URI.create("tcp://broker:1883")));
    assertThat(s.topicRoot()).isEqualTo("vaultline/vl1/");
    assertThat(s.clientId()).isEqualTo("vaultline-vl1");
    assertThat(s.protocol()).isEqualTo(MqttProtocol.MQTT_5);
    assertThat(s.primary()).isEqualTo(URI.create("tcp://broker:1883"));
    assertThat(s.credentials()).isEmpty();
    assertThat(s.replayWindow()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void brokerUrisAreNormalizedToWhatPahoTakesWithDefaultPorts() {
    MqttSettings s = MqttSettings.forAppliance("vl1", List.of(URI.create("mqtt://a"), URI.create("mqtts://b"),
        URI.create("ssl://c:9999"), URI.create("TCP://d:1")));
    assertThat(s.brokers()).containsExactly(URI.create("tcp://a:1883"), URI.create("ssl://b:8883"),
        URI.create("ssl://c:9999"), URI.create("tcp://d:1"));
  }

  @Test
  void unusableSettingsAreRefusedWhenMade() {
    List<URI> one = List.of(URI.create("tcp://a:1"));
    assertThatThrownBy(() -> MqttSettings.forAppliance("vl1", List.of(URI.create("http://a"))))
        .hasMessageContaining("tcp://host:port");
    assertThatThrownBy(() -> MqttSettings.forAppliance("vl1", List.of(URI.create("tcp://a:1/x"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MqttSettings.forAppliance("v/1", one)).hasMessageContaining("appliance name");
    assertThatThrownBy(() -> MqttSettings.forAppliance("vl1", one).withMaxInflight(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MqttSettings.forAppliance("vl1", one).withClientId(""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MqttSettings.forAppliance("vl1", one).withRetryDelays(Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MqttSettings.forAppliance("vl1", List.of()).primary())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void thePasswordNeverAppearsInToString() {
    MqttSettings s = MqttSettings.forAppliance("vl1", List.of(URI.create("tcp://a:1")))
        .withCredentials(new BrokerCredentials("vaultline", "s3cret"));
    assertThat(s.toString()).contains("vaultline").doesNotContain("s3cret");
  }

  @Test
  void aClientCertificateNeedsItsKey() {
    assertThatThrownBy(() -> new TlsSettings(java.util.Optional.empty(), java.util.Optional.of(java.nio.file.Path.of(
        "c.pem")), java.util.Optional.empty(), true)).isInstanceOf(IllegalArgumentException.class);
  }
}
