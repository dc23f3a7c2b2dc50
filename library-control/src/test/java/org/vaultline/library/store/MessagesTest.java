package org.vaultline.library.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessagesTest {
  @Test
  void everyCataloguedMessageHasItsOwnNumber() {
    Set<Integer> seen = new HashSet<>();
    for (MessageTemplate m : Messages.all()) {
      assertThat(seen.add(m.id().number())).as("duplicate number in %s", m).isTrue();
    }
    assertThat(Messages.all()).hasSizeGreaterThan(30);
  }

  @Test
  void everyCataloguedMessageFormatsWithItsArity() {
    for (MessageTemplate m : Messages.all()) {
      Object[] args = new Object[m.arity()];
      for (int i = 0; i < args.length; i++) {
        args[i] = "<" + i + ">";
      }
      Message msg = m.format(args);
      assertThat(msg.text()).doesNotContain("{").doesNotContain("}");
      for (Object a : args) {
        assertThat(msg.text()).contains((String) a);
      }
    }
  }

  @Test
  void storeMessagesAreInTheStoreRange() {
    assertThat(Messages.SCHEMA_MIGRATED.id().number()).isBetween(1, 99);
    assertThat(Messages.OUTBOX_DISCARDED.id().number()).isBetween(1, 99);
    assertThat(Messages.VOLUME_CHECKED_IN.id().number()).isBetween(100, 399);
  }

  @Test
  void messageIdPrintsAndParsesAsVlnFourDigitsAndSeverity() {
    MessageId id = MessageId.parse("VLN0110I");
    assertThat(id.number()).isEqualTo(110);
    assertThat(id.severity()).isEqualTo(Severity.INFORMATION);
    assertThat(id).hasToString("VLN0110I");
    assertThat(new MessageId(11, Severity.WARNING)).hasToString("VLN0011W");
    assertThat(MessageId.parse("VLN9999S").severity()).isEqualTo(Severity.SEVERE);
  }

  @Test
  void malformedMessageIdsAreRejected() {
    for (String bad : new String[] {"ANR0110I", "VLN110I", "VLN0110X", "VLN01A0I", "VLN01100I", ""}) {
      assertThatThrownBy(() -> MessageId.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void formatSubstitutesPositionalArgumentsWithoutLocaleFormatting() {
    MessageTemplate t = MessageTemplate.of("VLN0999I", "Process {0} moved {1} of {1} to '{2}'.");
    Message m = t.format(1234, 5000, "VAULT");
    assertThat(m.render()).isEqualTo("VLN0999I Process 1234 moved 5000 of 5000 to 'VAULT'.");
    assertThat(t.arity()).isEqualTo(3);
  }

  @Test
  void formatRefusesTheWrongNumberOfArguments() {
    assertThatThrownBy(() -> Messages.LIBRARY_DEFINED.format()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("VLN0100I takes 1");
    assertThatThrownBy(() -> Messages.LIBRARY_DEFINED.format("A", "B")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void templateWithAGapInItsPlaceholdersIsRejected() {
    assertThatThrownBy(() -> MessageTemplate.of("VLN0999I", "{0} and {2}"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bracesThatAreNotPlaceholdersStayAsText() {
    assertThat(MessageTemplate.of("VLN0999I", "payload {\"a\":1} {x} {0}").format("z").text())
        .isEqualTo("payload {\"a\":1} {x} z");
  }

  @Test
  void findLooksUpByNumber() {
    assertThat(Messages.find(110)).contains(Messages.VOLUME_CHECKED_IN);
    assertThat(Messages.find(9998)).isEmpty();
  }
}
