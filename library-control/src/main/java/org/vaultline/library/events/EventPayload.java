package org.vaultline.library.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Builds the JSON payload of an outbox event ({@code Tx.event(category, payload.json())}) so that every
 * emitter uses the same field names. The publisher adds {@code seq}, {@code time}, {@code appliance} and
 * {@code category}; {@code type} and {@code text} come from here:
 * <pre>{@code
 * tx.event(EventCategory.DRM, EventPayload.of("drm.transition", "Volume A00017: MOUNTABLE -> COURIER.")
 *     .with("volume", "A00017").with("from", "MOUNTABLE").with("to", "COURIER")
 *     .volumeState(new VolumeState("A00017", "COURIER", Optional.of("COURIER"), Optional.empty(),
 *         "CopyStgPool", Optional.of("COPYPOOL")))
 *     .json());
 * }</pre>
 * A {@link #volumeState} makes the publisher update the retained topic {@code volumes/<volser>},
 * {@link #volumeLeftDrm} clears it, a {@link #librarySummary} updates {@code library/<lib>/summary}.
 */
public final class EventPayload {
  private final ObjectNode node = WireFormat.JSON.createObjectNode();

  private EventPayload(String type, String text) {
    if (type.isEmpty()) {
      throw new IllegalArgumentException("empty event type");
    }
    node.put("type", type);
    node.put("text", text);
  }

  /**
   * @param type dotted, lower case: {@code drm.transition}, {@code library.move}, {@code request.raised},
   *     {@code alert.tapealert}...
   * @param text one sentence for a person, as {@code vaultline events} prints it
   */
  public static EventPayload of(String type, String text) {
    return new EventPayload(Objects.requireNonNull(type, "type"), Objects.requireNonNull(text, "text"));
  }

  public EventPayload with(String field, String value) {
    check(field).put(field, value);
    return this;
  }

  public EventPayload with(String field, long value) {
    check(field).put(field, value);
    return this;
  }

  public EventPayload with(String field, boolean value) {
    check(field).put(field, value);
    return this;
  }

  public EventPayload with(String field, Instant value) {
    check(field).put(field, value == null ? null : value.toString());
    return this;
  }

  public EventPayload with(String field, List<String> values) {
    var array = check(field).putArray(field);
    values.forEach(array::add);
    return this;
  }

  /** The volume's DRM state after this event: the retained {@code volumes/<volser>} is updated. */
  public EventPayload volumeState(VolumeState state) {
    node.withArray(WireFormat.VOLUME_STATE).add(WireFormat.volumeState(state));
    return this;
  }

  /** The volume left DRM tracking (ONSITERETRIEVE): its retained topic is cleared. */
  public EventPayload volumeLeftDrm(String volume) {
    ObjectNode n = WireFormat.JSON.createObjectNode();
    n.put("volume", Objects.requireNonNull(volume, "volume"));
    n.putNull("state");
    node.withArray(WireFormat.VOLUME_STATE).add(n);
    return this;
  }

  /** The library's counts after this event: the retained {@code library/<lib>/summary} is updated. */
  public EventPayload librarySummary(LibrarySummary summary) {
    node.withArray(WireFormat.LIBRARY_SUMMARY).add(WireFormat.librarySummary(summary));
    return this;
  }

  public String json() {
    return WireFormat.write(node);
  }

  private ObjectNode check(String field) {
    Objects.requireNonNull(field, "field");
    if (WireFormat.ENVELOPE.contains(field) || field.equals("text") || field.equals(WireFormat.VOLUME_STATE)
        || field.equals(WireFormat.LIBRARY_SUMMARY)) {
      throw new IllegalArgumentException("field " + field + " is reserved");
    }
    return node;
  }
}
