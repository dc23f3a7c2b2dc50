package org.vaultline.scsi.sense;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.vaultline.scsi.Totality;
import org.vaultline.scsi.bytes.Bytes;

/**
 * {@link Sense#parse} gives a {@link Sense} or {@link MalformedResponseException} for any bytes, and
 * everything done with a parsed sense afterwards (describing, re-encoding, turning it into an exception)
 * never throws.
 */
class SenseTotalityTest {

  static List<Bytes> samples() {
    List<Bytes> samples = new ArrayList<>();
    samples.add(Bytes.fromHex("70 00 05 00 00 00 00 0a  00 00 00 00 3b 0e 00 c0  00 04"));
    samples.add(Bytes.fromHex("f0 00 a3 00 00 00 07 0e  00 00 00 05 11 00 2a 80  00 02 de ad be ef"));
    samples.add(Bytes.fromHex("71 00 03 00 00 00 00 0a  00 00 00 00 0c 00 00 00  00 00"));
    samples.add(Bytes.fromHex("70 00 0a 00 00 00 00 0a  00 00 00 00 0d 02 00 aa  00 10"));
    samples.add(Bytes.fromHex("72 02 04 01 00 00 00 08  02 06 00 00 80 80 00 00"));
    samples.add(Bytes.fromHex("73 03 0c 00 00 00 00 0c  0a 06 04 1b 00 80 00 00 05 02 00 20"));
    samples.add(DescriptorFormatSenseTest.ALL_KINDS);
    for (Sense s : SenseEncodingTest.samples()) {
      samples.add(s.encodeFixed());
      samples.add(s.encodeDescriptor());
    }
    return samples;
  }

  /** Parses, then uses the result every way a caller would; only parsing may fail. */
  static Sense parseAndUse(Bytes b) throws MalformedResponseException {
    Sense s = Sense.parse(b);
    assertThat(s.raw()).isEqualTo(b);
    assertThat(s.toString()).isNotBlank();
    assertThat(CheckConditionException.of("TEST UNIT READY", s).getMessage()).contains(s.toString());
    if (CheckConditionException.of("X", s) instanceof NotReadyException n) {
      assertThat(n.progressPercent()).isNotNull();
    }
    try {
      Sense fixed = Sense.parse(s.encodeFixed());
      Sense descriptor = Sense.parse(s.encodeDescriptor());
      assertThat(fixed.key()).isEqualTo(s.key());
      assertThat(descriptor.asc()).isEqualTo(s.asc());
      assertThat(descriptor.ascq()).isEqualTo(s.ascq());
      assertThat(descriptor.senseKeySpecific()).isEqualTo(s.senseKeySpecific());
      assertThat(descriptor.information()).isEqualTo(s.information());
    } catch (MalformedResponseException e) {
      throw new AssertionFailedError("re-encoded sense of " + b.hex() + " does not parse", e);
    }
    return s;
  }

  @Test
  void everyTruncationOfEverySampleParsesOrIsMalformed() {
    int parsed = 0;
    for (Bytes sample : samples()) {
      parsed += Totality.everyTruncation(sample, SenseTotalityTest::parseAndUse);
    }
    assertThat(parsed).isGreaterThan(300);
  }

  @Test
  void twelveThousandSeededRandomInputsParseOrAreMalformed() {
    int parsed = Totality.randomInputs(0x5e45e_2024L, 12_000, samples(), SenseTotalityTest::parseAndUse);
    assertThat(parsed).isGreaterThan(4_000);
  }

  @Test
  void everyResponseCodeInEveryShortLengthParsesOrIsMalformed() {
    for (int code = 0; code < 256; code++) {
      for (int length = 1; length <= 20; length++) {
        byte[] b = new byte[length];
        b[0] = (byte) code;
        if (length > 7) {
          b[7] = (byte) 0xff;
        }
        Totality.everyTruncation(Bytes.of(b), SenseTotalityTest::parseAndUse);
      }
    }
  }
}
