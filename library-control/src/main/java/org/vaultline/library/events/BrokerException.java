package org.vaultline.library.events;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.OptionalInt;
import javax.net.ssl.SSLException;
import org.vaultline.library.store.Message;

/** A broker could not be reached, refused us, or dropped the connection. */
public final class BrokerException extends Exception {
  /** What went wrong, as far as the caller acts differently. */
  public enum Kind {
    /** No TCP connection (refused, timed out, unknown host): try the next broker. */
    UNREACHABLE,
    /** The broker refused the user name and password (or client certificate): a configuration error. */
    REJECTED,
    /** The broker refused the connection for another reason (its reason code tells which). */
    REFUSED,
    /** The TLS handshake failed: certificate not trusted, wrong host name, client certificate refused. */
    TLS,
    /** An established connection broke. */
    LOST,
    /** The broker answered a publish or subscribe with a failure reason code. */
    OPERATION_REFUSED,
    /** Anything else the client library reported. */
    FAILED
  }

  private final Kind kind;
  private final URI broker;
  private final int reasonCode;

  BrokerException(Kind kind, URI broker, int reasonCode, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.broker = broker;
    this.reasonCode = reasonCode;
  }

  BrokerException(Kind kind, URI broker, Message message, int reasonCode, Throwable cause) {
    this(kind, broker, reasonCode, message.render(), cause);
  }

  public Kind kind() {
    return kind;
  }

  public URI broker() {
    return broker;
  }

  /** The MQTT reason code (MQTT 5) or CONNACK return code (3.1.1) the broker sent, when it sent one. */
  public OptionalInt reasonCode() {
    return reasonCode < 0 ? OptionalInt.empty() : OptionalInt.of(reasonCode);
  }

  /**
   * Classifies a failed connection attempt.
   *
   * @param mqttCode the broker's CONNACK code, or -1 when the failure happened before a CONNACK
   */
  static BrokerException connectFailed(URI broker, MqttProtocol protocol, String user, int mqttCode,
      Throwable cause) {
    if (mqttCode > 0) {
      String what = ReasonCodes.describe(protocol, mqttCode);
      if (ReasonCodes.isAuthentication(protocol, mqttCode)) {
        return new BrokerException(Kind.REJECTED, broker,
            EventMessages.REJECTED.format(broker, user, what, mqttCode), mqttCode, cause);
      }
      return new BrokerException(Kind.REFUSED, broker, EventMessages.REFUSED.format(broker, what, mqttCode),
          mqttCode, cause);
    }
    Throwable tls = find(cause, SSLException.class);
    if (tls == null) {
      tls = find(cause, GeneralSecurityException.class);
    }
    if (tls != null) {
      return new BrokerException(Kind.TLS, broker, EventMessages.TLS_FAILED.format(broker, rootMessage(tls)),
          -1, cause);
    }
    if (find(cause, ConnectException.class) != null || find(cause, SocketTimeoutException.class) != null
        || find(cause, UnknownHostException.class) != null || find(cause, NoRouteToHostException.class) != null) {
      return new BrokerException(Kind.UNREACHABLE, broker, -1, rootMessage(cause), cause);
    }
    return new BrokerException(Kind.FAILED, broker, -1, rootMessage(cause), cause);
  }

  static BrokerException lost(URI broker, Throwable cause) {
    return new BrokerException(Kind.LOST, broker, -1, cause == null ? "connection closed" : rootMessage(cause),
        cause);
  }

  /** The most specific message in a cause chain, for log lines. */
  static String rootMessage(Throwable t) {
    if (t == null) {
      return "unknown cause";
    }
    String best = null;
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c.getMessage() != null && !c.getMessage().isBlank()) {
        best = c.getClass().getSimpleName() + ": " + c.getMessage();
      } else if (best == null) {
        best = c.getClass().getSimpleName();
      }
    }
    return best;
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }
}
