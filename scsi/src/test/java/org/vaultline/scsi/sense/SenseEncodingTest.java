package org.vaultline.scsi.sense;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.bytes.Bytes;

/** The encoders the emulator uses to send sense, and their round trips through {@link Sense#parse}. */
class SenseEncodingTest {

  private static final Sense SOURCE_EMPTY =
      Sense.of(SenseKey.ILLEGAL_REQUEST, 0x3b, 0x0e).withCdbFieldPointer(4, OptionalInt.empty());

  @Test
  void ofBuildsEighteenBytesOfCurrentFixedFormatSense() {
    Sense s = Sense.of(SenseKey.UNIT_ATTENTION, 0x29, 0x00);
    assertThat(s.raw()).isEqualTo(Bytes.fromHex("70 00 06 00 00 00 00 0a  00 00 00 00 29 00 00 00  00 00"));
    assertThat(s.encodeFixed()).isEqualTo(s.raw());
    assertThat(s.toString()).isEqualTo("UNIT ATTENTION: Power on, reset, or bus device reset occurred [29/00]");
  }

  @Test
  void aFieldPointerIsEncodedWithSksvAndCd() {
    assertThat(SOURCE_EMPTY.encodeFixed())
        .isEqualTo(Bytes.fromHex("70 00 05 00 00 00 00 0a  00 00 00 00 3b 0e 00 c0  00 04"));
    assertThat(SOURCE_EMPTY.toString())
        .isEqualTo("ILLEGAL REQUEST: Medium source element empty [3B/0E], field pointer CDB byte 4");
  }

  @Test
  void aFieldPointerWithABitIsEncodedWithBpv() {
    Sense s = Sense.of(SenseKey.ILLEGAL_REQUEST, 0x24, 0x00).withCdbFieldPointer(1, OptionalInt.of(3));
    assertThat(s.encodeFixed()).isEqualTo(Bytes.fromHex("70 00 05 00 00 00 00 0a  00 00 00 00 24 00 00 cb  00 01"));
  }

  @Test
  void descriptorFormatCarriesTheSameFields() {
    assertThat(SOURCE_EMPTY.encodeDescriptor())
        .isEqualTo(Bytes.fromHex("72 05 3b 0e 00 00 00 08  02 06 00 00 c0 00 04 00"));
    Sense s = Sense.of(SenseKey.NO_SENSE, 0x00, 0x01).withInformation(1).withStreamBits(true, false, false)
        .withCommandSpecific(0x0102).withFru(0x33);
    assertThat(s.encodeDescriptor()).isEqualTo(Bytes.fromHex("""
        72 00 00 01 00 00 00 20
        00 0a 80 00 00 00 00 00 00 00 00 01
        01 0a 00 00 00 00 00 00 00 00 01 02
        03 02 00 33
        04 02 00 80
        """));
    assertThat(s.encodeFixed())
        .isEqualTo(Bytes.fromHex("f0 00 80 00 00 00 01 0a  00 00 01 02 00 01 33 00  00 00"));
  }

  @Test
  void withMethodsKeepRawAndFieldsInAgreement() throws Exception {
    Sense s = Sense.of(SenseKey.MEDIUM_ERROR, 0x11, 0x00)
        .withSenseKeySpecific(new SenseKeySpecific.ActualRetryCount(3)).withInformation(0x1000);
    assertThat(Sense.parse(s.raw())).isEqualTo(s);
    assertThat(s.information()).hasValue(0x1000);
    assertThat(s.senseKeySpecific()).contains(new SenseKeySpecific.ActualRetryCount(3));
  }

  @Test
  void fixedFormatRoundTripsEveryField() throws Exception {
    for (Sense s : samples()) {
      Sense back = Sense.parse(s.encodeFixed());
      assertThat(back).as(s.toString()).isEqualTo(s);
    }
  }

  @Test
  void descriptorFormatRoundTripsEveryField() throws Exception {
    for (Sense fixed : samples()) {
      Sense s = fixed.asDescriptorFormat();
      assertThat(s.isFixedFormat()).isFalse();
      assertThat(s.isDeferred()).isEqualTo(fixed.isDeferred());
      assertThat(Sense.parse(s.encodeDescriptor())).as(s.toString()).isEqualTo(s);
      assertThat(s.key()).isEqualTo(fixed.key());
      assertThat(s.asc()).isEqualTo(fixed.asc());
      assertThat(s.ascq()).isEqualTo(fixed.ascq());
      assertThat(s.information()).isEqualTo(fixed.information());
      assertThat(s.commandSpecific()).isEqualTo(fixed.commandSpecific());
      assertThat(s.senseKeySpecific()).isEqualTo(fixed.senseKeySpecific());
      assertThat(s.fru()).isEqualTo(fixed.fru());
      assertThat(s.filemark()).isEqualTo(fixed.filemark());
      assertThat(s.endOfMedium()).isEqualTo(fixed.endOfMedium());
      assertThat(s.incorrectLength()).isEqualTo(fixed.incorrectLength());
      assertThat(s.toString()).isEqualTo(fixed.toString());
    }
  }

  @Test
  void deferredErrorsEncodeAs71hAnd73h() throws Exception {
    Sense s = Sense.of(SenseKey.MEDIUM_ERROR, 0x0c, 0x00).asDeferred();
    assertThat(s.responseCode()).isEqualTo(0x71);
    assertThat(s.encodeFixed().get(0)).isEqualTo(0x71);
    Sense d = s.asDescriptorFormat();
    assertThat(d.responseCode()).isEqualTo(0x73);
    assertThat(d.encodeDescriptor()).isEqualTo(Bytes.fromHex("73 03 0c 00 00 00 00 00"));
    assertThat(Sense.parse(d.raw()).isDeferred()).isTrue();
  }

  @Test
  void informationWiderThan32BitsIsNotValidInFixedFormatButKeptInDescriptorFormat() throws Exception {
    Sense fixed = Sense.of(SenseKey.MEDIUM_ERROR, 0x11, 0x00).withInformation(0x1_0000_0000L);
    assertThat(fixed.information()).isEmpty();
    assertThat(fixed.raw().get(0)).isEqualTo(0x70);
    Sense descriptor = Sense.of(SenseKey.MEDIUM_ERROR, 0x11, 0x00).asDescriptorFormat()
        .withInformation(0x1_0000_0000L);
    assertThat(descriptor.information()).hasValue(0x1_0000_0000L);
    assertThat(Sense.parse(descriptor.encodeDescriptor()).information()).hasValue(0x1_0000_0000L);
  }

  @Test
  void parsedFixedSenseReencodesToTheSameFields() throws Exception {
    Bytes raw = Bytes.fromHex("f0 00 a3 00 00 00 07 0e  00 00 00 05 11 00 2a 80  00 02 de ad be ef");
    Sense s = Sense.parse(raw);
    assertThat(s.encodeFixed()).isEqualTo(raw);
  }

  @Test
  void otherDescriptorsSurviveReencodingInDescriptorFormat() throws Exception {
    Sense s = Sense.parse(DescriptorFormatSenseTest.ALL_KINDS);
    Sense back = Sense.parse(s.encodeDescriptor());
    assertThat(back.descriptors()).isEqualTo(s.descriptors());
    assertThat(back.raw()).isEqualTo(DescriptorFormatSenseTest.ALL_KINDS);
  }

  @Test
  void additionalBytesBeyondWhatTheLengthByteCanSayAreCut() throws Exception {
    Bytes huge = new org.vaultline.scsi.bytes.BigEndianWriter()
        .u8(0x70).u8(0).u8(0x05).zeros(4).u8(0xff).zeros(4).u8(0x24).u8(0).zeros(4)
        .zeros(300).toBytes();
    Sense s = Sense.parse(huge);
    assertThat(s.additional().size()).isEqualTo(245);
    Bytes encoded = s.encodeFixed();
    assertThat(encoded.size()).isEqualTo(263);
    assertThat(encoded.get(7)).isEqualTo(0xff);
    assertThat(Sense.parse(encoded).additional()).isEqualTo(s.additional());
  }

  @Test
  void descriptorsThatDoNotFitIn255BytesAreLeftOut() throws Exception {
    // 40 vendor descriptors of 8 bytes each: 320 bytes, more than any additional sense length can say
    Sense base = Sense.parse(Bytes.fromHex("72 05 24 00 00 00 00 00"));
    List<SenseDescriptor> many = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      many.add(new SenseDescriptor(0x80 + i, Bytes.zeros(6)));
    }
    Sense s = new Sense(base.raw(), 0x72, SenseKey.ILLEGAL_REQUEST, 0x24, 0, base.information(), 0, false, false,
        false, base.senseKeySpecific(), 0, many, Bytes.EMPTY);
    Bytes encoded = s.encodeDescriptor();
    assertThat(encoded.get(7)).isEqualTo(248);
    assertThat(Sense.parse(encoded).descriptors()).hasSize(31);
  }

  /** Senses exercising every field and every kind of sense-key-specific information. */
  static List<Sense> samples() {
    return List.of(
        SOURCE_EMPTY,
        Sense.of(SenseKey.ILLEGAL_REQUEST, 0x3b, 0x0d).withCdbFieldPointer(6, OptionalInt.empty()),
        Sense.of(SenseKey.ILLEGAL_REQUEST, 0x24, 0x00).withCdbFieldPointer(1, OptionalInt.of(7)),
        Sense.of(SenseKey.ILLEGAL_REQUEST, 0x26, 0x00)
            .withSenseKeySpecific(new SenseKeySpecific.FieldPointer(false, OptionalInt.of(0), 0xffff)),
        Sense.of(SenseKey.NOT_READY, 0x04, 0x01).withSenseKeySpecific(new SenseKeySpecific.ProgressIndication(0x4000)),
        Sense.of(SenseKey.NOT_READY, 0x3a, 0x00),
        Sense.of(SenseKey.MEDIUM_ERROR, 0x11, 0x00).withSenseKeySpecific(new SenseKeySpecific.ActualRetryCount(12))
            .withInformation(0xffff_ffffL),
        Sense.of(SenseKey.COPY_ABORTED, 0x0d, 0x02)
            .withSenseKeySpecific(new SenseKeySpecific.SegmentPointer(true, OptionalInt.of(2), 16)),
        Sense.of(SenseKey.UNIT_ATTENTION, 0x29, 0x00)
            .withSenseKeySpecific(new SenseKeySpecific.Unknown(Bytes.of(0x81, 0x00, 0x00))),
        Sense.of(SenseKey.NO_SENSE, 0x00, 0x01).withStreamBits(true, false, false).withInformation(1),
        Sense.of(SenseKey.VOLUME_OVERFLOW, 0x00, 0x02).withStreamBits(false, true, false),
        Sense.of(SenseKey.NO_SENSE, 0x00, 0x00).withStreamBits(false, false, true).withInformation(512),
        Sense.of(SenseKey.HARDWARE_ERROR, 0x44, 0x00).withFru(0x2a).withCommandSpecific(0x12345678L),
        Sense.of(SenseKey.HARDWARE_ERROR, 0x40, 0x85).asDeferred(),
        Sense.of(SenseKey.NOT_READY, 0x04, 0x85));
  }
}
