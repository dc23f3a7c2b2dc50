package org.vaultline.scsi.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.DeviceType;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

class StandardInquiryTest {

  @Test
  void ibmUltriumTd3VectorDecodesAsARemovableTapeDrive() throws MalformedResponseException {
    StandardInquiry inq = Inquiry.standard(0x60).parse(SpcSamples.stdInquiryVector());
    assertThat(inq.peripheralQualifier()).isZero();
    assertThat(inq.deviceTypeCode()).isEqualTo(1);
    assertThat(inq.deviceType()).isEqualTo(DeviceType.SEQUENTIAL_ACCESS);
    assertThat(inq.removable()).isTrue();
    assertThat(inq.version()).isEqualTo(3);
    assertThat(inq.normAca()).isFalse();
    assertThat(inq.hiSup()).isFalse();
    assertThat(inq.responseDataFormat()).isEqualTo(2);
    assertThat(inq.additionalLength()).isEqualTo(0x35);
    assertThat(inq.sccs()).isFalse();
    assertThat(inq.acc()).isFalse();
    assertThat(inq.tpgs()).isZero();
    assertThat(inq.thirdPartyCopy()).isFalse();
    assertThat(inq.protect()).isFalse();
    assertThat(inq.encServ()).isFalse();
    assertThat(inq.multiP()).isFalse();
    // byte 7 is 30h: WBUS16 and SYNC (parallel SCSI), no CMDQUE
    assertThat(inq.cmdQue()).isFalse();
    assertThat(inq.vendor()).isEqualTo("IBM");
    assertThat(inq.product()).isEqualTo("ULTRIUM-TD3");
    assertThat(inq.revision()).isEqualTo("5CM0");
    assertThat(inq.vendorSpecific()).isEqualTo(Bytes.zeros(20));
    // 58 bytes end where the version descriptors would begin
    assertThat(inq.versionDescriptors()).isEmpty();
  }

  @Test
  void vectorEncodesBackToItsLengthAndParsesToTheSameRecord() throws MalformedResponseException {
    Bytes vector = SpcSamples.stdInquiryVector();
    StandardInquiry inq = StandardInquiry.parse(vector);
    Bytes encoded = inq.encode();
    assertThat(encoded.size()).isEqualTo(vector.size());
    assertThat(encoded.slice(0, 6)).isEqualTo(vector.slice(0, 6));
    assertThat(encoded.slice(8, 56)).isEqualTo(vector.slice(8, 56));
    assertThat(StandardInquiry.parse(encoded)).isEqualTo(inq);
  }

  @Test
  void aThirtySixByteAllocationStillGivesVendorProductAndRevision() throws MalformedResponseException {
    StandardInquiry inq = StandardInquiry.parse(SpcSamples.stdInquiryVector().prefix(36));
    assertThat(inq.product()).isEqualTo("ULTRIUM-TD3");
    assertThat(inq.additionalLength()).isEqualTo(0x35);
    assertThat(inq.vendorSpecific()).isEqualTo(Bytes.EMPTY);
  }

  @Test
  void fewerThanThirtySixBytesAreMalformed() {
    assertThatThrownBy(() -> StandardInquiry.parse(SpcSamples.stdInquiryVector().prefix(35)))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("36");
  }

  @Test
  void everyFieldSurvivesEncodeAndParse() throws MalformedResponseException {
    StandardInquiry full = SpcSamples.fullInquiry();
    Bytes encoded = full.encode();
    assertThat(encoded.size()).isEqualTo(96);
    // byte 5: SCCS | TPGS 11b | 3PC | PROTECT = 80h | 30h | 08h | 01h
    assertThat(encoded.get(5)).isEqualTo(0xB9);
    // byte 6: ENCSERV | MULTIP; byte 7: CMDQUE
    assertThat(encoded.get(6)).isEqualTo(0x50);
    assertThat(encoded.get(7)).isEqualTo(0x02);
    assertThat(encoded.slice(58, 64)).isEqualTo(Bytes.fromHex("04 60 04 80 0e 20"));
    assertThat(StandardInquiry.parse(encoded)).isEqualTo(full);
  }

  @Test
  void factoryMakesAThirtySixByteSpc4Answer() throws MalformedResponseException {
    StandardInquiry inq = StandardInquiry.of(DeviceType.MEDIUM_CHANGER, true, "VLTLINE", "VL-100", "0001");
    Bytes b = inq.encode();
    assertThat(b.slice(0, 8)).isEqualTo(Bytes.fromHex("08 80 06 12 1f 00 00 02"));
    assertThat(b.slice(8, 36)).isEqualTo(Bytes.ascii("VLTLINE VL-100          0001"));
    assertThat(StandardInquiry.parse(b)).isEqualTo(inq);
  }

  @Test
  void versionDescriptorsStopWhereTheAdditionalLengthEnds() throws MalformedResponseException {
    Bytes full = SpcSamples.fullInquiry().encode();
    // additional length 57 -> 62 bytes: two of the three descriptors
    byte[] b = full.toByteArray();
    b[4] = 57;
    assertThat(StandardInquiry.parse(Bytes.of(b)).versionDescriptors()).containsExactly(0x0460, 0x0480);
  }

  @Test
  void recordRejectsFieldsThatDoNotFitTheirBytes() {
    StandardInquiry ok = SpcSamples.fullInquiry();
    assertThatThrownBy(() -> new StandardInquiry(8, 0, false, 0, false, false, 0, 0, false, false, 0, false, false,
        false, false, false, "", "", "", Bytes.EMPTY, List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StandardInquiry(0, 0, false, 0, false, false, 0, 0, false, false, 0, false, false,
        false, false, false, "NINECHARS", "", "", Bytes.EMPTY, List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StandardInquiry(0, 0, false, 0, false, false, 0, 0, false, false, 0, false, false,
        false, false, false, "", "", "", Bytes.EMPTY, List.of(0))).isInstanceOf(IllegalArgumentException.class);
    assertThat(ok.versionDescriptors()).hasSize(3);
  }
}
