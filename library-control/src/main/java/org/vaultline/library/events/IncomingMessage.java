package org.vaultline.library.events;

import java.util.Map;
import java.util.Objects;

/**
 * A message received from the broker.
 *
 * @param payload the UTF-8 payload; empty for a cleared retained topic
 * @param retained whether the broker sent it from its retained store (on subscribing)
 * @param userProperties MQTT 5 user properties; empty under MQTT 3.1.1
 */
public record IncomingMessage(String topic, String payload, boolean retained, Map<String, String> userProperties) {
  public IncomingMessage {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(payload, "payload");
    userProperties = Map.copyOf(userProperties);
  }
}
