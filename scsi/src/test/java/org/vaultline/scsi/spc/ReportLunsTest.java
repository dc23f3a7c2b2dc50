package org.vaultline.scsi.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

class ReportLunsTest {

  @Test
  void lunListIsLaidOutAsTheStandardSays() throws MalformedResponseException {
    Bytes b = Bytes.fromHex("00 00 00 10 00 00 00 00  00 00 00 00 00 00 00 00  00 01 00 00 00 00 00 00");
    ReportLunsData data = ReportLuns.all().parse(b);
    assertThat(data.luns()).containsExactly(Lun.of(0), Lun.of(1));
    assertThat(data.encode()).isEqualTo(b);
  }

  @Test
  void peripheralAndFlatAddressingDecodeToNumbers() {
    assertThat(Lun.of(5).raw()).isEqualTo(Bytes.fromHex("00 05 00 00 00 00 00 00"));
    // 300 = 12Ch: flat space addressing 01b in bits 7..6 -> 41h 2Ch
    assertThat(Lun.of(300).raw()).isEqualTo(Bytes.fromHex("41 2c 00 00 00 00 00 00"));
    assertThat(Lun.of(300).number()).isEqualTo(OptionalInt.of(300));
    assertThat(Lun.of(300).addressMethod()).isEqualTo(1);
    assertThat(new Lun(Bytes.fromHex("40 07 00 00 00 00 00 00")).number()).isEqualTo(OptionalInt.of(7));
    assertThat(Lun.of(16383).toString()).isEqualTo("16383");
  }

  @Test
  void otherAddressingIsKeptRawWithoutANumber() {
    // peripheral addressing on bus 1, the REPORT LUNS well-known LU (extended), a second level
    for (String hex : new String[] {"01 02 00 00 00 00 00 00", "c1 01 00 00 00 00 00 00", "00 01 00 02 00 00 00 00",
        "80 01 00 00 00 00 00 00"}) {
      Lun lun = new Lun(Bytes.fromHex(hex));
      assertThat(lun.number()).as(hex).isEmpty();
      assertThat(lun.toString()).isEqualTo(Bytes.fromHex(hex).hex());
    }
  }

  @Test
  void lunsOutsideTheFlatSpaceAreRefused() {
    assertThatThrownBy(() -> Lun.of(16384)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Lun(Bytes.zeros(4))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sampleSurvivesEncodeAndParse() throws MalformedResponseException {
    assertThat(ReportLunsData.parse(SpcSamples.lunList().encode())).isEqualTo(SpcSamples.lunList());
  }

  @Test
  void listCutShortByTheAllocationLengthSaysSo() {
    assertThatThrownBy(() -> ReportLunsData.parse(SpcSamples.lunList().encode().prefix(16)))
        .isInstanceOf(MalformedResponseException.class).hasMessageContaining("allocation length");
  }

  @Test
  void listLengthThatIsNotAMultipleOfEightIsMalformed() {
    assertThatThrownBy(() -> ReportLunsData.parse(Bytes.fromHex("00 00 00 04 00 00 00 00 00 00 00 00")))
        .isInstanceOf(MalformedResponseException.class).hasMessageContaining("multiple of 8");
  }
}
