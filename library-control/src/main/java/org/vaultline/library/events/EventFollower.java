package org.vaultline.library.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * Subscribes to an appliance's topics and hands each message, decoded for a person, to a consumer:
 * the library side of {@code vaultline events [--follow] [--topic ...]}. Repeats of an event (same
 * appliance and seq, as at-least-once delivery and re-sending after reconnection produce) are dropped.
 *
 * <p>The follower's session is clean, like the publisher's: it connects to the brokers primary first,
 * subscribes again after every reconnection, and does not see what was published while it was
 * disconnected. The consumer runs on Paho's callback thread, one message at a time, in arrival order.
 */
public final class EventFollower implements AutoCloseable {
  private final MqttSettings settings;
  private final List<String> filters;
  private final Consumer<FollowedMessage> sink;
  private final Topics topics;
  private final SeqFilter seen = new SeqFilter(100_000);
  private final BrokerConnector connector;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private boolean stopping;
  private BrokerException lost;
  private long subscriptions;
  private Optional<BrokerException> lastError = Optional.empty();
  private Thread thread;

  private EventFollower(MqttSettings settings, List<String> filters, Consumer<FollowedMessage> sink) {
    this.settings = settings;
    this.topics = settings.topics();
    List<String> resolved = new ArrayList<>();
    for (String f : filters) {
      resolved.add(topics.resolve(f));
    }
    this.filters = List.copyOf(resolved.isEmpty() ? List.of(topics.allEvents()) : resolved);
    this.sink = sink;
    String suffix = "-follow-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFL);
    String base = settings.clientId();
    this.connector = new BrokerConnector(settings, base.substring(0, Math.min(base.length(), 180)) + suffix);
  }

  /**
   * Starts following.
   *
   * @param filters topic filters, relative to the root unless they start with it ({@code events/#},
   *     {@code volumes/+}); empty means every event topic
   */
  public static EventFollower start(MqttSettings settings, List<String> filters, Consumer<FollowedMessage> sink) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(sink, "sink");
    if (settings.brokers().isEmpty()) {
      throw new IllegalArgumentException("no MQTT broker configured");
    }
    EventFollower f = new EventFollower(settings, filters, sink);
    f.thread = new Thread(f::run, "vaultline-mqtt-follower");
    f.thread.setDaemon(true);
    f.thread.start();
    return f;
  }

  /** The filters subscribed to, resolved against the root. */
  public List<String> filters() {
    return filters;
  }

  /**
   * Waits until the follower has subscribed {@code count} times in all (once per connection).
   *
   * @return false when the timeout passed first
   */
  public boolean awaitSubscriptions(long count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (subscriptions < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        changed.awaitNanos(left);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** The last connection failure, for a CLI that wants to say why nothing arrives. */
  public Optional<BrokerException> lastError() {
    lock.lock();
    try {
      return lastError;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      stopping = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    try {
      thread.join(settings.connectTimeout().plusSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    long delay = settings.retryDelay().toMillis();
    while (true) {
      lock.lock();
      try {
        if (stopping) {
          return;
        }
        lost = null;
      } finally {
        lock.unlock();
      }
      BrokerSession session = null;
      try {
        session = connector.connect(Optional.empty(), new BrokerSession.Listener() {
          @Override
          public void lost(BrokerException cause) {
            lock.lock();
            try {
              lost = cause;
              changed.signalAll();
            } finally {
              lock.unlock();
            }
          }

          @Override
          public void message(IncomingMessage m) {
            deliver(m);
          }
        });
        session.subscribe(filters, settings.connectTimeout());
        delay = settings.retryDelay().toMillis();
      } catch (BrokerException e) {
        if (session != null) {
          session.close(); // connected, but the subscription failed
        }
        fail(e);
        if (!pause(delay)) {
          return;
        }
        delay = Math.min(delay * 2, settings.maxRetryDelay().toMillis());
        continue;
      }
      lock.lock();
      try {
        subscriptions++;
        changed.signalAll();
        while (!stopping && lost == null) {
          changed.awaitUninterruptibly();
        }
        if (lost != null) {
          Logger.warn("Event follower lost broker {}: {}; reconnecting", session.broker(), lost.getMessage());
          lastError = Optional.of(lost);
        }
      } finally {
        lock.unlock();
      }
      session.close();
    }
  }

  private void fail(BrokerException e) {
    lock.lock();
    try {
      lastError = Optional.of(e);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits {@code millis} or until closed; false when closed. */
  private boolean pause(long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000;
    lock.lock();
    try {
      while (!stopping && System.nanoTime() < deadline) {
        changed.awaitNanos(deadline - System.nanoTime());
      }
      return !stopping;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }

  private void deliver(IncomingMessage m) {
    FollowedMessage f = decode(topics, m);
    if (f.seq().isPresent()) {
      String appliance = applianceOf(m, f);
      if (!seen.firstTime(appliance, f.seq().get())) {
        return;
      }
    }
    try {
      sink.accept(f);
    } catch (RuntimeException e) {
      Logger.error(e, "Event consumer failed on {}: {}", m.topic(), e.getMessage());
    }
  }

  private String applianceOf(IncomingMessage m, FollowedMessage f) {
    String fromProps = m.userProperties().get("appliance");
    if (fromProps != null) {
      return fromProps;
    }
    JsonNode n = WireFormat.parse(f.json());
    return n.hasNonNull("appliance") ? n.get("appliance").asText() : topics.root();
  }

  /** Decodes one message for a person. Never throws: whatever cannot be decoded is shown raw. */
  static FollowedMessage decode(Topics topics, IncomingMessage m) {
    String rel = topics.relative(m.topic());
    String payload = m.payload();
    if (rel.startsWith("volumes/")) {
      String volume = rel.substring("volumes/".length());
      if (payload.isEmpty()) {
        return new FollowedMessage(rel, Optional.empty(), Optional.empty(), "volume", volume + " left DRM",
            m.retained(), payload);
      }
      JsonNode n = WireFormat.parse(payload);
      StringBuilder t = new StringBuilder(text(n, "volume", volume)).append(' ').append(text(n, "state", "?"));
      appendIf(t, " at ", n, "location");
      appendIf(t, ", library ", n, "library");
      appendIf(t, ", ", n, "kind");
      appendIf(t, ", pool ", n, "pool");
      return new FollowedMessage(rel, Optional.empty(), instant(n, "updated"), "volume", t.toString(),
          m.retained(), payload);
    }
    if (rel.equals("status")) {
      JsonNode n = WireFormat.parse(payload);
      StringBuilder t = new StringBuilder(text(n, "appliance", "?")).append(' ').append(text(n, "state", "?"));
      appendIf(t, ", version ", n, "version");
      appendIf(t, ", started ", n, "started");
      appendIf(t, ", broker ", n, "broker");
      appendIf(t, ": ", n, "reason");
      return new FollowedMessage(rel, Optional.empty(), instant(n, "since"), "status", t.toString(), m.retained(),
          payload);
    }
    if (rel.startsWith("library/") && rel.endsWith("/summary")) {
      JsonNode n = WireFormat.parse(payload);
      String t = text(n, "library", rel) + ": slots " + text(n, "slotsUsed", "?") + "/" + text(n, "slots", "?")
          + " used, I/O station " + text(n, "ioStationUsed", "?") + "/" + text(n, "ioStationSlots", "?")
          + (n.path("ioStationVolumes").size() > 0 ? " " + n.get("ioStationVolumes") : "")
          + ", drives " + text(n, "drivesLoaded", "?") + "/" + text(n, "drives", "?") + " loaded";
      return new FollowedMessage(rel, Optional.empty(), instant(n, "updated"), "summary", t, m.retained(), payload);
    }
    JsonNode n = WireFormat.parse(payload);
    Optional<Long> seq = Optional.empty();
    String fromProps = m.userProperties().get("seq");
    if (n.path("seq").canConvertToLong() && n.path("seq").isIntegralNumber()) {
      seq = Optional.of(n.get("seq").asLong());
    } else if (fromProps != null) {
      try {
        seq = Optional.of(Long.parseLong(fromProps));
      } catch (NumberFormatException e) {
        // not ours: shown without a seq
      }
    }
    String type = text(n, "type", rel);
    String text;
    if (n.hasNonNull("text")) {
      text = n.get("text").asText();
    } else if (n.isObject()) {
      StringBuilder t = new StringBuilder();
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (WireFormat.ENVELOPE.contains(f.getKey()) || f.getKey().equals(WireFormat.VOLUME_STATE)
            || f.getKey().equals(WireFormat.LIBRARY_SUMMARY)) {
          continue;
        }
        t.append(t.length() == 0 ? "" : " ").append(f.getKey()).append('=')
            .append(f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString());
      }
      text = t.toString();
    } else {
      text = payload;
    }
    return new FollowedMessage(rel, seq, instant(n, "time"), type, text, m.retained(), payload);
  }

  private static String text(JsonNode n, String field, String otherwise) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? otherwise : v.isValueNode() ? v.asText() : v.toString();
  }

  private static void appendIf(StringBuilder t, String prefix, JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v != null && !v.isNull() && !v.asText().isEmpty()) {
      t.append(prefix).append(v.asText());
    }
  }

  private static Optional<Instant> instant(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(v.asText()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
