package org.vaultline.scsi.smc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.Inhex;
import org.vaultline.scsi.Totality;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * Totality of the SMC-3 parsers: every truncation of every sample and tens of thousands of seeded
 * random and mutated inputs give a record or {@link MalformedResponseException}, nothing else. The
 * element status parser, being tolerant, must also fail only for fewer than 8 bytes.
 */
class SmcTotalityTest {
  private static final long SEED = 0x5EC3_08L;

  /**
   * Parses and uses the result the way a caller would, so that a record that cannot be printed or
   * walked counts as a failure too. Data parsed without warnings must survive encode and parse.
   */
  static ElementStatusData parseAndUse(Bytes data) throws MalformedResponseException {
    ElementStatusData d = ElementStatusData.parse(data);
    d.toString();
    d.warnings().forEach(ParseWarning::toString);
    d.nextStartingAddress();
    d.reportLength();
    for (ElementStatus e : d.elements()) {
      e.toString();
      e.state().exceptionText();
      e.primaryVolumeTag().ifPresent(VolumeTag::volser);
      e.identification().ifPresent(id -> {
        id.serial();
        id.vendor();
        id.product();
      });
    }
    if (d.warnings().isEmpty()) {
      assertThat(ElementStatusData.parse(d.encode())).as("re-encoded %s", data.hex()).isEqualTo(d);
    }
    return d;
  }

  static Object parseModePages(Bytes data) throws MalformedResponseException {
    int failures = 0;
    MalformedResponseException last = null;
    try {
      ElementAddressAssignmentPage p = ElementAddressAssignmentPage.parse(data);
      assertThat(ElementAddressAssignmentPage.from(p.toModePage())).isEqualTo(p);
    } catch (MalformedResponseException e) {
      failures++;
      last = e;
    }
    try {
      TransportGeometryPage p = TransportGeometryPage.parse(data);
      assertThat(TransportGeometryPage.from(p.toModePage())).isEqualTo(p);
    } catch (MalformedResponseException e) {
      failures++;
      last = e;
    }
    try {
      DeviceCapabilitiesPage p = DeviceCapabilitiesPage.parse(data);
      assertThat(DeviceCapabilitiesPage.from(p.toModePage())).isEqualTo(p);
    } catch (MalformedResponseException e) {
      failures++;
      last = e;
    }
    if (failures == 3) {
      throw last;
    }
    return data;
  }

  static List<Bytes> modePageSamples() {
    Bytes vector = Inhex.resource(SmcModePagesTest.PAGE_1D_VECTOR);
    return List.of(vector.slice(4, vector.size()),
        SmcModePagesTest.TYPICAL.toModePage(true).encode(),
        TransportGeometryPage.of(new TransportGeometryPage.Transport(true, 0),
            new TransportGeometryPage.Transport(false, 1)).toModePage().encode(),
        Bytes.fromHex("5F 01 00 12").concat(Bytes.zeros(18))); // sub_page format: refused, not crashed
  }

  @Test
  void everyTruncationOfEveryElementStatusSampleParsesOnceTheHeaderIsThere() {
    for (Bytes sample : ElementStatusSamples.all()) {
      int parsed = Totality.everyTruncation(sample, SmcTotalityTest::parseAndUse);
      assertThat(parsed).as("prefixes of %d bytes that parse", sample.size()).isEqualTo(sample.size() + 1 - 8);
    }
  }

  @Test
  void twentyThousandRandomAndMutatedElementStatusInputsParseOrAreMalformed() {
    int parsed = Totality.randomInputs(SEED, 20_000, ElementStatusSamples.all(), SmcTotalityTest::parseAndUse);
    assertThat(parsed).as("inputs that parsed").isGreaterThan(15_000);
  }

  @Test
  void everyTruncationOfEveryModePageSampleParsesOrIsMalformed() {
    for (Bytes sample : modePageSamples()) {
      Totality.everyTruncation(sample, SmcTotalityTest::parseModePages);
    }
    assertThat(Totality.everyTruncation(modePageSamples().get(0), ElementAddressAssignmentPage::parse))
        .as("only the whole 1Dh page parses: its page length (12h) must be there").isEqualTo(1);
  }

  @Test
  void tenThousandRandomAndMutatedInputsPerModePageParseOrAreMalformed() {
    List<Bytes> samples = modePageSamples();
    Totality.randomInputs(SEED, 10_000, samples, ElementAddressAssignmentPage::parse);
    Totality.randomInputs(SEED + 1, 10_000, samples, TransportGeometryPage::parse);
    Totality.randomInputs(SEED + 2, 10_000, samples, DeviceCapabilitiesPage::parse);
    int parsed = Totality.randomInputs(SEED + 3, 10_000, samples, SmcTotalityTest::parseModePages);
    assertThat(parsed).isGreaterThan(1_000);
  }
}
