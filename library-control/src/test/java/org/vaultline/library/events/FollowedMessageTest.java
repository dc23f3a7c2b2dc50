package org.vaultline.library.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@link EventFollower} shows each kind of message to a person. */
class FollowedMessageTest {
  final Topics topics = new Topics("vaultline/vl1/");

  private FollowedMessage decode(String topic, String payload, Map<String, String> props) {
    return EventFollower.decode(topics, new IncomingMessage(topic, payload, false, props));
  }

  @Test
  void anEventShowsItsText() {
    FollowedMessage m = decode("vaultline/vl1/events/drm", "{\"seq\":5,\"time\":\"2025-06-01T14:03:12Z\","
        + "\"type\":\"drm.transition\",\"text\":\"A00017: MOUNTABLE -> COURIER.\"}", Map.of());
    assertThat(m.line(ZoneOffset.UTC))
        .isEqualTo("2025-06-01 14:03:12  #5  drm.transition  A00017: MOUNTABLE -> COURIER.");
    assertThat(m.topic()).isEqualTo("events/drm");
  }

  @Test
  void anEventWithoutTextShowsItsFields() {
    FollowedMessage m = decode("vaultline/vl1/events/alerts", "{\"seq\":6,\"time\":\"2025-06-01T14:03:12Z\","
        + "\"appliance\":\"vl1\",\"category\":\"alerts\",\"type\":\"alert.tapealert\",\"drive\":\"DRV1\","
        + "\"flags\":[20,21],\"volumeState\":{}}", Map.of());
    assertThat(m.text()).isEqualTo("drive=DRV1 flags=[20,21]");
  }

  @Test
  void somethingThatIsNotOursIsShownRaw() {
    FollowedMessage m = decode("vaultline/vl1/events/drm", "hello", Map.of());
    assertThat(m.seq()).isEmpty();
    assertThat(m.text()).isEqualTo("hello");
    assertThat(m.line(ZoneOffset.UTC)).endsWith("  -  events/drm  hello");
    assertThat(decode("vaultline/vl1/events/drm", "{}", Map.of("seq", "8")).seq()).contains(8L);
    assertThat(decode("vaultline/vl1/events/drm", "{}", Map.of("seq", "x")).seq()).isEmpty();
  }

  @Test
  void stateTopicsReadLikeSentences() {
    assertThat(decode("vaultline/vl1/volumes/A1", "", Map.of()).text()).isEqualTo("A1 left DRM");
    assertThat(decode("vaultline/vl1/volumes/A1", "{\"volume\":\"A1\",\"state\":\"VAULT\",\"location\":\"VAULT\","
        + "\"library\":null,\"kind\":\"DBBackup\",\"pool\":null,\"updated\":\"2025-06-01T14:03:12Z\",\"seq\":3}",
        Map.of()).line(ZoneOffset.UTC)).isEqualTo("2025-06-01 14:03:12  -  volume  A1 VAULT at VAULT, DBBackup");
    assertThat(decode("vaultline/vl1/status", "{\"state\":\"offline\",\"appliance\":\"vl1\",\"version\":\"1\","
        + "\"started\":\"2025-06-01T14:00:00Z\",\"reason\":\"connection lost\"}", Map.of()).text())
        .isEqualTo("vl1 offline, version 1, started 2025-06-01T14:00:00Z: connection lost");
    assertThat(decode("vaultline/vl1/library/LIB1/summary", "{\"library\":\"LIB1\",\"slots\":10,\"slotsUsed\":4,"
        + "\"ioStationSlots\":6,\"ioStationUsed\":2,\"ioStationVolumes\":[\"A1\",\"A2\"],\"drives\":2,"
        + "\"drivesLoaded\":1}", Map.of()).text())
        .isEqualTo("LIB1: slots 4/10 used, I/O station 2/6 [\"A1\",\"A2\"], drives 1/2 loaded");
  }
}
