package org.vaultline.library.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vaultline.library.store.MessageTemplate;
import org.vaultline.library.store.Messages;

/** The library commands' message numbers: in their range, unique, and not the store's. */
class ControlMessagesTest {

  @Test
  void numbersAreUniqueInTheirRangeAndNotTheStores() {
    Set<Integer> store = new HashSet<>();
    Messages.all().forEach(m -> store.add(m.id().number()));
    Set<Integer> seen = new HashSet<>();
    for (MessageTemplate m : ControlMessages.all()) {
      assertThat(m.id().number()).as("%s", m).isBetween(200, 299);
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
