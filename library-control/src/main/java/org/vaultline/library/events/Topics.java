package org.vaultline.library.events;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.vaultline.library.store.EventCategory;

/**
 * The topic tree under one appliance's root (default {@code vaultline/<appliance>/}):
 * <pre>
 * status                   retained: online/offline JSON; the Last Will sets offline
 * volumes/&lt;volser&gt;         retained: current DRM state of the volume; empty message once it left DRM
 * events/drm               one message per DRM transition
 * events/library           moves, check-ins/outs, inventory and definition changes
 * events/requests          operator requests raised, answered, cancelled, satisfied
 * events/alerts            TapeAlert flags, device faults, outbox limits
 * library/&lt;lib&gt;/summary    retained: slot, I/O station and drive counts
 * </pre>
 * A volume or library name that contains a character MQTT reserves in topic levels ({@code / + #}), or
 * {@code %}, has it written as {@code %XX} (its UTF-8 bytes in hex), so every name has exactly one topic.
 *
 * @param root the root, ending in {@code /}
 */
public record Topics(String root) {
  public Topics {
    Objects.requireNonNull(root, "root");
    if (!root.endsWith("/")) {
      root = root + "/";
    }
    if (root.equals("/") || root.startsWith("/")) {
      throw new IllegalArgumentException("the topic root must not be empty or start with '/': \"" + root + "\"");
    }
    if (root.indexOf('+') >= 0 || root.indexOf('#') >= 0 || root.indexOf('\0') >= 0 || root.contains("//")) {
      throw new IllegalArgumentException("the topic root must not contain +, #, NUL or empty levels: " + root);
    }
  }

  public String status() {
    return root + "status";
  }

  public String volume(String volser) {
    return root + "volumes/" + level(volser);
  }

  public String event(EventCategory category) {
    return root + category.topic();
  }

  public String librarySummary(String library) {
    return root + "library/" + level(library) + "/summary";
  }

  /** Every event topic: {@code <root>events/#}. */
  public String allEvents() {
    return root + "events/#";
  }

  /**
   * A topic filter as a user writes it: one that starts with the root is kept, any other is taken as
   * relative to the root ({@code events/drm}, {@code volumes/+}, {@code #}).
   */
  public String resolve(String filter) {
    Objects.requireNonNull(filter, "filter");
    if (filter.isEmpty()) {
      throw new IllegalArgumentException("empty topic filter");
    }
    return filter.startsWith(root) ? filter : root + filter;
  }

  /** The part of {@code topic} below the root, or the topic itself when it is not under the root. */
  public String relative(String topic) {
    return topic.startsWith(root) ? topic.substring(root.length()) : topic;
  }

  /** {@code name} as one topic level: {@code / + # %} and NUL written as {@code %XX}. */
  public static String level(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("an empty name has no topic");
    }
    StringBuilder out = null;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean reserved = c == '/' || c == '+' || c == '#' || c == '%' || c == '\0';
      if (reserved && out == null) {
        out = new StringBuilder(name.length() + 8).append(name, 0, i);
      }
      if (reserved) {
        for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
              .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? name : out.toString();
  }

  /** Rejects a name that cannot be one topic level as it is (used for the appliance name). */
  static void checkLevel(String name, String what) {
    if (name.isEmpty() || !level(name).equals(name)) {
      throw new IllegalArgumentException("the " + what + " must be non-empty without / + # % or NUL: \"" + name + "\"");
    }
  }
}
