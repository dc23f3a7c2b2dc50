package org.vaultline.library.events;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * Connects to the first broker of {@link MqttSettings#brokers()} that accepts, always trying them in
 * order, primary first — the way TSM's automated client failover moves to the secondary server when the
 * primary is unreachable and returns to the primary at the next connection. Moving on to the next broker
 * is logged ({@code VLN0701W}), and so is running on an alternate ({@code VLN0702W}).
 *
 * <p>During a long outage every attempt fails the same way; a broker's failure is logged as a warning
 * when it first happens or changes, and at debug level while it repeats.
 */
final class BrokerConnector {
  private final MqttSettings settings;
  private final String clientId;
  private final Map<URI, String> failing = new HashMap<>();

  BrokerConnector(MqttSettings settings, String clientId) {
    this.settings = settings;
    this.clientId = clientId;
  }

  /**
   * @return a session with the first broker that accepted
   * @throws BrokerException when none did: of kind {@code REJECTED} if any broker refused the credentials,
   *     else of the primary's kind; its message names every broker's failure
   */
  BrokerSession connect(Optional<OutgoingMessage> will, BrokerSession.Listener listener) throws BrokerException {
    List<URI> brokers = settings.brokers();
    if (brokers.isEmpty()) {
      throw new IllegalStateException("no MQTT broker configured");
    }
    List<BrokerException> failures = new ArrayList<>();
    for (int i = 0; i < brokers.size(); i++) {
      URI broker = brokers.get(i);
      try {
        BrokerSession session = BrokerSession.open(broker,
            new BrokerSession.ConnectRequest(settings, clientId, will), listener);
        failing.remove(broker);
        Logger.info(EventMessages.CONNECTED.format(broker, settings.protocol(), clientId).render());
        if (i > 0) {
          Logger.warn(EventMessages.ON_ALTERNATE.format(broker, brokers.get(0)).render());
        }
        return session;
      } catch (BrokerException e) {
        failures.add(e);
        boolean last = i + 1 == brokers.size();
        boolean configuration = e.kind() == BrokerException.Kind.REJECTED || e.kind() == BrokerException.Kind.TLS
            || e.kind() == BrokerException.Kind.REFUSED;
        String text = last ? e.getMessage()
            : configuration ? e.getMessage() + " Trying the next broker, " + brokers.get(i + 1) + "."
            : EventMessages.BROKER_UNREACHABLE.format(broker, e.getMessage(), brokers.get(i + 1)).render();
        boolean repeat = text.equals(failing.put(broker, text));
        if (repeat || (last && !configuration)) {
          Logger.debug(text); // the caller reports the last broker's plain failure (VLN0707W)
        } else if (configuration) {
          Logger.error(text);
        } else {
          Logger.warn(text);
        }
      }
    }
    BrokerException primary = failures.get(0);
    BrokerException worst = failures.stream().filter(f -> f.kind() == BrokerException.Kind.REJECTED).findFirst()
        .orElse(primary);
    if (failures.size() == 1) {
      throw worst;
    }
    StringBuilder all = new StringBuilder();
    for (BrokerException f : failures) {
      all.append(all.length() == 0 ? "" : "; ").append(f.broker()).append(": ").append(f.getMessage());
    }
    throw new BrokerException(worst.kind(), worst.broker(), worst.reasonCode().orElse(-1), all.toString(), worst);
  }

  /** Whether this session's broker is an alternate, not the primary. */
  boolean onAlternate(BrokerSession session) {
    return !session.broker().equals(settings.primary());
  }
}
