package org.vaultline.library.store;

import java.util.Objects;

/**
 * A stable message ID: {@code VLN}, four digits and a severity letter ({@code VLN0110I}). The number is
 * what administrators search for ({@code QUERY ACTLOG MSGNO=110}) and never changes meaning once
 * released; the severity belongs to the ID, as in TSM's {@code ANR8427I}.
 *
 * <p>Number ranges: 0001..0099 the store, 0100..0399 library control, 0400..0699 DRM, 0700..0799 events
 * (MQTT), 0800..0999 the appliance (daemon, administrative API, CLI).
 */
public record MessageId(int number, Severity severity) implements Comparable<MessageId> {
  public static final String PREFIX = "VLN";

  public MessageId {
    Objects.requireNonNull(severity, "severity");
    if (number < 0 || number > 9999) {
      throw new IllegalArgumentException("a message number has four digits, not " + number);
    }
  }

  /** Parses {@code VLN0110I}. */
  public static MessageId parse(String text) {
    if (text.length() != 8 || !text.startsWith(PREFIX)) {
      throw new IllegalArgumentException("a message ID looks like VLN0110I, not \"" + text + "\"");
    }
    for (int i = 3; i < 7; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        throw new IllegalArgumentException("a message ID looks like VLN0110I, not \"" + text + "\"");
      }
    }
    return new MessageId(Integer.parseInt(text.substring(3, 7)), Severity.ofLetter(text.charAt(7)));
  }

  @Override
  public int compareTo(MessageId o) {
    return Integer.compare(number, o.number);
  }

  @Override
  public String toString() {
    return String.format("%s%04d%c", PREFIX, number, severity.letter());
  }
}
