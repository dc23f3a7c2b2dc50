package org.vaultline.library.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vaultline.library.store.EventCategory;
import org.vaultline.library.store.OutboxEvent;

/** The JSON on the wire: stable field names, envelope first, retained updates derived from payloads. */
class WireFormatTest {
  final WireFormat wire = new WireFormat(MqttSettings.forAppliance("vl1", List.of(URI.create("tcp://a:1")))
      .withVersion("1.2.3"));
  final Instant t = Instant.parse("2025-06-01T14:03:12.345Z");

  private OutboxEvent event(long seq, EventCategory c, String payload) {
    return new OutboxEvent(seq, c, payload, t, Optional.empty());
  }

  private static JsonNode json(String s) {
    return WireFormat.parse(s);
  }

  @Test
  void anEventCarriesTheEnvelopeFirstThenTheEmittersFields() {
    WireFormat.Prepared p = wire.event(event(42, EventCategory.DRM,
        EventPayload.of("drm.transition", "A00017: MOUNTABLE -> COURIER.").with("volume", "A00017").json()));
    assertThat(p.message().payload()).isEqualTo("{\"seq\":42,\"time\":\"2025-06-01T14:03:12.345Z\","
        + "\"appliance\":\"vl1\",\"category\":\"drm\",\"type\":\"drm.transition\","
        + "\"text\":\"A00017: MOUNTABLE -> COURIER.\",\"volume\":\"A00017\"}");
    assertThat(p.message().topic()).isEqualTo("vaultline/vl1/events/drm");
    assertThat(p.message().retained()).isFalse();
    assertThat(p.message().userProperties()).containsEntry("seq", "42").containsEntry("type", "drm.transition")
        .containsEntry("category", "drm").containsEntry("appliance", "vl1");
    assertThat(p.retained()).isEmpty();
  }

  @Test
  void aPayloadCannotOverrideTheEnvelope() {
    WireFormat.Prepared p = wire.event(event(7, EventCategory.ALERTS,
        "{\"seq\":999,\"time\":\"x\",\"appliance\":\"evil\",\"category\":\"drm\",\"flag\":20}"));
    JsonNode n = json(p.message().payload());
    assertThat(n.get("seq").asLong()).isEqualTo(7);
    assertThat(n.get("appliance").asText()).isEqualTo("vl1");
    assertThat(n.get("category").asText()).isEqualTo("alerts");
    assertThat(n.get("type").asText()).as("no type given: the category").isEqualTo("alerts");
    assertThat(n.get("flag").asInt()).isEqualTo(20);
  }

  @Test
  void aPayloadThatIsNotAnObjectIsCarriedAsData() {
    JsonNode n = json(wire.event(event(1, EventCategory.LIBRARY, "[1,\"two\"]")).message().payload());
    assertThat(n.get("data").toString()).isEqualTo("[1,\"two\"]");
    assertThat(json(wire.event(event(2, EventCategory.LIBRARY, "not json")).message().payload()).get("data")
        .asText()).isEqualTo("not json");
  }

  @Test
  void aVolumeStateBecomesItsRetainedTopicWithUpdatedAndSeq() {
    WireFormat.Prepared p = wire.event(event(9, EventCategory.DRM, TestEvents.transition("A00017", "VAULT")));
    assertThat(p.retained()).hasSize(1);
    RetainedState.Entry e = p.retained().get(0);
    assertThat(e.topic()).isEqualTo("vaultline/vl1/volumes/A00017");
    assertThat(e.seq()).isEqualTo(9);
    assertThat(e.payload()).isEqualTo("{\"volume\":\"A00017\",\"state\":\"VAULT\",\"location\":\"VAULT\","
        + "\"library\":\"LIB1\",\"kind\":\"CopyStgPool\",\"pool\":\"COPYPOOL\","
        + "\"updated\":\"2025-06-01T14:03:12.345Z\",\"seq\":9}");
  }

  @Test
  void leavingDrmClearsTheTopicWithAnEmptyMessage() {
    WireFormat.Prepared p = wire.event(event(10, EventCategory.DRM,
        EventPayload.of("drm.transition", "gone").volumeLeftDrm("A00017").volumeLeftDrm("A00018").json()));
    assertThat(p.retained()).extracting(RetainedState.Entry::topic, RetainedState.Entry::payload).containsExactly(
        org.assertj.core.groups.Tuple.tuple("vaultline/vl1/volumes/A00017", ""),
        org.assertj.core.groups.Tuple.tuple("vaultline/vl1/volumes/A00018", ""));
  }

  @Test
  void aLibrarySummaryBecomesItsRetainedTopic() {
    WireFormat.Prepared p = wire.event(event(11, EventCategory.LIBRARY, EventPayload.of("library.inventory", "x")
        .librarySummary(new LibrarySummary("LIB1", 10, 4, 2, 1, List.of("A1"), 2, 2)).json()));
    RetainedState.Entry e = p.retained().get(0);
    assertThat(e.topic()).isEqualTo("vaultline/vl1/library/LIB1/summary");
    assertThat(e.payload()).isEqualTo("{\"library\":\"LIB1\",\"slots\":10,\"slotsUsed\":4,\"slotsFree\":6,"
        + "\"ioStationSlots\":2,\"ioStationUsed\":1,\"ioStationVolumes\":[\"A1\"],\"drives\":2,\"drivesLoaded\":2,"
        + "\"drivesEmpty\":0,\"updated\":\"2025-06-01T14:03:12.345Z\",\"seq\":11}");
  }

  @Test
  void aMalformedStateIsSkippedWithoutLosingTheEvent() {
    WireFormat.Prepared p = wire.event(event(12, EventCategory.DRM,
        "{\"type\":\"x\",\"volumeState\":{\"state\":\"VAULT\"},\"librarySummary\":[1]}"));
    assertThat(p.retained()).isEmpty();
    assertThat(json(p.message().payload()).get("seq").asLong()).isEqualTo(12);
  }

  @Test
  void statusSaysOnlineOrOfflineWithVersionAndStartTime() {
    JsonNode online = json(wire.status(true, t, Optional.of(t.plusSeconds(5)), Optional.of("tcp://a:1"),
        Optional.empty()));
    assertThat(online.toString()).isEqualTo("{\"state\":\"online\",\"appliance\":\"vl1\",\"version\":\"1.2.3\","
        + "\"started\":\"2025-06-01T14:03:12.345Z\",\"since\":\"2025-06-01T14:03:17.345Z\",\"broker\":\"tcp://a:1\"}");
    JsonNode will = json(wire.status(false, t, Optional.empty(), Optional.empty(), Optional.of("connection lost")));
    assertThat(will.get("state").asText()).isEqualTo("offline");
    assertThat(will.get("reason").asText()).isEqualTo("connection lost");
  }

  @Test
  void emittersCannotUseReservedFieldNames() {
    for (String f : List.of("seq", "time", "appliance", "category", "type", "text", "volumeState", "librarySummary")) {
      assertThatThrownBy(() -> EventPayload.of("t", "x").with(f, "v")).as(f)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(EventPayload.of("t", "x").with("when", t).with("count", 3).with("ok", true)
        .with("volumes", List.of("A", "B")).json())
        .isEqualTo("{\"type\":\"t\",\"text\":\"x\",\"when\":\"2025-06-01T14:03:12.345Z\",\"count\":3,\"ok\":true,"
            + "\"volumes\":[\"A\",\"B\"]}");
  }
}
