package org.vaultline.scsi.sense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.bytes.Bytes;

/** SPC-4 4.5.2 descriptor format sense data (response codes 72h and 73h). */
class DescriptorFormatSenseTest {

  /** Header plus information, command-specific, SKS, FRU, stream commands and a vendor descriptor. */
  static final Bytes ALL_KINDS = Bytes.fromHex("""
      72 05 24 00 00 00 00 2d
      00 0a 80 00 00 00 00 01 00 00 12 34
      01 0a 00 00 00 00 00 00 ab cd ef 01
      02 06 00 00 c0 00 04 00
      03 02 00 07
      04 02 00 e0
      80 03 aa bb cc
      """);

  private static Sense parse(String hex) throws MalformedResponseException {
    return Sense.parse(Bytes.fromHex(hex));
  }

  @Test
  void everyKnownDescriptorIsFoldedIntoTheFields() throws Exception {
    Sense s = Sense.parse(ALL_KINDS);
    assertThat(s.responseCode()).isEqualTo(0x72);
    assertThat(s.isFixedFormat()).isFalse();
    assertThat(s.isDeferred()).isFalse();
    assertThat(s.key()).isEqualTo(SenseKey.ILLEGAL_REQUEST);
    assertThat(s.asc()).isEqualTo(0x24);
    assertThat(s.ascq()).isZero();
    assertThat(s.information()).hasValue(0x0000000100001234L);
    assertThat(s.commandSpecific()).isEqualTo(0xabcdef01L);
    assertThat(s.senseKeySpecific()).contains(new SenseKeySpecific.FieldPointer(true, OptionalInt.empty(), 4));
    assertThat(s.fru()).isEqualTo(7);
    assertThat(s.filemark()).isTrue();
    assertThat(s.endOfMedium()).isTrue();
    assertThat(s.incorrectLength()).isTrue();
    assertThat(s.additional()).isEqualTo(Bytes.EMPTY);
    assertThat(s.toString()).isEqualTo("ILLEGAL REQUEST: Invalid field in CDB [24/00], field pointer CDB byte 4,"
        + " information 4294971956, FILEMARK, EOM, ILI");
  }

  @Test
  void everyDescriptorIsKeptWithItsTypeAndBody() throws Exception {
    Sense s = Sense.parse(ALL_KINDS);
    assertThat(s.descriptors()).extracting(SenseDescriptor::type).containsExactly(0x00, 0x01, 0x02, 0x03, 0x04, 0x80);
    assertThat(s.descriptors().get(0).body()).isEqualTo(Bytes.fromHex("80 00 00 00 00 01 00 00 12 34"));
    assertThat(s.descriptors().get(5).body()).isEqualTo(Bytes.fromHex("aa bb cc"));
    assertThat(s.descriptors()).extracting(SenseDescriptor::typeName).containsExactly("information",
        "command-specific information", "sense key specific", "field replaceable unit", "stream commands",
        "vendor specific");
  }

  @Test
  void descriptorTypeNamesCoverReservedAndVendorCodes() {
    assertThat(new SenseDescriptor(0x05, Bytes.EMPTY).typeName()).isEqualTo("block commands");
    assertThat(new SenseDescriptor(0x0a, Bytes.EMPTY).typeName()).isEqualTo("another progress indication");
    assertThat(new SenseDescriptor(0x40, Bytes.EMPTY).typeName()).isEqualTo("reserved");
    assertThat(new SenseDescriptor(0xff, Bytes.EMPTY).typeName()).isEqualTo("vendor specific");
  }

  @Test
  void notReadyWithProgressInDescriptorFormat() throws Exception {
    Sense s = parse("72 02 04 01 00 00 00 08  02 06 00 00 80 80 00 00");
    assertThat(s.senseKeySpecific()).contains(new SenseKeySpecific.ProgressIndication(0x8000));
    assertThat(s.toString()).isEqualTo("NOT READY: Logical unit is in process of becoming ready [04/01], progress 50%");
  }

  @Test
  void theBlockCommandsDescriptorSetsIli() throws Exception {
    Sense s = parse("72 00 00 00 00 00 00 04  05 02 00 20");
    assertThat(s.incorrectLength()).isTrue();
    assertThat(s.filemark()).isFalse();
  }

  @Test
  void informationWithoutTheValidBitIsAbsent() throws Exception {
    Sense s = parse("72 03 11 00 00 00 00 0c  00 0a 00 00 00 00 00 00 00 00 00 07");
    assertThat(s.information()).isEmpty();
    assertThat(s.descriptors()).hasSize(1);
  }

  @Test
  void anotherProgressIndicationIsKeptAsADescriptor() throws Exception {
    Sense s = parse("72 02 04 07 00 00 00 08  0a 06 04 1b 00 80 00 00");
    assertThat(s.descriptors()).singleElement()
        .satisfies(d -> {
          assertThat(d.type()).isEqualTo(SenseDescriptor.ANOTHER_PROGRESS_INDICATION);
          assertThat(d.body()).isEqualTo(Bytes.fromHex("04 1b 00 80 00 00"));
        });
    assertThat(s.senseKeySpecific()).isEmpty();
  }

  @Test
  void aDescriptorCutShortByTheBufferIsKeptWithWhatArrived() throws Exception {
    // the information descriptor says 10 more bytes; the sense buffer ends after 4 of them
    Sense s = parse("72 03 11 00 00 00 00 0c  00 0a 80 00 00 00");
    assertThat(s.descriptors()).singleElement()
        .satisfies(d -> assertThat(d.body()).isEqualTo(Bytes.fromHex("80 00 00 00")));
    assertThat(s.information()).isEmpty();
    assertThat(s.asc()).isEqualTo(0x11);
  }

  @Test
  void aDescriptorLongerThanTheStatedLengthIsCutToIt() throws Exception {
    // stated length 6: the second descriptor lies outside the sense data
    Sense s = parse("72 05 24 00 00 00 00 06  03 02 00 09 80 00  04 02 00 80");
    assertThat(s.fru()).isEqualTo(9);
    assertThat(s.descriptors()).extracting(SenseDescriptor::type).containsExactly(0x03, 0x80);
    assertThat(s.descriptors().get(1).body()).isEqualTo(Bytes.EMPTY);
    assertThat(s.filemark()).isFalse();
  }

  @Test
  void aLoneTypeByteAtTheEndIsIgnored() throws Exception {
    Sense s = parse("72 05 24 00 00 00 00 05  03 02 00 09 04");
    assertThat(s.descriptors()).hasSize(1);
  }

  @Test
  void theHeaderAloneIsEnough() throws Exception {
    Sense s = parse("72 02 3a 00");
    assertThat(s.key()).isEqualTo(SenseKey.NOT_READY);
    assertThat(s.toString()).isEqualTo("NOT READY: Medium not present [3A/00]");
    assertThat(parse("72 06").asc()).isZero();
  }

  @Test
  void aDeferredErrorInDescriptorFormatSaysSo() throws Exception {
    Sense s = parse("73 03 0c 00 00 00 00 00");
    assertThat(s.isDeferred()).isTrue();
    assertThat(s.isFixedFormat()).isFalse();
    assertThat(s.toString()).isEqualTo("MEDIUM ERROR: Write error [0C/00], deferred error");
  }

  @Test
  void senseWithoutTheKeyIsMalformedAtByteOne() {
    assertThatThrownBy(() -> parse("72"))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> assertThat(e.offset()).isEqualTo(1));
  }
}
