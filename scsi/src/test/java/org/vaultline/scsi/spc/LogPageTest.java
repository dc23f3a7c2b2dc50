package org.vaultline.scsi.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

class LogPageTest {

  @Test
  void tapeAlertShapedPageIsLaidOutAsTheStandardSays() throws MalformedResponseException {
    // page 2Eh, length 0Fh; three parameters: code, control 03h (binary list), length 1, flag
    Bytes expected = Bytes.fromHex("2e 00 00 0f  00 01 03 01 00  00 14 03 01 01  00 40 03 01 00");
    assertThat(SpcSamples.tapeAlertLike().encode()).isEqualTo(expected);
    LogPage page = LogSense.page(0x2E).parse(expected);
    assertThat(page).isEqualTo(SpcSamples.tapeAlertLike());
    assertThat(page.parameter(0x14).orElseThrow().value()).isEqualTo(Bytes.of(1));
    assertThat(page.parameter(0x15)).isEmpty();
  }

  @Test
  void headerBitsAndSubpageSurviveEncodeAndParse() throws MalformedResponseException {
    LogPage page = SpcSamples.counterPage();
    Bytes b = page.encode();
    // DS | SPF | page 0Ch
    assertThat(b.get(0)).isEqualTo(0xCC);
    assertThat(b.get(1)).isEqualTo(0x01);
    assertThat(LogPage.parse(b)).isEqualTo(page);
  }

  @Test
  void controlByteBitsAreExposedByName() {
    // 1011 0001: DU, TSD, ETC, TMC 00b, format and linking 01b
    LogParameter p = new LogParameter(0x8001, 0xB1, Bytes.ascii("LTO-9"));
    assertThat(p.du()).isTrue();
    assertThat(p.tsd()).isTrue();
    assertThat(p.etc()).isTrue();
    assertThat(p.tmc()).isZero();
    assertThat(p.formatAndLinking()).isEqualTo(LogParameter.ASCII_FORMAT_LIST);
    assertThat(p.textValue()).isEqualTo("LTO-9");
    // 0000 1110: TMC 11b, format and linking 10b
    LogParameter q = new LogParameter(0, 0x0E, Bytes.EMPTY);
    assertThat(q.du()).isFalse();
    assertThat(q.tsd()).isFalse();
    assertThat(q.etc()).isFalse();
    assertThat(q.tmc()).isEqualTo(3);
    assertThat(q.formatAndLinking()).isEqualTo(LogParameter.DATA_COUNTER);
  }

  @Test
  void countersReadAsUnsignedNumbersUpToEightBytes() {
    assertThat(new LogParameter(0, 2, Bytes.of(0, 0, 1, 0)).unsignedValue()).isEqualTo(OptionalLong.of(256));
    assertThat(new LogParameter(0, 2, Bytes.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)).unsignedValue())
        .isEqualTo(OptionalLong.of(-1L));
    assertThat(new LogParameter(0, 2, Bytes.zeros(9)).unsignedValue()).isEmpty();
    assertThat(new LogParameter(0, 2, Bytes.EMPTY).unsignedValue()).isEmpty();
  }

  @Test
  void askingForOnePageAndGettingAnotherIsMalformed() {
    assertThatThrownBy(() -> LogSense.page(0x2F).parse(SpcSamples.tapeAlertLike().encode()))
        .isInstanceOf(MalformedResponseException.class).hasMessageContaining("2Fh");
  }

  @Test
  void pageCutShortByTheAllocationLengthSaysSo() {
    assertThatThrownBy(() -> LogPage.parse(SpcSamples.tapeAlertLike().encode().prefix(10)))
        .isInstanceOf(MalformedResponseException.class).hasMessageContaining("allocation length");
  }

  @Test
  void parameterRunningPastThePageIsMalformed() {
    assertThatThrownBy(() -> LogPage.parse(Bytes.fromHex("2e 00 00 05 00 01 03 02 00")))
        .isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void supportedPagesListOneBytePerPage() throws MalformedResponseException {
    Bytes b = Bytes.fromHex("00 00 00 04 00 02 0c 2e");
    SupportedLogPages pages = LogSense.supportedPages().parse(b);
    assertThat(pages.withSubpages()).isFalse();
    assertThat(pages.pages()).extracting(SupportedLogPages.Entry::pageCode).containsExactly(0x00, 0x02, 0x0C, 0x2E);
    assertThat(pages.supports(0x2E)).isTrue();
    assertThat(pages).isEqualTo(SupportedLogPages.of(0x00, 0x02, 0x0C, 0x2E));
    assertThat(pages.encode()).isEqualTo(b);
  }

  @Test
  void supportedPagesAndSubpagesListTwoBytesPerPage() throws MalformedResponseException {
    Bytes b = Bytes.fromHex("40 ff 00 06 00 00 0c 00 0c 01");
    SupportedLogPages pages = LogSense.supportedPagesAndSubpages().parse(b);
    assertThat(pages.withSubpages()).isTrue();
    assertThat(pages.pages()).containsExactly(new SupportedLogPages.Entry(0, 0), new SupportedLogPages.Entry(0x0C, 0),
        new SupportedLogPages.Entry(0x0C, 1));
    assertThat(pages.encode()).isEqualTo(b);
  }

  @Test
  void supportedPagesWithAnOddPairListOrAnotherPageAreMalformed() {
    assertThatThrownBy(() -> SupportedLogPages.parse(Bytes.fromHex("40 ff 00 03 00 00 0c")))
        .isInstanceOf(MalformedResponseException.class);
    assertThatThrownBy(() -> SupportedLogPages.parse(Bytes.fromHex("2e 00 00 00")))
        .isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void recordsRejectValuesTheirBytesCannotHold() {
    assertThatThrownBy(() -> new LogParameter(0x10000, 0, Bytes.EMPTY)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LogParameter(0, 0, Bytes.zeros(256))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LogPage(0x40, 0, false, false, List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SupportedLogPages(false, List.of(new SupportedLogPages.Entry(1, 1))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
