package org.vaultline.library.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vaultline.library.store.MessageTemplate;
import org.vaultline.library.store.Messages;

/** The library and server commands' message numbers: in their ranges, unique, not the store's nor DRM's. */
class ControlMessagesTest {

  @Test
  void numbersAreUniqueInTheirRangeAndNotTheStores() {
    Set<Integer> store = new HashSet<>();
    Messages.all().forEach(m -> store.add(m.id().number()));
    Set<Integer> seen = new HashSet<>();
    for (MessageTemplate m : ControlMessages.all()) {
      assertThat(m.id().number() >= 200 && m.id().number() <= 299 || m.id().number() >= 500
          && m.id().number() <= 539).as("%s is in 0200..0299 or the server commands' 0500..0539", m).isTrue();
      for (org.vaultline.library.drm.DrmMessageId d : org.vaultline.library.drm.DrmMessageId.values()) {
        assertThat(d.number()).as("%s is not DRM's %s", m.id(), d).isNotEqualTo(m.id().number());
      }
      assertThat(seen.add(m.id().number())).as("%s is unique", m.id()).isTrue();
      assertThat(store).as("%s is not the store's", m.id()).doesNotContain(m.id().number());
    }
    assertThat(ControlMessages.all()).hasSizeGreaterThan(40);
  }

  @Test
  void everySyntaxMessageIsAnError() {
    for (MessageTemplate m : LibraryCommandParser.syntaxMessages()) {
      assertThat(m.id().toString()).endsWith("E");
    }
  }
}
