package org.vaultline.library.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.tinylog.Logger;

/**
 * {@link BrokerSession} over Paho's MQTT 3.1.1 client. MQTT 3.1.1 has no user properties (the payload
 * carries seq and type anyway) and no Receive Maximum (Paho's own in-flight limit is set instead).
 */
final class PahoV3Session implements BrokerSession {
  private final URI broker;
  private final MqttAsyncClient client;
  private final int sendQuota;
  private volatile boolean closing;

  private PahoV3Session(URI broker, MqttAsyncClient client, int sendQuota) {
    this.broker = broker;
    this.client = client;
    this.sendQuota = sendQuota;
  }

  static BrokerSession open(URI broker, ConnectRequest request, Listener listener) throws BrokerException {
    MqttSettings s = request.settings();
    String user = s.credentials().map(BrokerCredentials::username).orElse("(anonymous)");
    MqttAsyncClient client;
    try {
      client = new MqttAsyncClient(broker.toString(), request.clientId(), new MemoryPersistence());
    } catch (MqttException e) {
      throw BrokerException.connectFailed(broker, s.protocol(), user, -1, e);
    }
    MqttConnectOptions o = new MqttConnectOptions();
    o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    o.setCleanSession(true);
    o.setAutomaticReconnect(false);
    o.setMaxInflight(s.maxInflight());
    o.setConnectionTimeout(seconds(s.connectTimeout()));
    o.setKeepAliveInterval(seconds(s.keepAlive()));
    s.credentials().ifPresent(c -> {
      o.setUserName(c.username());
      o.setPassword(c.password().toCharArray());
    });
    if (broker.getScheme().equals("ssl")) {
      TlsSettings tls = s.tls().orElse(new TlsSettings(Optional.empty(), Optional.empty(), Optional.empty(), true));
      o.setSocketFactory(TlsSocketFactory.create(tls));
      o.setHttpsHostnameVerificationEnabled(tls.verifyHostname());
    }
    request.will().ifPresent(w -> o.setWill(w.topic(), w.payload().getBytes(StandardCharsets.UTF_8), 1, w.retained()));
    Callback callback = new Callback(broker, listener);
    try {
      client.setCallback(callback);
      client.connect(o).waitForCompletion(s.connectTimeout().toMillis() + 5_000);
    } catch (MqttException e) {
      closeQuietly(client);
      int code = e.getReasonCode();
      throw BrokerException.connectFailed(broker, s.protocol(), user, code > 0 && code < 256 ? code : -1, e);
    } catch (RuntimeException e) {
      closeQuietly(client);
      throw BrokerException.connectFailed(broker, s.protocol(), user, -1, e);
    }
    PahoV3Session session = new PahoV3Session(broker, client, s.maxInflight());
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
    MqttMessage msg = new MqttMessage(m.payload().getBytes(StandardCharsets.UTF_8));
    msg.setQos(1);
    msg.setRetained(m.retained());
    try {
      client.publish(m.topic(), msg, null, new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          completion.acknowledged();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
          completion.failed(BrokerException.lost(broker, e));
        }
      });
    } catch (MqttException | RuntimeException e) {
      throw BrokerException.lost(broker, e);
    }
  }

  @Override
  public void subscribe(List<String> filters, Duration timeout) throws BrokerException {
    int[] qos = new int[filters.size()];
    java.util.Arrays.fill(qos, 1);
    try {
      IMqttToken t = client.subscribe(filters.toArray(new String[0]), qos);
      t.waitForCompletion(timeout.toMillis());
      int[] granted = t.getGrantedQos();
      for (int i = 0; granted != null && i < granted.length; i++) {
        if (granted[i] == 0x80) {
          throw new BrokerException(BrokerException.Kind.OPERATION_REFUSED, broker, 0x80, "broker " + broker
              + " refused the subscription to " + filters.get(Math.min(i, filters.size() - 1)), null);
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

  private static int seconds(Duration d) {
    return (int) Math.max(1, Math.min(65535, (d.toMillis() + 999) / 1000));
  }

  private static final class Callback implements MqttCallback {
    private final URI broker;
    private final Listener listener;
    volatile PahoV3Session session;

    Callback(URI broker, Listener listener) {
      this.broker = broker;
      this.listener = listener;
    }

    @Override
    public void connectionLost(Throwable cause) {
      PahoV3Session s = session;
      if (s == null || !s.closing) {
        listener.lost(BrokerException.lost(broker, cause));
      }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      listener.message(new IncomingMessage(topic, new String(message.getPayload(), StandardCharsets.UTF_8),
          message.isRetained(), Map.of()));
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {}
  }
}
