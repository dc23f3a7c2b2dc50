package org.vaultline.appliance.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vaultline.library.store.MessageTemplate;

class ScheduleMessagesTest {
  @Test
  void messageNumbersAreUniqueAndInsideTheSchedulesRange() {
    Set<Integer> seen = new HashSet<>();
    for (MessageTemplate t : ScheduleMessages.all()) {
      assertThat(t.id().number()).as(t.toString()).isBetween(900, 949);
      assertThat(seen.add(t.id().number())).as("duplicate " + t.id()).isTrue();
    }
    assertThat(seen).hasSizeGreaterThan(30);
  }

  @Test
  void everySyntaxErrorIsAnError() {
    for (MessageTemplate t : ScheduleParser.syntaxMessages()) {
      assertThat(t.id().severity().letter()).as(t.toString()).isEqualTo('E');
    }
  }
}
