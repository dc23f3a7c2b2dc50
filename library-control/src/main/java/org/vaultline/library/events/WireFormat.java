package org.vaultline.library.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tinylog.Logger;
import org.vaultline.library.store.EventCategory;
import org.vaultline.library.store.OutboxEvent;

/**
 * The JSON on the wire. Field names are part of the published interface (see the package
 * documentation): add fields, never rename or remove one.
 */
final class WireFormat {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Fields the publisher writes into every event; a payload cannot override them. */
  static final Set<String> ENVELOPE = Set.of("seq", "time", "appliance", "category", "type");
  /** Payload fields that carry retained state. */
  static final String VOLUME_STATE = "volumeState";
  static final String LIBRARY_SUMMARY = "librarySummary";

  private final MqttSettings settings;
  private final Topics topics;

  WireFormat(MqttSettings settings) {
    this.settings = settings;
    this.topics = settings.topics();
  }

  /** An outbox row as published: its message and the retained updates it implies. */
  record Prepared(OutgoingMessage message, String type, List<RetainedState.Entry> retained) {}

  static String categoryName(EventCategory c) {
    return c.name().toLowerCase(Locale.ROOT);
  }

  Prepared event(OutboxEvent e) {
    String category = categoryName(e.category());
    ObjectNode out = JSON.createObjectNode();
    out.put("seq", e.seq());
    out.put("time", e.created().toString());
    out.put("appliance", settings.applianceName());
    out.put("category", category);
    JsonNode payload = parse(e.payload());
    String type = category;
    List<RetainedState.Entry> retained = List.of();
    if (payload instanceof ObjectNode) {
      JsonNode t = payload.get("type");
      if (t != null && t.isTextual() && !t.asText().isEmpty()) {
        type = t.asText();
      }
      out.put("type", type);
      for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (!ENVELOPE.contains(f.getKey())) {
          out.set(f.getKey(), f.getValue());
        }
      }
      retained = retained(e, (ObjectNode) payload);
    } else {
      out.put("type", type);
      out.set("data", payload);
    }
    Map<String, String> props = Map.of("seq", Long.toString(e.seq()), "type", type, "category", category,
        "appliance", settings.applianceName());
    return new Prepared(new OutgoingMessage(topics.event(e.category()), write(out), false, props), type, retained);
  }

  private List<RetainedState.Entry> retained(OutboxEvent e, ObjectNode payload) {
    List<RetainedState.Entry> out = new ArrayList<>();
    for (JsonNode v : each(payload.get(VOLUME_STATE))) {
      JsonNode volume = v.get("volume");
      if (!v.isObject() || volume == null || !volume.isTextual() || volume.asText().isEmpty()) {
        Logger.warn("Event seq {}: {} without a volume name, no retained update: {}", e.seq(), VOLUME_STATE, v);
        continue;
      }
      JsonNode state = v.get("state");
      if (state == null || state.isNull()) {
        out.add(new RetainedState.Entry(topics.volume(volume.asText()), "", e.seq()));
        continue;
      }
      ObjectNode r = JSON.createObjectNode();
      r.set("volume", volume);
      r.set("state", state);
      for (String f : new String[] {"location", "library", "kind", "pool"}) {
        r.set(f, v.hasNonNull(f) ? v.get(f) : JSON.nullNode());
      }
      r.put("updated", e.created().toString());
      r.put("seq", e.seq());
      out.add(new RetainedState.Entry(topics.volume(volume.asText()), write(r), e.seq()));
    }
    for (JsonNode s : each(payload.get(LIBRARY_SUMMARY))) {
      JsonNode lib = s.get("library");
      if (!s.isObject() || lib == null || !lib.isTextual() || lib.asText().isEmpty()) {
        Logger.warn("Event seq {}: {} without a library name, no retained update: {}", e.seq(), LIBRARY_SUMMARY, s);
        continue;
      }
      ObjectNode r = ((ObjectNode) s).deepCopy();
      r.put("updated", e.created().toString());
      r.put("seq", e.seq());
      out.add(new RetainedState.Entry(topics.librarySummary(lib.asText()), write(r), e.seq()));
    }
    return out;
  }

  private static List<JsonNode> each(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return List.of();
    }
    List<JsonNode> out = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(out::add);
    } else {
      out.add(n);
    }
    return out;
  }

  /** The retained {@code status} payload. */
  String status(boolean online, Instant started, Optional<Instant> since, Optional<String> broker,
      Optional<String> reason) {
    ObjectNode s = JSON.createObjectNode();
    s.put("state", online ? "online" : "offline");
    s.put("appliance", settings.applianceName());
    s.put("version", settings.version());
    s.put("started", started.toString());
    since.ifPresent(t -> s.put("since", t.toString()));
    broker.ifPresent(b -> s.put("broker", b));
    reason.ifPresent(r -> s.put("reason", r));
    return write(s);
  }

  static ObjectNode volumeState(VolumeState v) {
    ObjectNode n = JSON.createObjectNode();
    n.put("volume", v.volume());
    n.put("state", v.state());
    n.put("location", v.location().orElse(null));
    n.put("library", v.library().orElse(null));
    n.put("kind", v.kind());
    n.put("pool", v.pool().orElse(null));
    return n;
  }

  static ObjectNode librarySummary(LibrarySummary s) {
    ObjectNode n = JSON.createObjectNode();
    n.put("library", s.library());
    n.put("slots", s.slots());
    n.put("slotsUsed", s.slotsUsed());
    n.put("slotsFree", s.slotsFree());
    n.put("ioStationSlots", s.ioStationSlots());
    n.put("ioStationUsed", s.ioStationUsed());
    ArrayNode io = n.putArray("ioStationVolumes");
    s.ioStationVolumes().forEach(io::add);
    n.put("drives", s.drives());
    n.put("drivesLoaded", s.drivesLoaded());
    n.put("drivesEmpty", s.drivesEmpty());
    return n;
  }

  static JsonNode parse(String json) {
    try {
      JsonNode n = JSON.readTree(json);
      return n == null ? JSON.nullNode() : n;
    } catch (JsonProcessingException e) {
      // The store checks json_valid; anything else is carried as text rather than dropped.
      return JSON.getNodeFactory().textNode(json);
    }
  }

  static String write(JsonNode n) {
    try {
      return JSON.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
