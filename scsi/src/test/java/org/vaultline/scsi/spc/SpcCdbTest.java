package org.vaultline.scsi.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.CommandSet;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.transport.DataDirection;

/**
 * CDB bytes of every SPC command, written out from the SPC-4 CDB tables, and the way back through
 * {@code fromCdb} and {@link SpcCommands#entries()}.
 */
class SpcCdbTest {

  private static Bytes hex(String s) {
    return Bytes.fromHex(s);
  }

  static Command<?> decode(Cdb cdb) throws InvalidCdbException {
    CommandSet.Entry entry = SpcCommands.entries().stream()
        .filter(e -> e.opcode() == cdb.opcode())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no SPC entry for " + cdb));
    return entry.decoder().decode(cdb);
  }

  @Test
  void testUnitReadyIsSixZeroBytes() {
    assertThat(new TestUnitReady().cdb().bytes()).isEqualTo(hex("00 00 00 00 00 00"));
    assertThat(new TestUnitReady().direction()).isEqualTo(DataDirection.NONE);
  }

  @Test
  void requestSenseCarriesDescBitAndAllocationLength() {
    assertThat(RequestSense.fixed().cdb().bytes()).isEqualTo(hex("03 00 00 00 fc 00"));
    assertThat(new RequestSense(true, 18).cdb().bytes()).isEqualTo(hex("03 01 00 00 12 00"));
    assertThat(new RequestSense(true, 18).dataInLength()).isEqualTo(18);
  }

  @Test
  void preventAllowPutsPreventFieldInByteFour() {
    assertThat(PreventAllowMediumRemoval.preventRemoval().cdb().bytes()).isEqualTo(hex("1e 00 00 00 01 00"));
    assertThat(PreventAllowMediumRemoval.allowRemoval().cdb().bytes()).isEqualTo(hex("1e 00 00 00 00 00"));
    assertThat(new PreventAllowMediumRemoval(3).cdb().bytes()).isEqualTo(hex("1e 00 00 00 03 00"));
    assertThatThrownBy(() -> new PreventAllowMediumRemoval(4)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void standardInquiryMatchesTheCapturedCommand() {
    // vector 04 was captured with "sg_raw ... 0x12 0 0 0 60 0"
    assertThat(Inquiry.standard(0x60).cdb().bytes()).isEqualTo(hex("12 00 00 00 60 00"));
    assertThat(Inquiry.standard(0x60).dataInLength()).isEqualTo(0x60);
    assertThat(Inquiry.standard(0x60).direction()).isEqualTo(DataDirection.FROM_DEVICE);
  }

  @Test
  void vpdInquiriesSetEvpdAndPageCode() {
    // vector 06 was captured with "sg_raw ... 12 1 83 0 2a 0"
    assertThat(Inquiry.deviceIdentification(0x2a).cdb().bytes()).isEqualTo(hex("12 01 83 00 2a 00"));
    assertThat(Inquiry.supportedVpdPages(255).cdb().bytes()).isEqualTo(hex("12 01 00 00 ff 00"));
    assertThat(Inquiry.unitSerialNumber(0x1000).cdb().bytes()).isEqualTo(hex("12 01 80 10 00 00"));
    assertThat(Inquiry.vpd(0xB0, 64).cdb().bytes()).isEqualTo(hex("12 01 b0 00 40 00"));
  }

  @Test
  void vpdRequestPicksTheTypedRecordForKnownPages() {
    assertThat(Inquiry.vpd(0x83, 255)).isEqualTo(Inquiry.deviceIdentification(255));
    assertThat(Inquiry.vpd(0x80, 255)).isEqualTo(Inquiry.unitSerialNumber(255));
    assertThat(Inquiry.vpd(0x00, 255)).isEqualTo(Inquiry.supportedVpdPages(255));
    assertThat(Inquiry.vpd(0xC0, 255)).isEqualTo(new Inquiry.OtherVpd(0xC0, 255));
    assertThatThrownBy(() -> new Inquiry.OtherVpd(0x83, 255)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void modeSense6MatchesTheMhvtlCapture() {
    // vector 10 was captured with "sg_raw /dev/sg10 1a 08 1d 00 ff 00"
    assertThat(ModeSense6.page(0x1D).cdb().bytes()).isEqualTo(hex("1a 08 1d 00 ff 00"));
    // PC 01b (changeable) in bits 7..6 with page 3Fh gives 7Fh; subpage FFh
    assertThat(new ModeSense6(false, PageControl.CHANGEABLE, 0x3F, 0xFF, 200).cdb().bytes())
        .isEqualTo(hex("1a 00 7f ff c8 00"));
  }

  @Test
  void modeSense10CarriesLlbaaDbdPcAndTwoByteAllocation() {
    // byte 1: LLBAA bit 4; byte 2: PC 11b (saved) | page 10h = D0h
    assertThat(new ModeSense10(true, false, PageControl.SAVED, 0x10, 0x01, 0x1234).cdb().bytes())
        .isEqualTo(hex("5a 10 d0 01 00 00 00 12 34 00"));
    assertThat(ModeSense10.page(0x1F).cdb().bytes()).isEqualTo(hex("5a 08 1f 00 00 00 00 10 00 00"));
  }

  @Test
  void modeSelectCarriesPfSpAndParameterListLength() {
    assertThat(new ModeSelect6(true, true, 0x1C, Bytes.EMPTY).cdb().bytes()).isEqualTo(hex("15 11 00 00 1c 00"));
    assertThat(new ModeSelect10(true, false, 0x0104, Bytes.EMPTY).cdb().bytes())
        .isEqualTo(hex("55 10 00 00 00 00 00 01 04 00"));
  }

  @Test
  void modeSelectSendsTheEncodedParameterList() {
    ModeParameters p = ModeParameters.of(List.of(ModePage.of(0x10, Bytes.of(1, 2))));
    ModeSelect6 select = ModeSelect6.of(p, false);
    // header with MODE DATA LENGTH reserved (0), then page 10h with length 2
    assertThat(select.dataOut()).isEqualTo(hex("00 00 00 00 10 02 01 02"));
    assertThat(select.cdb().bytes()).isEqualTo(hex("15 10 00 00 08 00"));
    assertThat(select.direction()).isEqualTo(DataDirection.TO_DEVICE);
    assertThat(select.defaultTimeout()).isEqualTo(Duration.ofSeconds(60));
    ModeSelect10 select10 = ModeSelect10.of(p, true);
    assertThat(select10.dataOut()).isEqualTo(hex("00 00 00 00 00 00 00 00 10 02 01 02"));
    assertThat(select10.cdb().bytes()).isEqualTo(hex("55 11 00 00 00 00 00 00 0c 00"));
    assertThatThrownBy(() -> new ModeSelect6(true, false, 4, Bytes.of(1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void logSenseCarriesPcPagePointerAndAllocation() {
    // PC 01b (cumulative) | page 2Eh = 6Eh
    assertThat(LogSense.page(0x2E).cdb().bytes()).isEqualTo(hex("4d 00 6e 00 00 00 00 ff ff 00"));
    assertThat(new LogSense(true, true, LogPageControl.THRESHOLD, 0x0C, 0x01, 0x0102, 0x0200).cdb().bytes())
        .isEqualTo(hex("4d 03 0c 01 00 01 02 02 00 00"));
    assertThat(LogSense.supportedPages().cdb().bytes()).isEqualTo(hex("4d 00 40 00 00 00 00 ff ff 00"));
    assertThat(LogSense.supportedPagesAndSubpages().cdb().bytes()).isEqualTo(hex("4d 00 40 ff 00 00 00 ff ff 00"));
    assertThatThrownBy(() -> LogSense.page(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reportLunsCarriesSelectReportAndFourByteAllocation() {
    assertThat(ReportLuns.all().cdb().bytes()).isEqualTo(hex("a0 00 00 00 00 00 00 00 20 00 00 00"));
    assertThat(new ReportLuns(2, 0x12345678L).cdb().bytes()).isEqualTo(hex("a0 00 02 00 00 00 12 34 56 78 00 00"));
    assertThatThrownBy(() -> new ReportLuns(0, 15)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reportSupportedOperationCodesCarriesServiceActionRctdAndOptions() {
    assertThat(ReportSupportedOperationCodes.allWithTimeouts().cdb().bytes())
        .isEqualTo(hex("a3 0c 80 00 00 00 00 01 00 00 00 00"));
    assertThat(new ReportSupportedOperationCodes.OneCommand(false, ReportingOptions.OPCODE_AND_SERVICE_ACTION,
        0x9E, 0x10, 0x200).cdb().bytes()).isEqualTo(hex("a3 0c 02 9e 00 10 00 00 02 00 00 00"));
    assertThat(ReportSupportedOperationCodes.OneCommand.of(0xA5).cdb().bytes())
        .isEqualTo(hex("a3 0c 81 a5 00 00 00 00 02 00 00 00"));
  }

  @Test
  void defaultTimeoutsAreSecondsForQueriesAndAMinuteForModeSelect() {
    List<Command<?>> queries = List.of(new TestUnitReady(), RequestSense.fixed(), Inquiry.standard(96),
        ModeSense6.page(0x1D), ModeSense10.page(0x1D), LogSense.page(0x2E), ReportLuns.all(),
        ReportSupportedOperationCodes.allWithTimeouts(), PreventAllowMediumRemoval.preventRemoval());
    for (Command<?> c : queries) {
      assertThat(c.defaultTimeout()).as(c.name()).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(30));
    }
    assertThat(new ModeSelect10(true, false, 0, Bytes.EMPTY).defaultTimeout()).isEqualTo(Duration.ofSeconds(60));
  }

  /** Every record, and what {@code fromCdb} makes of its CDB. */
  static List<Command<?>> everyKindOfCommand() {
    return List.of(
        new TestUnitReady(),
        new RequestSense(false, 252), new RequestSense(true, 0),
        PreventAllowMediumRemoval.preventRemoval(), new PreventAllowMediumRemoval(2),
        Inquiry.standard(36), Inquiry.standard(0xFFFF), Inquiry.supportedVpdPages(255),
        Inquiry.unitSerialNumber(255), Inquiry.deviceIdentification(0x2a), new Inquiry.OtherVpd(0xB1, 0x40),
        ModeSense6.page(0x1D), new ModeSense6(false, PageControl.DEFAULT, 0x3F, 0xFF, 0),
        new ModeSense10(true, true, PageControl.SAVED, 0x0A, 0xF1, 0xFFFF),
        new ModeSelect6(true, true, 0, Bytes.EMPTY), new ModeSelect10(false, true, 0xFFFF, Bytes.EMPTY),
        LogSense.page(0x2E), new LogSense(true, true, LogPageControl.DEFAULT_CUMULATIVE, 0x3F, 0xFF, 0xFFFF, 0),
        LogSense.supportedPages(), LogSense.supportedPagesAndSubpages(),
        ReportLuns.all(), new ReportLuns(0xFF, 0xFFFFFFFFL),
        new ReportSupportedOperationCodes(false, 0), ReportSupportedOperationCodes.allWithTimeouts(),
        ReportSupportedOperationCodes.OneCommand.of(0x12),
        new ReportSupportedOperationCodes.OneCommand(true, ReportingOptions.OPCODE_WITH_OPTIONAL_SERVICE_ACTION,
            0xA3, 0x0C, 0xFFFFFFFFL));
  }

  @Test
  void everyCommandSurvivesCdbAndBack() throws InvalidCdbException {
    for (Command<?> c : everyKindOfCommand()) {
      assertThat(decode(c.cdb())).as(c.name() + " " + c.cdb()).isEqualTo(c);
      assertThat(c.cdb().length()).as(c.name()).isEqualTo(Cdb.lengthForOpcode(c.cdb().opcode()));
    }
  }

  @Test
  void modeSelectFromCdbWaitsForItsParameterList() throws InvalidCdbException {
    ModeSelect6 six = ModeSelect6.of(SpcSamples.modeParameters6(), true);
    ModeSelect6 decoded6 = (ModeSelect6) decode(six.cdb());
    assertThat(decoded6.parameterList()).isEqualTo(Bytes.EMPTY);
    assertThat(decoded6.withParameterList(six.dataOut())).isEqualTo(six);
    ModeSelect10 ten = ModeSelect10.of(SpcSamples.modeParameters10LongLba(), false);
    assertThat(((ModeSelect10) decode(ten.cdb())).withParameterList(ten.dataOut())).isEqualTo(ten);
  }

  @Test
  void entriesHaveOneDecoderPerOpcodeNamedAsT10NamesThem() {
    List<CommandSet.Entry> entries = SpcCommands.entries();
    assertThat(entries.stream().map(CommandSet.Entry::opcode).collect(Collectors.toSet())).hasSize(entries.size())
        .containsExactlyInAnyOrder(0x00, 0x03, 0x12, 0x15, 0x1A, 0x1E, 0x4D, 0x55, 0x5A, 0xA0, 0xA3);
    assertThat(entries).extracting(CommandSet.Entry::name).contains("INQUIRY", "MODE SENSE(6)", "REPORT LUNS");
  }

  private static InvalidCdbException rejection(String cdb) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> decode(new Cdb(hex(cdb))));
    assertThat(t).as(cdb).isInstanceOf(InvalidCdbException.class);
    return (InvalidCdbException) t;
  }

  @Test
  void inquiryWithCmddtIsRejectedAtByteOneBitOne() {
    InvalidCdbException e = rejection("12 02 00 00 24 00");
    assertThat(e.fieldByte()).isEqualTo(1);
    assertThat(e.bit()).isEqualTo(OptionalInt.of(1));
    assertThat(e.toSense().is(SenseKey.ILLEGAL_REQUEST, 0x24, 0x00)).isTrue();
  }

  @Test
  void inquiryWithPageCodeButNoEvpdIsRejectedAtByteTwo() {
    assertThat(rejection("12 00 83 00 24 00").fieldByte()).isEqualTo(2);
  }

  @Test
  void reportLunsWithAllocationBelowSixteenIsRejectedAtByteSix() {
    assertThat(rejection("a0 00 00 00 00 00 00 00 00 0f 00 00").fieldByte()).isEqualTo(6);
  }

  @Test
  void otherMaintenanceInServiceActionsAndReservedOptionsAreRejected() {
    // 0Ah is REPORT TARGET PORT GROUPS, not decoded here
    assertThat(rejection("a3 0a 00 00 00 00 00 00 10 00 00 00").fieldByte()).isEqualTo(1);
    assertThat(rejection("a3 0c 05 00 00 00 00 00 10 00 00 00").fieldByte()).isEqualTo(2);
  }

  @Test
  void aCdbShorterThanItsCommandIsRejected() {
    assertThat(rejection("5a 08 1d").fieldByte()).isEqualTo(0);
  }

  @Test
  void aDecoderGivenAnotherOpcodeAnswersInvalidOperationCode() {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(
        () -> TestUnitReady.fromCdb(Cdb.of(0x01, 0, 0, 0, 0, 0)));
    assertThat(((InvalidCdbException) t).toSense().is(SenseKey.ILLEGAL_REQUEST, 0x20, 0x00)).isTrue();
  }
}
