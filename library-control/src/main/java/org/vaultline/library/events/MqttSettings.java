package org.vaultline.library.events;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How the appliance talks to its MQTT brokers. Build with {@link #forAppliance} and the {@code with...}
 * methods.
 *
 * @param applianceName this appliance's name, in the default topic root and in every payload
 * @param version the Vaultline version announced in the {@code status} topic
 * @param topicRoot the root of the topic tree, ending in {@code /} (default {@code vaultline/<name>/})
 * @param brokers broker URIs, primary first ({@code tcp://host:port}, {@code ssl://host:port}; {@code mqtt://}
 *     and {@code mqtts://} are accepted as synonyms). Every (re)connection tries them in this order, so the
 *     publisher fails over to the next when the primary is unreachable and fails back at its next connection
 * @param protocol MQTT 5 (default) or 3.1.1
 * @param clientId the MQTT client identifier of the publisher (a follower adds a suffix)
 * @param tls used for {@code ssl://} URIs
 * @param connectTimeout how long one connection attempt to one broker may take
 * @param keepAlive MQTT keep-alive; a dead broker is noticed after about 1.5 times this
 * @param retryDelay first pause after every broker failed; doubles up to {@code maxRetryDelay}
 * @param failbackInterval while on an alternate broker, how often to check whether the primary accepts
 *     TCP connections again and reconnect to it; {@link Duration#ZERO} fails back only when the connection
 *     to the alternate is lost
 * @param maxInflight most QoS 1 messages sent and not yet acknowledged (also bounded by the broker's
 *     MQTT 5 Receive Maximum)
 * @param batchSize most outbox rows read at once
 * @param pollInterval how often the outbox is checked for new events when nobody calls
 *     {@link EventPublisher#wake()}
 * @param markInterval acknowledged events are marked published in the store at most this often (one
 *     SQLite commit per interval, not per event); a crash re-sends at most this interval's events
 * @param closeTimeout how long closing waits for unacknowledged events
 * @param replayWindow after a connection is lost, events the broker acknowledged in this time before the
 *     loss are sent again (at most {@code replayLimit}): a broker that crashed may have acknowledged them
 *     without passing them on yet. {@link Duration#ZERO} sends only unacknowledged events again
 * @param replayLimit most events sent again for {@code replayWindow}
 */
public record MqttSettings(String applianceName, String version, String topicRoot, List<URI> brokers,
    MqttProtocol protocol, String clientId, Optional<BrokerCredentials> credentials, Optional<TlsSettings> tls,
    Duration connectTimeout, Duration keepAlive, Duration retryDelay, Duration maxRetryDelay,
    Duration failbackInterval, int maxInflight, int batchSize, Duration pollInterval, Duration markInterval,
    Duration closeTimeout, Duration replayWindow, int replayLimit) {

  public MqttSettings {
    Objects.requireNonNull(applianceName, "applianceName");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(topicRoot, "topicRoot");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(tls, "tls");
    Topics.checkLevel(applianceName, "appliance name");
    topicRoot = new Topics(topicRoot).root();
    List<URI> normalized = new ArrayList<>();
    for (URI b : brokers) {
      normalized.add(normalize(b));
    }
    brokers = List.copyOf(normalized);
    if (clientId.isEmpty() || clientId.length() > 200) {
      throw new IllegalArgumentException("the MQTT client identifier must have 1..200 characters: " + clientId);
    }
    positive(connectTimeout, "connectTimeout");
    positive(keepAlive, "keepAlive");
    positive(retryDelay, "retryDelay");
    positive(maxRetryDelay, "maxRetryDelay");
    positive(pollInterval, "pollInterval");
    Objects.requireNonNull(markInterval, "markInterval");
    Objects.requireNonNull(closeTimeout, "closeTimeout");
    Objects.requireNonNull(failbackInterval, "failbackInterval");
    if (markInterval.isNegative() || closeTimeout.isNegative() || failbackInterval.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
    if (maxInflight < 1 || maxInflight > 65535) {
      throw new IllegalArgumentException("maxInflight is 1..65535: " + maxInflight);
    }
    Objects.requireNonNull(replayWindow, "replayWindow");
    if (replayWindow.isNegative() || replayLimit < 0) {
      throw new IllegalArgumentException("replayWindow and replayLimit must not be negative");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
    }
  }

  /**
   * Defaults for appliance {@code name}: topic root {@code vaultline/<name>/}, MQTT 5, client ID
   * {@code vaultline-<name>}, 10 s connect timeout, 10 s keep-alive, retries from 1 s up to 30 s, failback
   * checked every 5 minutes, 100 messages in flight, marks every 200 ms, replays up to 1000 events
   * acknowledged in the 10 s before a lost connection.
   */
  public static MqttSettings forAppliance(String name, List<URI> brokers) {
    return new MqttSettings(name, "dev", "vaultline/" + name + "/", brokers, MqttProtocol.MQTT_5,
        "vaultline-" + name, Optional.empty(), Optional.empty(), Duration.ofSeconds(10), Duration.ofSeconds(10),
        Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5), 100, 500, Duration.ofMillis(250),
        Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(10), 1000);
  }

  /** The primary broker. */
  public URI primary() {
    if (brokers.isEmpty()) {
      throw new IllegalStateException("no MQTT broker configured");
    }
    return brokers.get(0);
  }

  public Topics topics() {
    return new Topics(topicRoot);
  }

  public MqttSettings withVersion(String v) {
    return new MqttSettings(applianceName, v, topicRoot, brokers, protocol, clientId, credentials, tls,
        connectTimeout, keepAlive, retryDelay, maxRetryDelay, failbackInterval, maxInflight, batchSize,
        pollInterval, markInterval, closeTimeout, replayWindow, replayLimit);
  }

  public MqttSettings withTopicRoot(String root) {
    return new MqttSettings(applianceName, version, root, brokers, protocol, clientId, credentials, tls,
        connectTimeout, keepAlive, retryDelay, maxRetryDelay, failbackInterval, maxInflight, batchSize,
        pollInterval, markInterval, closeTimeout, replayWindow, replayLimit);
  }

  public MqttSettings withBrokers(List<URI> uris) {
    return new MqttSettings(applianceName, version, topicRoot, uris, protocol, clientId, credentials, tls,
        connectTimeout, keepAlive, retryDelay, maxRetryDelay, failbackInterval, maxInflight, batchSize,
        pollInterval, markInterval, closeTimeout, replayWindow, replayLimit);
  }

  public MqttSettings withProtocol(MqttProtocol p) {
    return new MqttSettings(applianceName, version, topicRoot, brokers, p, clientId, credentials, tls,
        connectTimeout, keepAlive, retryDelay, maxRetryDelay, failbackInterval, maxInflight, batchSize,
        pollInterval, markInterval, closeTimeout, replayWindow, replayLimit);
  }

  public MqttSettings withClientId(String id) {
    return new MqttSettings(applianceName, version, topicRoot, brokers, protocol, id, credentials, tls,
        connectTimeout, keepAlive, retryDelay, maxRetryDelay, failbackInterval, maxInflight, batchSize,
        pollInterval, markInterval, closeTimeout, replayWindow, replayLimit);
  }

  public MqttSettings withCredentials(BrokerCredentials c) {
    return new MqttSettings(applianceName, version, topicRoot, brokers, protocol, clientId, Optional.of(c), tls,
        connectTimeout, keepAlive, retryDelay, maxRetryDelay, failbackInterval, maxInflight, batchSize,
        pollInterval, markInterval, closeTimeout, replayWindow, replayLimit);
  }

  public MqttSettings withTls(TlsSettings t) {
    return new MqttSettings(applianceName, version, topicRoot, brokers, protocol, clientId, credentials,
        Optional.of(t), connectTimeout, keepAlive, retryDelay, maxRetryDelay, failbackInterval, maxInflight,
        batchSize, pollInterval, markInterval, closeTimeout, replayWindow, replayLimit);
  }

  public MqttSettings withConnectTimeout(Duration d) {
    return new MqttSettings(applianceName, version, topicRoot, brokers, protocol, clientId, credentials, tls,
        d, keepAlive, retryDelay, maxRetryDelay, failbackInterval, maxInflight, batchSize,
        pollInterval, markInterval, closeTimeout, replayWindow, replayLimit);
  }

  public MqttSettings withKeepAlive(Duration d) {
    return new MqttSettings(applianceName, version, topicRoot, brokers, protocol, clientId, credentials, tls,
        connectTimeout, d, retryDelay, maxRetryDelay, failbackInterval, maxInflight, batchSize,
        pollInterval, markInterval, closeTimeout, replayWindow, replayLimit);
  }

  public MqttSettings withRetryDelays(Duration first, Duration max) {
    return new MqttSettings(applianceName, version, topicRoot, brokers, protocol, clientId, credentials, tls,
        connectTimeout, keepAlive, first, max, failbackInterval, maxInflight, batchSize,
        pollInterval, markInterval, closeTimeout, replayWindow, replayLimit);
  }

  public MqttSettings withFailbackInterval(Duration d) {
    return new MqttSettings(applianceName, version, topicRoot, brokers, protocol, clientId, credentials, tls,
        connectTimeout, keepAlive, retryDelay, maxRetryDelay, d, maxInflight, batchSize,
        pollInterval, markInterval, closeTimeout, replayWindow, replayLimit);
  }

  public MqttSettings withMaxInflight(int n) {
    return new MqttSettings(applianceName, version, topicRoot, brokers, protocol, clientId, credentials, tls,
        connectTimeout, keepAlive, retryDelay, maxRetryDelay, failbackInterval, n, batchSize,
        pollInterval, markInterval, closeTimeout, replayWindow, replayLimit);
  }

  public MqttSettings withBatchSize(int n) {
    return new MqttSettings(applianceName, version, topicRoot, brokers, protocol, clientId, credentials, tls,
        connectTimeout, keepAlive, retryDelay, maxRetryDelay, failbackInterval, maxInflight, n,
        pollInterval, markInterval, closeTimeout, replayWindow, replayLimit);
  }

  public MqttSettings withPollInterval(Duration d) {
    return new MqttSettings(applianceName, version, topicRoot, brokers, protocol, clientId, credentials, tls,
        connectTimeout, keepAlive, retryDelay, maxRetryDelay, failbackInterval, maxInflight, batchSize,
        d, markInterval, closeTimeout, replayWindow, replayLimit);
  }

  public MqttSettings withMarkInterval(Duration d) {
    return new MqttSettings(applianceName, version, topicRoot, brokers, protocol, clientId, credentials, tls,
        connectTimeout, keepAlive, retryDelay, maxRetryDelay, failbackInterval, maxInflight, batchSize,
        pollInterval, d, closeTimeout, replayWindow, replayLimit);
  }

  public MqttSettings withCloseTimeout(Duration d) {
    return new MqttSettings(applianceName, version, topicRoot, brokers, protocol, clientId, credentials, tls,
        connectTimeout, keepAlive, retryDelay, maxRetryDelay, failbackInterval, maxInflight, batchSize,
        pollInterval, markInterval, d, replayWindow, replayLimit);
  }

  public MqttSettings withReplay(Duration window, int limit) {
    return new MqttSettings(applianceName, version, topicRoot, brokers, protocol, clientId, credentials, tls,
        connectTimeout, keepAlive, retryDelay, maxRetryDelay, failbackInterval, maxInflight, batchSize,
        pollInterval, markInterval, closeTimeout, window, limit);
  }

  /** {@code mqtt://h} becomes {@code tcp://h:1883}, {@code mqtts://h} becomes {@code ssl://h:8883}. */
  static URI normalize(URI uri) {
    Objects.requireNonNull(uri, "broker URI");
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean tls;
    switch (scheme) {
      case "tcp":
      case "mqtt":
        tls = false;
        break;
      case "ssl":
      case "mqtts":
        tls = true;
        break;
      default:
        throw new IllegalArgumentException("a broker URI is tcp://host:port or ssl://host:port, not " + uri);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("broker URI without a host: " + uri);
    }
    if ((uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) || uri.getQuery() != null) {
      throw new IllegalArgumentException("a broker URI has no path or query: " + uri);
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : tls ? 8883 : 1883;
    String host = uri.getHost();
    return URI.create((tls ? "ssl" : "tcp") + "://" + host + ":" + port);
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }
}
