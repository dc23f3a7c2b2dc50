package org.vaultline.scsi.sense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.bytes.Bytes;

/** SPC-4 4.5.2.4 sense-key-specific information: three bytes whose meaning depends on the sense key. */
class SenseKeySpecificTest {

  @Test
  void withoutSksvThereIsNothing() {
    assertThat(SenseKeySpecific.decode(SenseKey.ILLEGAL_REQUEST, 0x7f, 0xff, 0xff)).isEmpty();
  }

  @Test
  void theSenseKeyDecidesTheMeaning() {
    assertThat(SenseKeySpecific.decode(SenseKey.ILLEGAL_REQUEST, 0xc0, 0, 4))
        .contains(new SenseKeySpecific.FieldPointer(true, OptionalInt.empty(), 4));
    assertThat(SenseKeySpecific.decode(SenseKey.NOT_READY, 0x80, 0x12, 0x34))
        .contains(new SenseKeySpecific.ProgressIndication(0x1234));
    assertThat(SenseKeySpecific.decode(SenseKey.NO_SENSE, 0x80, 0, 1))
        .contains(new SenseKeySpecific.ProgressIndication(1));
    for (SenseKey k : new SenseKey[] {SenseKey.RECOVERED_ERROR, SenseKey.MEDIUM_ERROR, SenseKey.HARDWARE_ERROR}) {
      assertThat(SenseKeySpecific.decode(k, 0x80, 0, 9)).contains(new SenseKeySpecific.ActualRetryCount(9));
    }
    assertThat(SenseKeySpecific.decode(SenseKey.COPY_ABORTED, 0xa9, 0, 2))
        .contains(new SenseKeySpecific.SegmentPointer(true, OptionalInt.of(1), 2));
    assertThat(SenseKeySpecific.decode(SenseKey.DATA_PROTECT, 0x85, 1, 2))
        .contains(new SenseKeySpecific.Unknown(Bytes.of(0x85, 1, 2)));
  }

  @Test
  void everyKindEncodesToTheBytesItDecodesFrom() {
    int[][] cases = {
        {0xc0, 0x00, 0x04}, {0xcf, 0xff, 0xff}, {0x88, 0x00, 0x00}, {0x80, 0x01, 0x02}, {0xbf, 0xab, 0xcd}};
    for (SenseKey key : SenseKey.values()) {
      for (int[] c : cases) {
        SenseKeySpecific s = SenseKeySpecific.decode(key, c[0], c[1], c[2]).orElseThrow();
        Bytes encoded = SenseKeySpecific.encode(s);
        assertThat(SenseKeySpecific.decode(key, encoded.get(0), encoded.get(1), encoded.get(2)))
            .as(key + " " + s).contains(s);
      }
    }
  }

  @Test
  void encodingSetsSksvCdBpvAndTheBitPointer() {
    assertThat(SenseKeySpecific.encode(new SenseKeySpecific.FieldPointer(true, OptionalInt.of(5), 0x0102)))
        .isEqualTo(Bytes.of(0xcd, 0x01, 0x02));
    assertThat(SenseKeySpecific.encode(new SenseKeySpecific.FieldPointer(false, OptionalInt.empty(), 7)))
        .isEqualTo(Bytes.of(0x80, 0x00, 0x07));
    assertThat(SenseKeySpecific.encode(new SenseKeySpecific.SegmentPointer(true, OptionalInt.of(0), 3)))
        .isEqualTo(Bytes.of(0xa8, 0x00, 0x03));
    assertThat(SenseKeySpecific.encode(new SenseKeySpecific.ProgressIndication(0xffff)))
        .isEqualTo(Bytes.of(0x80, 0xff, 0xff));
    assertThat(SenseKeySpecific.encode(new SenseKeySpecific.Unknown(Bytes.of(0x01, 0x02, 0x03))))
        .isEqualTo(Bytes.of(0x81, 0x02, 0x03));
  }

  @Test
  void progressIsShownAsAPercentRoundedDown() {
    assertThat(new SenseKeySpecific.ProgressIndication(0).percent()).isZero();
    assertThat(new SenseKeySpecific.ProgressIndication(655).percent()).isZero();
    assertThat(new SenseKeySpecific.ProgressIndication(656).percent()).isEqualTo(1);
    assertThat(new SenseKeySpecific.ProgressIndication(0x8000).percent()).isEqualTo(50);
    assertThat(new SenseKeySpecific.ProgressIndication(0xffff).percent()).isEqualTo(99);
  }

  @Test
  void toStringReadsLikeAnOperatorWantsIt() {
    assertThat(new SenseKeySpecific.FieldPointer(true, OptionalInt.empty(), 4)).hasToString("field pointer CDB byte 4");
    assertThat(new SenseKeySpecific.FieldPointer(false, OptionalInt.of(2), 9))
        .hasToString("field pointer parameter data byte 9 bit 2");
    assertThat(new SenseKeySpecific.SegmentPointer(false, OptionalInt.empty(), 1))
        .hasToString("segment pointer parameter list byte 1");
    assertThat(new SenseKeySpecific.ActualRetryCount(3)).hasToString("actual retry count 3");
    assertThat(new SenseKeySpecific.ProgressIndication(0x4000)).hasToString("progress 25%");
    assertThat(new SenseKeySpecific.Unknown(Bytes.of(0x81, 0, 0))).hasToString("sense-key-specific 81 00 00");
  }

  /** Regression: a bit pointer of 8 or a 17-bit pointer was silently encoded into the wrong bits. */
  @Test
  void valuesThatDoNotFitTheirBitsAreRefused() {
    assertThatThrownBy(() -> new SenseKeySpecific.FieldPointer(true, OptionalInt.of(8), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bit pointer 8");
    assertThatThrownBy(() -> new SenseKeySpecific.FieldPointer(true, OptionalInt.of(-1), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SenseKeySpecific.FieldPointer(true, OptionalInt.empty(), 0x10000))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65536");
    assertThatThrownBy(() -> new SenseKeySpecific.SegmentPointer(true, OptionalInt.empty(), -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SenseKeySpecific.ProgressIndication(0x10000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SenseKeySpecific.ActualRetryCount(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Regression: an Unknown of fewer than three bytes made encode throw IndexOutOfBoundsException. */
  @Test
  void unknownMustBeExactlyThreeBytes() {
    assertThatThrownBy(() -> new SenseKeySpecific.Unknown(Bytes.of(0x80, 0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 2");
  }
}
