package org.vaultline.library.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vaultline.library.store.EventCategory;

class TopicsTest {
  final Topics topics = new Topics("vaultline/vl1");

  @Test
  void theTreeHangsBelowTheRootWithATrailingSlashAdded() {
    assertThat(topics.root()).isEqualTo("vaultline/vl1/");
    assertThat(topics.status()).isEqualTo("vaultline/vl1/status");
    assertThat(topics.volume("A00017")).isEqualTo("vaultline/vl1/volumes/A00017");
    assertThat(topics.librarySummary("LIB1")).isEqualTo("vaultline/vl1/library/LIB1/summary");
    assertThat(topics.event(EventCategory.DRM)).isEqualTo("vaultline/vl1/events/drm");
    assertThat(topics.event(EventCategory.LIBRARY)).isEqualTo("vaultline/vl1/events/library");
    assertThat(topics.event(EventCategory.REQUESTS)).isEqualTo("vaultline/vl1/events/requests");
    assertThat(topics.event(EventCategory.ALERTS)).isEqualTo("vaultline/vl1/events/alerts");
    assertThat(topics.allEvents()).isEqualTo("vaultline/vl1/events/#");
  }

  @Test
  void namesWithCharactersMqttReservesGetOneTopicLevelEach() {
    assertThat(Topics.level("A/B+C#D%E")).isEqualTo("A%2FB%2BC%23D%25E");
    assertThat(Topics.level("PLAIN01")).isEqualTo("PLAIN01");
    assertThat(Topics.level("a\0b")).isEqualTo("a%00b");
    assertThat(topics.volume("X/1")).isEqualTo("vaultline/vl1/volumes/X%2F1");
    assertThat(Topics.level("%2F")).isNotEqualTo(Topics.level("/"));
  }

  @Test
  void userFiltersAreRelativeToTheRootUnlessTheyStartWithIt() {
    assertThat(topics.resolve("events/drm")).isEqualTo("vaultline/vl1/events/drm");
    assertThat(topics.resolve("#")).isEqualTo("vaultline/vl1/#");
    assertThat(topics.resolve("vaultline/vl1/volumes/+")).isEqualTo("vaultline/vl1/volumes/+");
    assertThat(topics.relative("vaultline/vl1/events/drm")).isEqualTo("events/drm");
    assertThat(topics.relative("other/x")).isEqualTo("other/x");
  }

  @Test
  void rootsWithWildcardsOrEmptyLevelsAreRefused() {
    assertThatThrownBy(() -> new Topics("a/+/b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Topics("a/#")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Topics("/a")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Topics("a//b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Topics("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Topics.level("")).isInstanceOf(IllegalArgumentException.class);
  }
}
