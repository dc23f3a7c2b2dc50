package org.vaultline.scsi.spc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.Totality;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * Every spc parser, fed every truncation of its samples and 10,000 seeded random and mutated inputs,
 * returns a record or throws {@link MalformedResponseException}, nothing else. Where a record comes
 * back, encoding it and parsing again must give the same record (standard INQUIRY: the same bytes,
 * since its encoder fills what a short allocation cut off).
 */
class SpcTotalityTest {
  private static final int RANDOM_INPUTS = 10_000;

  private static void assertTotal(long seed, List<Bytes> samples, Totality.Parser parser) {
    int parsed = 0;
    for (Bytes sample : samples) {
      parsed += Totality.everyTruncation(sample, parser);
    }
    // some samples are other pages, there to be mutated into this one; at least one must be this page
    assertThat(parsed).as("truncations that parse").isPositive();
    assertThat(Totality.randomInputs(seed, RANDOM_INPUTS, samples, parser)).as("random inputs that parse")
        .isPositive();
  }

  private static void same(Object a, Object b) {
    if (!a.equals(b)) {
      throw new AssertionError("re-parsed record differs: " + a + " vs " + b);
    }
  }

  @Test
  void standardInquiryParserIsTotal() {
    assertTotal(0x5B_04L, List.of(SpcSamples.stdInquiryVector(), SpcSamples.fullInquiry().encode()), b -> {
      Bytes once = StandardInquiry.parse(b).encode();
      same(StandardInquiry.parse(once).encode(), once);
      return once;
    });
  }

  @Test
  void deviceIdentificationParserIsTotal() {
    assertTotal(0x83L, List.of(SpcSamples.vpd83Vector(), SpcSamples.fullDeviceIdentification().encode()), b -> {
      DeviceIdentification d = DeviceIdentification.parse(b);
      same(DeviceIdentification.parse(d.encode()), d);
      return d.toString();
    });
  }

  @Test
  void otherVpdParsersAreTotal() {
    List<Bytes> samples = List.of(Bytes.fromHex("08 00 00 03 00 80 83"),
        Bytes.fromHex("01 80 00 0c 20 20 31 32 31 30 31 37 33 31 38 33"), Bytes.fromHex("01 b0 00 02 12 34"),
        SpcSamples.vpd83Vector());
    assertTotal(0x00L, samples, b -> {
      SupportedVpdPages p = SupportedVpdPages.parse(b);
      same(SupportedVpdPages.parse(p.encode()), p);
      return p;
    });
    assertTotal(0x80L, samples, b -> {
      UnitSerialNumber p = UnitSerialNumber.parse(b);
      same(UnitSerialNumber.parse(p.encode()), p);
      return p.trimmedSerialNumber();
    });
    assertTotal(0xB0L, samples, b -> {
      VpdPage p = VpdPage.parse(b);
      same(VpdPage.parse(p.encode()), p);
      return p;
    });
  }

  @Test
  void modeSense6ParserIsTotal() {
    assertTotal(0x1AL, List.of(SpcSamples.modeSense6Vector(), SpcSamples.modeParameters6().encode6()), b -> {
      ModeParameters p = ModeParameters.parse6(b);
      same(ModeParameters.parse6(p.encode6()), p);
      return p;
    });
  }

  @Test
  void modeSense10ParserIsTotal() {
    List<Bytes> samples = List.of(SpcSamples.modeParameters6().encode10(),
        SpcSamples.modeParameters10LongLba().encode10());
    assertTotal(0x5AL, samples, b -> {
      ModeParameters p = ModeParameters.parse10(b);
      same(ModeParameters.parse10(p.encode10()), p);
      return p;
    });
  }

  @Test
  void modeSelectParameterListParsersAreTotal() {
    assertTotal(0x15L, List.of(SpcSamples.modeParameters6().encodeSelect6()), ModeParameters::parseSelect6);
    assertTotal(0x55L, List.of(SpcSamples.modeParameters6().encodeSelect10(),
        SpcSamples.modeParameters10LongLba().encodeSelect10()), ModeParameters::parseSelect10);
  }

  @Test
  void logPageParsersAreTotal() {
    List<Bytes> samples = List.of(SpcSamples.tapeAlertLike().encode(), SpcSamples.counterPage().encode(),
        Bytes.fromHex("40 ff 00 06 00 00 0c 00 0c 01"), Bytes.fromHex("00 00 00 04 00 02 0c 2e"));
    assertTotal(0x4DL, samples, b -> {
      LogPage p = LogPage.parse(b);
      same(LogPage.parse(p.encode()), p);
      p.parameters().forEach(q -> q.unsignedValue());
      return p;
    });
    assertTotal(0x4D00L, samples, b -> {
      SupportedLogPages p = SupportedLogPages.parse(b);
      same(SupportedLogPages.parse(p.encode()), p);
      return p;
    });
  }

  @Test
  void reportLunsParserIsTotal() {
    assertTotal(0xA0L, List.of(SpcSamples.lunList().encode()), b -> {
      ReportLunsData d = ReportLunsData.parse(b);
      same(ReportLunsData.parse(d.encode()), d);
      return d.toString();
    });
  }

  @Test
  void reportSupportedOperationCodesParsersAreTotal() {
    assertTotal(0xA30CL, List.of(SpcSamples.supportedOperationCodes().encode()), b -> {
      SupportedOperationCodes c = SupportedOperationCodes.parse(b);
      same(SupportedOperationCodes.parse(c.encode()), c);
      return c;
    });
    assertTotal(0xA30DL, List.of(SpcSamples.oneCommandSupport().encode(), Bytes.fromHex("00 01 00 00")), b -> {
      OneCommandSupport c = OneCommandSupport.parse(b);
      same(OneCommandSupport.parse(c.encode()), c);
      return c;
    });
  }
}
