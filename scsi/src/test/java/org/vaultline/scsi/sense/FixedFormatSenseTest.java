package org.vaultline.scsi.sense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.bytes.Bytes;

/** SPC-4 4.5.3 fixed format sense data (response codes 70h and 71h). */
class FixedFormatSenseTest {

  private static Sense parse(String hex) throws MalformedResponseException {
    return Sense.parse(Bytes.fromHex(hex));
  }

  @Test
  void moveMediumFromAnEmptySlotReadsLikeAnOperatorWantsIt() throws Exception {
    Sense s = parse("70 00 05 00 00 00 00 0a  00 00 00 00 3b 0e 00 c0  00 04");
    assertThat(s.responseCode()).isEqualTo(0x70);
    assertThat(s.isFixedFormat()).isTrue();
    assertThat(s.isDeferred()).isFalse();
    assertThat(s.key()).isEqualTo(SenseKey.ILLEGAL_REQUEST);
    assertThat(s.asc()).isEqualTo(0x3b);
    assertThat(s.ascq()).isEqualTo(0x0e);
    assertThat(s.is(SenseKey.ILLEGAL_REQUEST, 0x3b, 0x0e)).isTrue();
    assertThat(s.is(SenseKey.ILLEGAL_REQUEST, 0x3b, 0x0d)).isFalse();
    assertThat(s.is(SenseKey.NOT_READY, 0x3b, 0x0e)).isFalse();
    assertThat(s.description()).isEqualTo("Medium source element empty");
    assertThat(s.senseKeySpecific()).contains(new SenseKeySpecific.FieldPointer(true, OptionalInt.empty(), 4));
    assertThat(s.toString())
        .isEqualTo("ILLEGAL REQUEST: Medium source element empty [3B/0E], field pointer CDB byte 4");
    assertThat(s.information()).isEmpty();
    assertThat(s.descriptors()).isEmpty();
    assertThat(s.additional()).isEqualTo(Bytes.EMPTY);
  }

  @Test
  void fieldPointerWithBitPointerNamesTheBit() throws Exception {
    // byte 15: SKSV, C/D = 1, BPV = 1, bit pointer 3; field pointer 0001h
    Sense s = parse("70 00 05 00 00 00 00 0a  00 00 00 00 24 00 00 cb  00 01");
    assertThat(s.senseKeySpecific()).contains(new SenseKeySpecific.FieldPointer(true, OptionalInt.of(3), 1));
    assertThat(s.toString()).isEqualTo("ILLEGAL REQUEST: Invalid field in CDB [24/00], field pointer CDB byte 1 bit 3");
  }

  @Test
  void fieldPointerWithCdClearPointsIntoTheParameterData() throws Exception {
    Sense s = parse("70 00 05 00 00 00 00 0a  00 00 00 00 26 00 00 80  01 02");
    assertThat(s.senseKeySpecific()).contains(new SenseKeySpecific.FieldPointer(false, OptionalInt.empty(), 258));
    assertThat(s.toString())
        .isEqualTo("ILLEGAL REQUEST: Invalid field in parameter list [26/00], field pointer parameter data byte 258");
  }

  @Test
  void notReadyBecomingReadyCarriesItsProgress() throws Exception {
    Sense s = parse("70 00 02 00 00 00 00 0a  00 00 00 00 04 01 00 80  40 00");
    assertThat(s.senseKeySpecific()).contains(new SenseKeySpecific.ProgressIndication(0x4000));
    assertThat(s.toString()).isEqualTo("NOT READY: Logical unit is in process of becoming ready [04/01], progress 25%");
  }

  @Test
  void noSenseAlsoCarriesProgress() throws Exception {
    Sense s = parse("70 00 00 00 00 00 00 0a  00 00 00 00 00 16 00 80  ff ff");
    assertThat(s.senseKeySpecific()).contains(new SenseKeySpecific.ProgressIndication(0xffff));
    assertThat(((SenseKeySpecific.ProgressIndication) s.senseKeySpecific().get()).percent()).isEqualTo(99);
  }

  @Test
  void mediumErrorCarriesTheActualRetryCount() throws Exception {
    Sense s = parse("70 00 03 00 00 00 00 0a  00 00 00 00 11 00 00 80  01 05");
    assertThat(s.senseKeySpecific()).contains(new SenseKeySpecific.ActualRetryCount(0x105));
    assertThat(s.toString()).isEqualTo("MEDIUM ERROR: Unrecovered read error [11/00], actual retry count 261");
  }

  @Test
  void copyAbortedCarriesTheSegmentPointer() throws Exception {
    // byte 15: SKSV, SD = 1, BPV = 1, bit pointer 2; field pointer 0010h
    Sense s = parse("70 00 0a 00 00 00 00 0a  00 00 00 00 0d 02 00 aa  00 10");
    assertThat(s.senseKeySpecific()).contains(new SenseKeySpecific.SegmentPointer(true, OptionalInt.of(2), 16));
    assertThat(s.toString()).isEqualTo(
        "COPY ABORTED: Copy target device not reachable [0D/02], segment pointer segment descriptor byte 16 bit 2");
  }

  @Test
  void senseKeySpecificOfOtherKeysIsKeptRaw() throws Exception {
    // UNIT ATTENTION: byte 15 bit 0 is the unit attention condition queue OVERFLOW bit
    Sense s = parse("70 00 06 00 00 00 00 0a  00 00 00 00 29 00 00 81  00 00");
    assertThat(s.senseKeySpecific()).contains(new SenseKeySpecific.Unknown(Bytes.of(0x81, 0, 0)));
    assertThat(s.toString()).isEqualTo(
        "UNIT ATTENTION: Power on, reset, or bus device reset occurred [29/00], sense-key-specific 81 00 00");
  }

  @Test
  void senseKeySpecificWithoutSksvIsAbsent() throws Exception {
    Sense s = parse("70 00 05 00 00 00 00 0a  00 00 00 00 24 00 00 40  00 04");
    assertThat(s.senseKeySpecific()).isEmpty();
    assertThat(s.toString()).isEqualTo("ILLEGAL REQUEST: Invalid field in CDB [24/00]");
  }

  @Test
  void readingAFilemarkSetsFilemarkAndInformation() throws Exception {
    // SSC READ(6) that hit a filemark: VALID, FILEMARK, NO SENSE, information = residue 1
    Sense s = parse("f0 00 80 00 00 00 01 0a  00 00 00 00 00 01 00 00  00 00");
    assertThat(s.filemark()).isTrue();
    assertThat(s.endOfMedium()).isFalse();
    assertThat(s.incorrectLength()).isFalse();
    assertThat(s.information()).hasValue(1);
    assertThat(s.key()).isEqualTo(SenseKey.NO_SENSE);
    assertThat(s.toString()).isEqualTo("NO SENSE: Filemark detected [00/01], information 1, FILEMARK");
  }

  @Test
  void endOfMediumAndIncorrectLengthAreDecoded() throws Exception {
    Sense eom = parse("70 00 4d 00 00 00 00 0a  00 00 00 00 00 02 00 00  00 00");
    assertThat(eom.endOfMedium()).isTrue();
    assertThat(eom.key()).isEqualTo(SenseKey.VOLUME_OVERFLOW);
    assertThat(eom.toString()).isEqualTo("VOLUME OVERFLOW: End-of-partition/medium detected [00/02], EOM");

    // READ(6) asked for 1024 bytes, the block had 512: residue 512 in INFORMATION
    Sense ili = parse("f0 00 20 00 00 02 00 0a  00 00 00 00 00 00 00 00  00 00");
    assertThat(ili.incorrectLength()).isTrue();
    assertThat(ili.information()).hasValue(512);
    assertThat(ili.toString()).isEqualTo("NO SENSE: No additional sense information [00/00], information 512, ILI");
  }

  @Test
  void beginningAndEndOfDataAreDescribed() throws Exception {
    assertThat(parse("70 00 08 00 00 00 00 0a  00 00 00 00 00 05 00 00  00 00").toString())
        .isEqualTo("BLANK CHECK: End-of-data detected [00/05]");
    assertThat(parse("70 00 40 00 00 00 00 0a  00 00 00 00 00 04 00 00  00 00").toString())
        .isEqualTo("NO SENSE: Beginning-of-partition/medium detected [00/04], EOM");
  }

  @Test
  void informationWithoutTheValidBitIsAbsent() throws Exception {
    Sense s = parse("70 00 00 12 34 56 78 0a  00 00 00 00 00 00 00 00  00 00");
    assertThat(s.information()).isEmpty();
  }

  @Test
  void informationIsUnsigned32Bits() throws Exception {
    Sense s = parse("f0 00 00 ff ff ff fe 0a  00 00 00 00 00 00 00 00  00 00");
    assertThat(s.information()).hasValue(0xfffffffeL);
  }

  @Test
  void commandSpecificInformationAndFruAreDecoded() throws Exception {
    Sense s = parse("70 00 04 00 00 00 00 0a  12 34 56 78 44 00 2a 00  00 00");
    assertThat(s.commandSpecific()).isEqualTo(0x12345678L);
    assertThat(s.fru()).isEqualTo(0x2a);
    assertThat(s.toString()).isEqualTo("HARDWARE ERROR: Internal target failure [44/00]");
  }

  @Test
  void bytesAfterByte17AreKeptAsAdditionalUpToTheStatedLength() throws Exception {
    // additional sense length 0Eh: 22 bytes, of which 18..21 are vendor bytes; the 2 after are not sense
    Sense s = parse("70 00 06 00 00 00 00 0e  00 00 00 00 28 01 00 00  00 00 de ad be ef 99 99");
    assertThat(s.additional()).isEqualTo(Bytes.fromHex("de ad be ef"));
    assertThat(s.raw().size()).isEqualTo(24);
    assertThat(s.toString()).isEqualTo("UNIT ATTENTION: Import or export element accessed [28/01]");
  }

  @Test
  void aStatedLengthLongerThanTheBufferIsCutToTheBuffer() throws Exception {
    // says 244 more bytes, the transport's sense buffer kept 14: ASC and ASCQ arrived, the rest did not
    Sense s = parse("70 00 02 00 00 00 00 f4  00 00 00 00 3a 00");
    assertThat(s.key()).isEqualTo(SenseKey.NOT_READY);
    assertThat(s.asc()).isEqualTo(0x3a);
    assertThat(s.ascq()).isZero();
    assertThat(s.fru()).isZero();
    assertThat(s.senseKeySpecific()).isEmpty();
    assertThat(s.additional()).isEqualTo(Bytes.EMPTY);
  }

  @Test
  void aBufferCutBeforeTheAscLeavesAscAndAscqZero() throws Exception {
    Sense s = parse("70 00 06 00 00 00 00 0a  00 00 00");
    assertThat(s.key()).isEqualTo(SenseKey.UNIT_ATTENTION);
    assertThat(s.asc()).isZero();
    assertThat(s.ascq()).isZero();
    assertThat(s.commandSpecific()).isZero();
  }

  @Test
  void aStatedLengthShorterThanTheBufferHidesWhatLiesBeyondIt() throws Exception {
    // additional sense length 0: only bytes 0..7 are sense data, whatever the buffer holds after them
    Sense s = parse("70 00 05 00 00 00 00 00  00 00 00 00 24 00 00 c0  00 04");
    assertThat(s.key()).isEqualTo(SenseKey.ILLEGAL_REQUEST);
    assertThat(s.asc()).isZero();
    assertThat(s.senseKeySpecific()).isEmpty();
    assertThat(s.raw().size()).isEqualTo(18);
  }

  @Test
  void senseWithoutTheLengthByteIsReadAsFarAsItGoes() throws Exception {
    Sense s = parse("70 00 0b");
    assertThat(s.key()).isEqualTo(SenseKey.ABORTED_COMMAND);
    assertThat(s.toString()).isEqualTo("ABORTED COMMAND: No additional sense information [00/00]");
  }

  @Test
  void aDeferredErrorSaysSo() throws Exception {
    Sense s = parse("71 00 03 00 00 00 00 0a  00 00 00 00 0c 00 00 00  00 00");
    assertThat(s.responseCode()).isEqualTo(0x71);
    assertThat(s.isDeferred()).isTrue();
    assertThat(s.isFixedFormat()).isTrue();
    assertThat(s.toString()).isEqualTo("MEDIUM ERROR: Write error [0C/00], deferred error");
  }

  @Test
  void vendorSpecificCodesAreKeptAndDescribed() throws Exception {
    // IBM libraries: 2/04/85 library paused
    Sense s = parse("70 00 02 00 00 00 00 0a  00 00 00 00 04 85 00 00  00 00");
    assertThat(s.ascq()).isEqualTo(0x85);
    assertThat(s.toString()).isEqualTo("NOT READY: Vendor specific ASCQ 85h for ASC 04h [04/85]");
    assertThat(parse("70 00 05 00 00 00 00 0a  00 00 00 00 83 01 00 00  00 00").toString())
        .isEqualTo("ILLEGAL REQUEST: Vendor specific ASC 83h, ASCQ 01h [83/01]");
  }

  @Test
  void everySenseKeyIsNamed() throws Exception {
    for (int k = 0; k < 16; k++) {
      Sense s = Sense.parse(Bytes.of(0x70, 0, k, 0, 0, 0, 0, 0));
      assertThat(s.key().code()).isEqualTo(k);
      assertThat(s.toString()).startsWith(s.key().text() + ": ");
    }
    assertThat(SenseKey.of(0x15)).isEqualTo(SenseKey.ILLEGAL_REQUEST);
    assertThat(SenseKey.COMPLETED.toString()).isEqualTo("COMPLETED");
  }

  @Test
  void theValidBitDoesNotChangeTheResponseCode() throws Exception {
    assertThat(parse("f1 00 00 00 00 00 00 00").responseCode()).isEqualTo(0x71);
  }

  @Test
  void emptyOrTooShortSenseIsMalformedAtTheMissingByte() {
    assertThatThrownBy(() -> Sense.parse(Bytes.EMPTY))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> assertThat(e.offset()).isZero());
    assertThatThrownBy(() -> parse("70 00"))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> assertThat(e.offset()).isEqualTo(2));
  }

  @Test
  void aResponseCodeThatIsNotSenseIsMalformedAtByteZero() {
    for (int code : new int[] {0x00, 0x6f, 0x74, 0x7f, 0xff}) {
      assertThatThrownBy(() -> Sense.parse(Bytes.of(code, 0, 5, 0, 0, 0, 0, 0)))
          .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
            assertThat(e.offset()).isZero();
            assertThat(e.reason()).contains(String.format("%02Xh", code & 0x7f));
          });
    }
  }

  @Test
  void rawKeepsTheBytesExactlyAsReceived() throws Exception {
    Bytes raw = Bytes.fromHex("70 00 05 00 00 00 00 00  00 00 00 00 24 00 00 c0  00 04 ff");
    assertThat(Sense.parse(raw).raw()).isEqualTo(raw);
    assertThat(Sense.parse(raw).information()).isEqualTo(OptionalLong.empty());
    assertThat(Sense.parse(raw).senseKeySpecific()).isEqualTo(Optional.empty());
  }
}
