package org.vaultline.scsi.ssc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.spc.LogPage;
import org.vaultline.scsi.spc.LogParameter;

/** LOG SENSE page 2Eh as a drive or library returns it: 4-byte header, 64 parameters of 5 bytes. */
class TapeAlertPageTest {

  /** A page as IBM devices send it: control byte 40h (DS), length 1, flags 14h and 15h set. */
  static Bytes drivePageWithCleaningFlags() {
    BigEndianWriter w = new BigEndianWriter();
    w.u8(0x2E).u8(0).u16(0x0140);
    for (int code = 1; code <= 64; code++) {
      w.u16(code).u8(0x40).u8(1).u8(code == 0x14 || code == 0x15 ? 1 : 0);
    }
    return w.toBytes();
  }

  @Test
  void cleanNowAndCleanPeriodicAreReadFromTheirParameters() throws Exception {
    TapeAlertPage page = TapeAlertPage.parse(drivePageWithCleaningFlags());
    assertThat(page.activeCodes()).containsExactly(0x14, 0x15);
    assertThat(page.active()).containsExactly(TapeAlertFlag.CLEAN_NOW, TapeAlertFlag.CLEAN_PERIODIC);
    assertThat(page.isSet(TapeAlertFlag.CLEAN_NOW)).isTrue();
    assertThat(page.isSet(TapeAlertFlag.READ_WARNING)).isFalse();
    assertThat(page.reported()).isEqualTo(TapeAlertPage.ALL);
  }

  @Test
  void theSameFlagNumbersReadAsLibraryFlagsOnAChanger() throws Exception {
    TapeAlertPage page = TapeAlertPage.parse(drivePageWithCleaningFlags());
    assertThat(page.activeLibrary())
        .containsExactly(LibraryTapeAlertFlag.LIBRARY_SECURITY_MODE, LibraryTapeAlertFlag.LIBRARY_OFFLINE);
  }

  @Test
  void encodingIsTheIbmLayout() throws Exception {
    TapeAlertPage page = TapeAlertPage.of(TapeAlertFlag.CLEAN_NOW, TapeAlertFlag.CLEAN_PERIODIC);
    assertThat(page.encode()).isEqualTo(drivePageWithCleaningFlags());
    assertThat(TapeAlertPage.parse(page.encode())).isEqualTo(page);
  }

  @Test
  void onlyBitZeroOfTheValueIsTheFlag() throws Exception {
    Bytes page = Bytes.fromHex("2E 00 00 0A  00 01 40 01 FE  00 02 40 01 81");
    TapeAlertPage p = TapeAlertPage.parse(page);
    assertThat(p.activeCodes()).containsExactly(2);
    assertThat(p.isReported(1)).isTrue();
    assertThat(p.isReported(3)).isFalse();
  }

  @Test
  void aPartialPageReportsOnlyItsParametersAndRoundTrips() throws Exception {
    TapeAlertPage p = new TapeAlertPage(0b1000, 0b1100, List.of());
    assertThat(p.encode()).isEqualTo(Bytes.fromHex("2E 00 00 0A 00 03 40 01 00 00 04 40 01 01"));
    assertThat(TapeAlertPage.parse(p.encode())).isEqualTo(p);
  }

  @Test
  void parametersOutsideTheFlagCodesAreKeptRaw() throws Exception {
    Bytes page = Bytes.fromHex("2E 00 00 0B  00 40 40 01 01  80 00 00 02 AA BB");
    TapeAlertPage p = TapeAlertPage.parse(page);
    assertThat(p.activeCodes()).containsExactly(64);
    assertThat(p.activeLibrary()).containsExactly(LibraryTapeAlertFlag.RESERVED_40);
    assertThat(p.otherParameters()).containsExactly(new LogParameter(0x8000, 0x00, Bytes.of(0xAA, 0xBB)));
    assertThat(p.encode()).isEqualTo(page);
  }

  @Test
  void aFlagWithAnEmptyValueCountsAsClear() throws Exception {
    TapeAlertPage p = TapeAlertPage.parse(Bytes.fromHex("2E 00 00 04 00 05 40 00"));
    assertThat(p.isReported(5)).isTrue();
    assertThat(p.isSet(5)).isFalse();
  }

  @Test
  void theDisableSaveAndSubpageFormatBitsOfByteZeroDoNotHideThePageCode() throws Exception {
    assertThat(TapeAlertPage.parse(Bytes.fromHex("EE 00 00 00")).reported()).isZero();
  }

  @Test
  void anotherPageIsMalformed() {
    assertThatThrownBy(() -> TapeAlertPage.parse(Bytes.fromHex("0D 00 00 00")))
        .isInstanceOf(MalformedResponseException.class).hasMessageContaining("0Dh");
    assertThatThrownBy(() -> TapeAlertPage.parse(Bytes.fromHex("6E 01 00 00")))
        .isInstanceOf(MalformedResponseException.class);
    assertThatThrownBy(() -> TapeAlertPage.parse(Bytes.fromHex("2E 00 00")))
        .isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void aPageCutByTheAllocationLengthKeepsTheWholeParameters() throws Exception {
    TapeAlertPage p = TapeAlertPage.parse(drivePageWithCleaningFlags().prefix(4 + 5 * 0x14 + 3));
    assertThat(p.activeCodes()).containsExactly(0x14);
    assertThat(Long.bitCount(p.reported())).isEqualTo(0x14);
  }

  @Test
  void aParameterRunningPastThePageLengthIsMalformed() {
    // page length 5 but the parameter says 2 value bytes; the whole page (and more) was sent
    Bytes page = Bytes.fromHex("2E 00 00 05 00 01 40 02 01 00");
    assertThatThrownBy(() -> TapeAlertPage.parse(page))
        .isInstanceOf(MalformedResponseException.class)
        .satisfies(e -> assertThat(((MalformedResponseException) e).offset()).isEqualTo(4));
  }

  @Test
  void settingAndClearingAFlagMarksItReported() {
    TapeAlertPage p = new TapeAlertPage(0, 0, List.of()).with(TapeAlertFlag.MEDIA).with(9, false);
    assertThat(p.activeCodes()).containsExactly(4);
    assertThat(p.isReported(9)).isTrue();
    assertThat(p.with(4, false).activeCodes()).isEmpty();
    assertThatThrownBy(() -> p.isSet(65)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TapeAlertPage(1, 0, List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyFlagNumberRoundTripsAlone() throws Exception {
    for (int code = 1; code <= 64; code++) {
      TapeAlertPage p = TapeAlertPage.none().with(code, true);
      assertThat(TapeAlertPage.parse(p.encode()).activeCodes()).containsExactly(code);
    }
  }

  @Test
  void theViewOfAParsedLogPageEqualsTheDirectParse() throws Exception {
    Bytes raw = drivePageWithCleaningFlags();
    assertThat(TapeAlertPage.from(LogPage.parse(raw))).isEqualTo(TapeAlertPage.parse(raw));
    Bytes withOther = Bytes.fromHex("2E 00 00 0B  00 40 40 01 01  80 00 00 02 AA BB");
    assertThat(TapeAlertPage.from(LogPage.parse(withOther))).isEqualTo(TapeAlertPage.parse(withOther));
  }

  @Test
  void toLogPageAndBackGivesTheSamePage() throws Exception {
    TapeAlertPage page = TapeAlertPage.of(LibraryTapeAlertFlag.LIBRARY_DOOR)
        .with(3, false);
    LogPage log = page.toLogPage();
    assertThat(log.pageCode()).isEqualTo(0x2E);
    assertThat(log.parameters()).hasSize(64);
    assertThat(log.parameter(0x10).orElseThrow().value()).isEqualTo(Bytes.of(1));
    assertThat(log.parameter(0x10).orElseThrow().control()).isEqualTo(0x40);
    assertThat(TapeAlertPage.from(log)).isEqualTo(page);
  }

  @Test
  void anotherLogPageIsNotATapeAlertPage() {
    assertThatThrownBy(() -> TapeAlertPage.from(new LogPage(0x0D, 0, false, false, List.of())))
        .isInstanceOf(MalformedResponseException.class);
    assertThatThrownBy(() -> TapeAlertPage.from(new LogPage(0x2E, 1, false, true, List.of())))
        .isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void logSenseAsksForPage2EhWithRoomForTheWholePage() {
    assertThat(TapeAlertPage.logSense().pageCode()).isEqualTo(0x2E);
    assertThat(TapeAlertPage.logSense().cdb().bytes().get(2) & 0x3F).isEqualTo(0x2E);
    assertThat(TapeAlertPage.logSense().dataInLength()).isGreaterThanOrEqualTo(4 + 64 * 5);
  }
}
