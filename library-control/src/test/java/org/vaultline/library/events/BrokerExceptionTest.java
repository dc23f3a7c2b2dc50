package org.vaultline.library.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Connection failures are sorted by what the operator has to do about them. */
class BrokerExceptionTest {
  final URI broker = URI.create("tcp://b:1883");

  @Test
  void credentialsRefusedAreRejectedWithTheReasonCode() {
    BrokerException v5 = BrokerException.connectFailed(broker, MqttProtocol.MQTT_5, "vaultline", 0x86, null);
    assertThat(v5.kind()).isEqualTo(BrokerException.Kind.REJECTED);
    assertThat(v5.reasonCode()).hasValue(134);
    assertThat(v5.getMessage()).isEqualTo("VLN0705E MQTT broker tcp://b:1883 rejected the connection of user vaultline:"
        + " Bad User Name or Password (MQTT reason code 134). Check the user name and password configured for the"
        + " broker.");
    assertThat(BrokerException.connectFailed(broker, MqttProtocol.MQTT_3_1_1, "u", 4, null).kind())
        .isEqualTo(BrokerException.Kind.REJECTED);
  }

  @Test
  void otherRefusalsKeepTheirReasonCode() {
    BrokerException e = BrokerException.connectFailed(broker, MqttProtocol.MQTT_5, "u", 0x89, null);
    assertThat(e.kind()).isEqualTo(BrokerException.Kind.REFUSED);
    assertThat(e.getMessage()).isEqualTo("VLN0712E MQTT broker tcp://b:1883 refused the connection: Server busy"
        + " (MQTT reason code 137).");
    assertThat(BrokerException.connectFailed(broker, MqttProtocol.MQTT_3_1_1, "u", 3, null).kind())
        .isEqualTo(BrokerException.Kind.REFUSED);
  }

  @Test
  void networkAndTlsFailuresAreToldApart() {
    Exception refused = new RuntimeException("wrapper", new ConnectException("Connection refused"));
    assertThat(BrokerException.connectFailed(broker, MqttProtocol.MQTT_5, "u", -1, refused).kind())
        .isEqualTo(BrokerException.Kind.UNREACHABLE);
    BrokerException tls = BrokerException.connectFailed(broker, MqttProtocol.MQTT_5, "u", -1,
        new RuntimeException(new SSLHandshakeException("PKIX path building failed")));
    assertThat(tls.kind()).isEqualTo(BrokerException.Kind.TLS);
    assertThat(tls.getMessage()).startsWith("VLN0706E TLS connection to MQTT broker tcp://b:1883 failed:"
        + " SSLHandshakeException: PKIX path building failed.");
    assertThat(BrokerException.connectFailed(broker, MqttProtocol.MQTT_5, "u", -1, new IllegalStateException("?"))
        .kind()).isEqualTo(BrokerException.Kind.FAILED);
  }

  @Test
  void everyCatalogueMessageOfTheEventsRangeIsWellFormed() throws Exception {
    java.util.Set<Integer> numbers = new java.util.HashSet<>();
    for (java.lang.reflect.Field f : EventMessages.class.getFields()) {
      var t = (org.vaultline.library.store.MessageTemplate) f.get(null);
      assertThat(t.id().number()).as(f.getName()).isBetween(700, 799);
      assertThat(numbers.add(t.id().number())).as("%s reuses %s", f.getName(), t.id()).isTrue();
    }
  }
}
