package org.vaultline.scsi.sense;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** {@link CheckConditionException#of} picks the subclass a caller acts on. */
class CheckConditionExceptionTest {

  @Test
  void mediumSourceEmptyIsItsOwnException() {
    Sense sense = Sense.of(SenseKey.ILLEGAL_REQUEST, 0x3b, 0x0e).withCdbFieldPointer(4, OptionalInt.empty());
    CheckConditionException e = CheckConditionException.of("MOVE MEDIUM", sense);
    assertThat(e).isExactlyInstanceOf(MediumSourceEmptyException.class);
    assertThat(e.command()).isEqualTo("MOVE MEDIUM");
    assertThat(e.sense()).isSameAs(sense);
    assertThat(e.getMessage())
        .isEqualTo("MOVE MEDIUM: ILLEGAL REQUEST: Medium source element empty [3B/0E], field pointer CDB byte 4");
  }

  @Test
  void mediumDestinationFullIsItsOwnException() {
    assertThat(CheckConditionException.of("MOVE MEDIUM", Sense.of(SenseKey.ILLEGAL_REQUEST, 0x3b, 0x0d)))
        .isExactlyInstanceOf(MediumDestinationFullException.class)
        .hasMessage("MOVE MEDIUM: ILLEGAL REQUEST: Medium destination element full [3B/0D]");
  }

  @Test
  void invalidFieldInCdbIsItsOwnException() {
    assertThat(CheckConditionException.of("READ ELEMENT STATUS",
        Sense.of(SenseKey.ILLEGAL_REQUEST, 0x24, 0x00).withCdbFieldPointer(7, OptionalInt.empty())))
        .isExactlyInstanceOf(InvalidFieldInCdbException.class)
        .hasMessage("READ ELEMENT STATUS: ILLEGAL REQUEST: Invalid field in CDB [24/00], field pointer CDB byte 7");
  }

  @Test
  void mediumRemovalPreventedIsItsOwnException() {
    assertThat(CheckConditionException.of("MOVE MEDIUM", Sense.of(SenseKey.ILLEGAL_REQUEST, 0x53, 0x02)))
        .isExactlyInstanceOf(MediumRemovalPreventedException.class);
  }

  @Test
  void notReadyCarriesProgressWhenTheDeviceGivesIt() {
    Sense becoming = Sense.of(SenseKey.NOT_READY, 0x04, 0x01)
        .withSenseKeySpecific(new SenseKeySpecific.ProgressIndication(0x4000));
    CheckConditionException e = CheckConditionException.of("TEST UNIT READY", becoming);
    assertThat(e).isExactlyInstanceOf(NotReadyException.class);
    assertThat(((NotReadyException) e).progressPercent()).hasValue(25);

    CheckConditionException noMedium = CheckConditionException.of("LOAD", Sense.of(SenseKey.NOT_READY, 0x3a, 0x00));
    assertThat(noMedium).isExactlyInstanceOf(NotReadyException.class);
    assertThat(((NotReadyException) noMedium).progressPercent()).isEmpty();

    // IBM 2/04/85 library paused: vendor specific, still NOT READY
    assertThat(CheckConditionException.of("MOVE MEDIUM", Sense.of(SenseKey.NOT_READY, 0x04, 0x85)))
        .isExactlyInstanceOf(NotReadyException.class)
        .hasMessage("MOVE MEDIUM: NOT READY: Vendor specific ASCQ 85h for ASC 04h [04/85]");
  }

  @Test
  void unitAttentionIsItsOwnExceptionWhateverTheAsc() {
    for (int[] code : new int[][] {{0x29, 0x00}, {0x28, 0x00}, {0x28, 0x01}, {0x2a, 0x01}, {0x3b, 0x0e}}) {
      assertThat(CheckConditionException.of("INQUIRY", Sense.of(SenseKey.UNIT_ATTENTION, code[0], code[1])))
          .isExactlyInstanceOf(UnitAttentionException.class);
    }
  }

  @Test
  void anythingElseIsAPlainCheckCondition() {
    assertThat(CheckConditionException.of("READ(6)", Sense.of(SenseKey.MEDIUM_ERROR, 0x11, 0x00)))
        .isExactlyInstanceOf(CheckConditionException.class);
    assertThat(CheckConditionException.of("MOVE MEDIUM", Sense.of(SenseKey.HARDWARE_ERROR, 0x15, 0x01)))
        .isExactlyInstanceOf(CheckConditionException.class)
        .hasMessage("MOVE MEDIUM: HARDWARE ERROR: Mechanical positioning error [15/01]");
    assertThat(CheckConditionException.of("MOVE MEDIUM", Sense.of(SenseKey.ILLEGAL_REQUEST, 0x21, 0x01)))
        .isExactlyInstanceOf(CheckConditionException.class);
    assertThat(CheckConditionException.of("MOVE MEDIUM", Sense.of(SenseKey.ILLEGAL_REQUEST, 0x24, 0x01)))
        .isExactlyInstanceOf(CheckConditionException.class);
  }

  /** A deferred error belongs to an earlier command: it must not say what happened to this one. */
  @Test
  void aDeferredErrorIsNeverTurnedIntoASubclass() {
    assertThat(CheckConditionException.of("MOVE MEDIUM",
        Sense.of(SenseKey.ILLEGAL_REQUEST, 0x3b, 0x0e).asDeferred()))
        .isExactlyInstanceOf(CheckConditionException.class)
        .hasMessageEndingWith(", deferred error");
    assertThat(CheckConditionException.of("WRITE(6)", Sense.of(SenseKey.NOT_READY, 0x04, 0x01).asDeferred()))
        .isExactlyInstanceOf(CheckConditionException.class);
  }

  @Test
  void everyCheckConditionIsAScsiException() {
    assertThat(CheckConditionException.of("X", Sense.of(SenseKey.NO_SENSE, 0, 0))).isInstanceOf(ScsiException.class);
    assertThat(new TransportException("lost")).isInstanceOf(ScsiException.class).hasMessage("lost");
    assertThat(new MalformedResponseException(3, "short")).isInstanceOf(ScsiException.class)
        .hasMessage("malformed response at byte 3: short");
  }

  @Test
  void malformedResponseCanCarryWhatWasDecoded() {
    MalformedResponseException e = new MalformedResponseException(5, "cut");
    assertThat(e.partial()).isEmpty();
    MalformedResponseException withPartial = e.withPartial("two elements");
    assertThat(withPartial.partial()).contains("two elements");
    assertThat(withPartial.offset()).isEqualTo(5);
    assertThat(withPartial.reason()).isEqualTo("cut");
    assertThat(withPartial.getStackTrace()).isEqualTo(e.getStackTrace());
  }
}
