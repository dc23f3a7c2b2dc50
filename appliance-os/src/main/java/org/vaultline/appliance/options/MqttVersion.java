package org.vaultline.appliance.options;

/** MQTTVERSION: the MQTT protocol version spoken to the broker (OASIS MQTT 5.0 or 3.1.1). */
public enum MqttVersion {
  V5("5"),
  V3_1_1("3.1.1");

  private final String text;

  MqttVersion(String text) {
    this.text = text;
  }

  /** As written in the options file: {@code 5} or {@code 3.1.1}. */
  public String text() {
    return text;
  }

  static MqttVersion parse(String value) {
    for (MqttVersion v : values()) {
      if (v.text.equals(value)) {
        return v;
      }
    }
    if (value.equals("3")) {
      return V3_1_1;
    }
    throw new IllegalArgumentException("the MQTT version is 5 or 3.1.1");
  }
}
