package org.vaultline.library.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The publisher's copy of every retained topic it owns ({@code volumes/...}, {@code library/.../summary}),
 * so it can publish them all again after a reconnection: a broker restarted without persistence, or an
 * alternate broker, does not have them. Cleared volumes are kept as empty payloads, which clear a stale
 * copy an alternate broker may still hold. Used by the publisher thread only.
 */
final class RetainedState {
  /** One retained topic's current payload and the seq of the event (or snapshot) it reflects. */
  record Entry(String topic, String payload, long seq) {
    Entry {
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(payload, "payload");
    }

    OutgoingMessage message() {
      return OutgoingMessage.retained(topic, payload);
    }
  }

  private final Map<String, Entry> byTopic = new LinkedHashMap<>();

  /**
   * Takes {@code e} unless a newer state of its topic is known (an event re-sent after a reconnection
   * must not roll a volume back to an older state).
   *
   * @return whether {@code e} is now the current state and should be published
   */
  boolean offer(Entry e) {
    Entry old = byTopic.get(e.topic());
    if (old != null && old.seq() > e.seq()) {
      return false;
    }
    byTopic.put(e.topic(), e);
    return true;
  }

  List<Entry> all() {
    return new ArrayList<>(byTopic.values());
  }

  int size() {
    return byTopic.size();
  }
}
