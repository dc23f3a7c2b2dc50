package org.vaultline.scsi.ssc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.Totality;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.spc.LogPage;

/**
 * Every SSC parser, fed every truncation of its samples and 10,000 seeded random and mutated inputs,
 * returns a record or throws MalformedResponseException, nothing else.
 */
class SscTotalityTest {
  private static final int RANDOM = 10_000;

  static List<Bytes> readPositionSamples() {
    return List.of(
        Bytes.fromHex("A5 03 00 00 00 01 02 03 04 05 06 07 00 08 09 10 11 12 13 14"),
        ReadPositionShort.at(0, 0).encode());
  }

  static List<Bytes> attributeSamples() {
    return List.of(ReadAttributeDataTest.LTO_VALUES,
        Bytes.fromHex("00 00 00 06 00 00 04 01 08 06"),
        Bytes.fromHex("00 02 00 01"));
  }

  static List<Bytes> densitySamples() {
    return List.of(ReportDensitySupportTest.VECTOR,
        MediumTypeSupport.of(List.of(new MediumTypeDescriptor(0x78, 52, 3, List.of(0x46, 0x58, 0x5A), 127, 846,
            "LTO-CVE", "U-5", "Ultrium 5"))).encode());
  }

  static List<Bytes> tapeAlertSamples() {
    return List.of(TapeAlertPageTest.drivePageWithCleaningFlags(),
        Bytes.fromHex("2E 00 00 0B  00 40 40 01 01  80 00 00 02 AA BB"));
  }

  @Test
  void readPositionIsTotal() {
    List<Bytes> samples = readPositionSamples();
    for (Bytes s : samples) {
      assertThat(Totality.everyTruncation(s, ReadPositionShort::parse)).isEqualTo(1);
    }
    assertThat(Totality.randomInputs(1, RANDOM, samples, ReadPositionShort::parse)).isPositive();
  }

  @Test
  void readBlockLimitsIsTotal() {
    List<Bytes> samples = List.of(Bytes.fromHex("00 80 00 00 00 01"), new BlockLimits(31, 1, 2).encode());
    for (Bytes s : samples) {
      assertThat(Totality.everyTruncation(s, BlockLimits::parse)).isEqualTo(1);
    }
    assertThat(Totality.randomInputs(2, RANDOM, samples, BlockLimits::parse)).isPositive();
  }

  @Test
  void readAttributeIsTotalInEveryServiceAction() {
    List<Bytes> samples = attributeSamples();
    for (AttributeServiceAction sa : AttributeServiceAction.values()) {
      ReadAttribute command = new ReadAttribute(sa, 0, 0, 0, 4096, false);
      for (Bytes s : samples) {
        Totality.everyTruncation(s, command::parse);
      }
      assertThat(Totality.randomInputs(3 + sa.code(), RANDOM, samples, command::parse)).isPositive();
    }
    assertThat(Totality.everyTruncation(ReadAttributeDataTest.LTO_VALUES, AttributeValues::parse))
        .isEqualTo(ReadAttributeDataTest.LTO_VALUES.size() - 3);
  }

  @Test
  void reportDensitySupportIsTotalForDensitiesAndMediumTypes() {
    List<Bytes> samples = densitySamples();
    for (Bytes s : samples) {
      Totality.everyTruncation(s, DensitySupport::parse);
      Totality.everyTruncation(s, MediumTypeSupport::parse);
    }
    assertThat(Totality.everyTruncation(ReportDensitySupportTest.VECTOR, DensitySupport::parse))
        .isEqualTo(ReportDensitySupportTest.VECTOR.size() - 3);
    assertThat(Totality.randomInputs(10, RANDOM, samples, DensitySupport::parse)).isPositive();
    assertThat(Totality.randomInputs(11, RANDOM, samples, MediumTypeSupport::parse)).isPositive();
  }

  @Test
  void tapeAlertPageIsTotal() {
    List<Bytes> samples = tapeAlertSamples();
    for (Bytes s : samples) {
      assertThat(Totality.everyTruncation(s, TapeAlertPage::parse)).isEqualTo(s.size() - 3);
    }
    assertThat(Totality.randomInputs(12, RANDOM, samples, TapeAlertPage::parse)).isPositive();
  }

  @Test
  void tapeAlertViewOfAParsedLogPageIsTotal() {
    List<Bytes> samples = tapeAlertSamples();
    for (Bytes s : samples) {
      assertThat(Totality.everyTruncation(s, b -> TapeAlertPage.from(LogPage.parse(b)))).isEqualTo(1);
    }
    assertThat(Totality.randomInputs(13, RANDOM, samples, b -> TapeAlertPage.from(LogPage.parse(b)))).isPositive();
  }
}
