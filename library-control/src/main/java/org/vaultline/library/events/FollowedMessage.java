package org.vaultline.library.events;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * A message the {@link EventFollower} received, decoded for a person: one line with time, seq, type and
 * text ({@link #line}).
 *
 * @param topic the topic below the root ({@code events/drm}, {@code volumes/A00017})
 * @param seq the event's seq; empty for state topics, which have none of their own
 * @param time when the event happened or the state was last updated
 * @param type the event type ({@code drm.transition}), or {@code status}, {@code volume}, {@code summary}
 * @param json the payload as received (empty for a cleared retained topic)
 */
public record FollowedMessage(String topic, Optional<Long> seq, Optional<Instant> time, String type, String text,
    boolean retained, String json) {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  public FollowedMessage {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(seq, "seq");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(json, "json");
  }

  /** {@code 2025-06-01 14:03:12  #42  drm.transition  Volume A00017: MOUNTABLE -> COURIER.} */
  public String line(ZoneId zone) {
    String when = time.map(t -> TIME.format(t.atZone(zone))).orElse("-                  ");
    String number = seq.map(s -> "#" + s).orElse("-");
    return when + "  " + number + "  " + type + "  " + text;
  }
}
