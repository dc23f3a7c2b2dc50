package org.vaultline.library.events;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One MQTT connection to one broker through Eclipse Paho, MQTT 5 or 3.1.1. Sessions are clean: the
 * broker keeps nothing for us between connections, so what was in flight is re-sent from the outbox and
 * subscriptions are made again after every reconnection.
 */
interface BrokerSession extends AutoCloseable {
  /** What a connection needs besides the broker's URI. */
  record ConnectRequest(MqttSettings settings, String clientId, Optional<OutgoingMessage> will) {}

  /** Told about the connection's end and about received messages, on Paho's callback thread. */
  interface Listener {
    void lost(BrokerException cause);

    default void message(IncomingMessage message) {}
  }

  /** Told once when a publish is acknowledged (PUBACK) or has failed. */
  interface Completion {
    void acknowledged();

    void failed(BrokerException cause);
  }

  /**
   * Connects to {@code broker}; returns once the broker accepted (CONNACK).
   *
   * @throws BrokerException when it cannot be reached or refuses
   */
  static BrokerSession open(URI broker, ConnectRequest request, Listener listener) throws BrokerException {
    if (request.settings().protocol() == MqttProtocol.MQTT_3_1_1) {
      return PahoV3Session.open(broker, request, listener);
    }
    return PahoV5Session.open(broker, request, listener);
  }

  URI broker();

  /** How many QoS 1 messages may be unacknowledged at once (the broker's MQTT 5 Receive Maximum). */
  int sendQuota();

  /** Sends {@code message} at QoS 1; {@code completion} hears of its PUBACK or failure. */
  void publish(OutgoingMessage message, Completion completion) throws BrokerException;

  /** Subscribes to {@code filters} at QoS 1 and waits for the SUBACK. */
  void subscribe(List<String> filters, Duration timeout) throws BrokerException;

  /** Disconnects normally (the broker does not publish the Last Will) and frees Paho's threads. */
  @Override
  void close();

  /** Drops the connection without DISCONNECT, as a crash would (the broker publishes the Last Will). */
  void abort();
}
