package org.vaultline.scsi.bytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vaultline.scsi.Inhex;

/** The shared test helper {@link Inhex} that reads sg3_utils inhex files. */
class InhexTest {

  @Test
  void parseSkipsCommentsAndBlankLines() {
    Bytes b = Inhex.parse("""
        # a header line
        01 80 03   # trailing comment with hex: ff ff

        \t02 35
        # 99 99
        """);
    assertThat(b).isEqualTo(Bytes.of(0x01, 0x80, 0x03, 0x02, 0x35));
  }

  @Test
  void parseAcceptsRunsOfPairsCommasAndWindowsLineEnds() {
    assertThat(Inhex.parse("0183002602,01\r\nAB cd\r")).isEqualTo(Bytes.of(1, 0x83, 0, 0x26, 2, 1, 0xab, 0xcd));
    assertThat(Inhex.parse("")).isEqualTo(Bytes.EMPTY);
    assertThat(Inhex.parse("# only a comment")).isEqualTo(Bytes.EMPTY);
  }

  @Test
  void parseNamesTheLineOfABadToken() {
    assertThatThrownBy(() -> Inhex.parse("01 02\n03 0g\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("\"0g\"");
    assertThatThrownBy(() -> Inhex.parse("01 2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1");
  }

  @Test
  void resourceReadsTheIbmUltriumInquiryVector() {
    Bytes b = Inhex.resource("vectors/04_ibm_ultrium-td3_std_inquiry.hex");
    assertThat(b.size()).isEqualTo(58);
    assertThat(b.prefix(4)).isEqualTo(Bytes.of(0x01, 0x80, 0x03, 0x02));
    assertThat(b.slice(8, 11)).isEqualTo(Bytes.ascii("IBM"));
    assertThat(Inhex.resource("/vectors/04_ibm_ultrium-td3_std_inquiry.hex")).isEqualTo(b);
  }

  @Test
  void resourceThatDoesNotExistIsNamed() {
    assertThatThrownBy(() -> Inhex.resource("vectors/nope.hex"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vectors/nope.hex");
  }

  /** Each vector's provenance header states its length; the parsed bytes must agree with it. */
  @ParameterizedTest
  @ValueSource(strings = {
      "vectors/04_ibm_ultrium-td3_std_inquiry.hex",
      "vectors/06_ibm_ultrium-td3_vpd83_devid.hex",
      "vectors/08_lto4_report_density_supported.hex",
      "vectors/10_EMULATED_mhvtl_stk_l80_mode_sense6_page1d.hex"})
  void everyVectorHasTheLengthItsHeaderStates(String name) throws IOException {
    String text;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(text).startsWith("# Vector: ");
    Matcher m = Pattern.compile("# Length: (\\d+) bytes").matcher(text);
    assertThat(m.find()).as("length line in " + name).isTrue();
    assertThat(Inhex.resource(name).size()).isEqualTo(Integer.parseInt(m.group(1)));
  }
}
