package org.vaultline.library.events;

/** The MQTT protocol version spoken to the broker. */
public enum MqttProtocol {
  /** MQTT 5.0 (OASIS, 2019): reason codes, user properties, Receive Maximum. The default. */
  MQTT_5("MQTT 5"),
  /** MQTT 3.1.1 (OASIS, 2014), for older brokers: no user properties, CONNACK return codes 0..5. */
  MQTT_3_1_1("MQTT 3.1.1");

  private final String label;

  MqttProtocol(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
