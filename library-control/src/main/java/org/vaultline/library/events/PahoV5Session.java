package org.vaultline.library.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.tinylog.Logger;

/** {@link BrokerSession} over Paho's MQTT 5 client. */
final class PahoV5Session implements BrokerSession {
  private final URI broker;
  private final MqttAsyncClient client;
  private final int sendQuota;
  private volatile boolean closing;

  private PahoV5Session(URI broker, MqttAsyncClient client, int sendQuota) {
    this.broker = broker;
    this.client = client;
    this.sendQuota = sendQuota;
  }

  static BrokerSession open(URI broker, ConnectRequest request, Listener listener) throws BrokerException {
    MqttSettings s = request.settings();
    String user = s.credentials().map(BrokerCredentials::username).orElse("(anonymous)");
    MqttAsyncClient client;
    try {
      // Paho keeps in-flight messages in the persistence object; the outbox is our durable copy, so memory.
      client = new MqttAsyncClient(broker.toString(), request.clientId(), new MemoryPersistence());
    } catch (MqttException e) {
      throw BrokerException.connectFailed(broker, s.protocol(), user, -1, e);
    }
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(true);
    o.setSessionExpiryInterval(0L);
    o.setAutomaticReconnect(false);
    o.setConnectionTimeout(seconds(s.connectTimeout()));
    o.setKeepAliveInterval(seconds(s.keepAlive()));
    s.credentials().ifPresent(c -> {
      o.setUserName(c.username());
      o.setPassword(c.password().getBytes(StandardCharsets.UTF_8));
    });
    if (broker.getScheme().equals("ssl")) {
      TlsSettings tls = s.tls().orElse(new TlsSettings(java.util.Optional.empty(), java.util.Optional.empty(),
          java.util.Optional.empty(), true));
      o.setSocketFactory(TlsSocketFactory.create(tls));
      o.setHttpsHostnameVerificationEnabled(tls.verifyHostname());
    }
    request.will().ifPresent(w -> {
      o.setWill(w.topic(), message(w));
      o.setWillMessageProperties(properties(w));
    });
    Callback callback = new Callback(broker, listener);
    IMqttToken token;
    try {
      client.setCallback(callback);
      token = client.connect(o);
      token.waitForCompletion(s.connectTimeout().toMillis() + 5_000);
    } catch (MqttException e) {
      closeQuietly(client);
      int code = e.getReasonCode();
      throw BrokerException.connectFailed(broker, s.protocol(), user, code > 0 && code < 256 ? code : -1, e);
    } catch (RuntimeException e) {
      closeQuietly(client);
      throw BrokerException.connectFailed(broker, s.protocol(), user, -1, e);
    }
    MqttProperties props = token.getResponseProperties();
    Integer receiveMaximum = props == null ? null : props.getReceiveMaximum();
    PahoV5Session session = new PahoV5Session(broker, client, receiveMaximum == null ? 65535 : receiveMaximum);
    callback.session = session;
    return session;
  }

  @Override
  public URI broker() {
    return broker;
  }

  @Override
  public int sendQuota() {
    return sendQuota;
  }

  @Override
  public void publish(OutgoingMessage m, Completion completion) throws BrokerException {
    try {
      client.publish(m.topic(), message(m), null, new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          int[] codes = token.getReasonCodes();
          if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
            completion.failed(refused(m, codes[0], null));
          } else {
            completion.acknowledged();
          }
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
          int code = e instanceof MqttException ? ((MqttException) e).getReasonCode() : -1;
          completion.failed(code >= 0x80 && code < 256 ? refused(m, code, e) : BrokerException.lost(broker, e));
        }
      });
    } catch (MqttException | RuntimeException e) {
      throw BrokerException.lost(broker, e);
    }
  }

  private BrokerException refused(OutgoingMessage m, int code, Throwable cause) {
    return new BrokerException(BrokerException.Kind.OPERATION_REFUSED, broker, EventMessages.PUBLISH_REFUSED.format(
        broker, m.topic(), ReasonCodes.describe(MqttProtocol.MQTT_5, code), code), code, cause);
  }

  @Override
  public void subscribe(List<String> filters, Duration timeout) throws BrokerException {
    int[] qos = new int[filters.size()];
    java.util.Arrays.fill(qos, 1);
    try {
      IMqttToken t = client.subscribe(filters.toArray(new String[0]), qos);
      t.waitForCompletion(timeout.toMillis());
      int[] codes = t.getReasonCodes();
      for (int i = 0; codes != null && i < codes.length; i++) {
        if (codes[i] >= 0x80) {
          throw new BrokerException(BrokerException.Kind.OPERATION_REFUSED, broker, codes[i], "broker " + broker
              + " refused the subscription to " + filters.get(Math.min(i, filters.size() - 1)) + ": "
              + ReasonCodes.describe(MqttProtocol.MQTT_5, codes[i]) + " (MQTT reason code " + codes[i] + ")", null);
        }
      }
    } catch (MqttException | RuntimeException e) {
      throw BrokerException.lost(broker, e);
    }
  }

  @Override
  public void close() {
    closing = true;
    try {
      if (client.isConnected()) {
        client.disconnect(2_000).waitForCompletion(3_000);
      }
    } catch (MqttException | RuntimeException e) {
      Logger.debug("MQTT disconnect from {} failed: {}", broker, e.getMessage());
    }
    closeQuietly(client);
  }

  @Override
  public void abort() {
    closing = true;
    try {
      client.disconnectForcibly(0, 1_000, false);
    } catch (MqttException | RuntimeException e) {
      Logger.debug("MQTT forced disconnect from {} failed: {}", broker, e.getMessage());
    }
    closeQuietly(client);
  }

  private static void closeQuietly(MqttAsyncClient client) {
    try {
      client.close(true);
    } catch (MqttException | RuntimeException e) {
      Logger.debug("Closing the MQTT client failed: {}", e.getMessage());
    }
  }

  private static MqttMessage message(OutgoingMessage m) {
    MqttMessage msg = new MqttMessage(m.payload().getBytes(StandardCharsets.UTF_8));
    msg.setQos(1);
    msg.setRetained(m.retained());
    msg.setProperties(properties(m));
    return msg;
  }

  private static MqttProperties properties(OutgoingMessage m) {
    MqttProperties p = new MqttProperties();
    if (!m.payload().isEmpty()) {
      p.setContentType("application/json");
      p.setPayloadFormat(true);
    }
    if (!m.userProperties().isEmpty()) {
      List<UserProperty> up = new ArrayList<>();
      for (Map.Entry<String, String> e : new java.util.TreeMap<>(m.userProperties()).entrySet()) {
        up.add(new UserProperty(e.getKey(), e.getValue()));
      }
      p.setUserProperties(up);
    }
    return p;
  }

  private static int seconds(Duration d) {
    return (int) Math.max(1, Math.min(65535, (d.toMillis() + 999) / 1000));
  }

  /** Paho's callback: connection loss and arriving messages. */
  private static final class Callback implements MqttCallback {
    private final URI broker;
    private final Listener listener;
    volatile PahoV5Session session;

    Callback(URI broker, Listener listener) {
      this.broker = broker;
      this.listener = listener;
    }

    @Override
    public void disconnected(MqttDisconnectResponse r) {
      PahoV5Session s = session;
      if (s != null && s.closing) {
        return;
      }
      if (r.getException() != null) {
        listener.lost(BrokerException.lost(broker, r.getException()));
      } else {
        String why = "broker sent DISCONNECT: " + ReasonCodes.describe(MqttProtocol.MQTT_5, r.getReturnCode())
            + " (MQTT reason code " + r.getReturnCode() + ")"
            + (r.getReasonString() == null ? "" : ", " + r.getReasonString());
        listener.lost(new BrokerException(BrokerException.Kind.LOST, broker, r.getReturnCode(), why, null));
      }
    }

    @Override
    public void mqttErrorOccurred(MqttException e) {
      Logger.debug("MQTT error from {}: {}", broker, e.getMessage());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      Map<String, String> props = Map.of();
      MqttProperties p = message.getProperties();
      if (p != null && p.getUserProperties() != null && !p.getUserProperties().isEmpty()) {
        java.util.HashMap<String, String> m = new java.util.HashMap<>();
        for (UserProperty u : p.getUserProperties()) {
          m.put(u.getKey(), u.getValue());
        }
        props = m;
      }
      listener.message(new IncomingMessage(topic, new String(message.getPayload(), StandardCharsets.UTF_8),
          message.isRetained(), props));
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
