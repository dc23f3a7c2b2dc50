package org.vaultline.library.events;

import java.util.Map;
import java.util.Objects;

/**
 * One QoS 1 message to publish.
 *
 * @param payload UTF-8 JSON text; empty for the message that clears a retained topic
 * @param userProperties MQTT 5 user properties (dropped under MQTT 3.1.1)
 */
public record OutgoingMessage(String topic, String payload, boolean retained, Map<String, String> userProperties) {
  public OutgoingMessage {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(payload, "payload");
    userProperties = Map.copyOf(userProperties);
  }

  public static OutgoingMessage retained(String topic, String payload) {
    return new OutgoingMessage(topic, payload, true, Map.of());
  }
}
