package org.vaultline.scsi.smc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.CommandSet;
import org.vaultline.scsi.DeviceType;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.transport.DataDirection;

/**
 * CDB bytes of every SMC-3 command, written out by hand from the SMC-3 CDB tables (clause 6), the
 * decoders' round trips, and the CDBs a changer must refuse with 5/24/00 and a field pointer.
 */
class SmcCdbTest {
  private static final ElementAddress MT = ElementAddress.of(0x0001);
  private static final ElementAddress SLOT = ElementAddress.of(0x1000);
  private static final ElementAddress DRIVE = ElementAddress.of(0x0100);

  private static void assertCdb(Command<?> command, String hex) {
    assertThat(command.cdb().bytes()).isEqualTo(Bytes.fromHex(hex));
  }

  @FunctionalInterface
  interface Decoder {
    Object decode(Cdb cdb) throws InvalidCdbException;
  }

  private static InvalidCdbException refused(Decoder decoder, String hex) {
    try {
      decoder.decode(new Cdb(Bytes.fromHex(hex)));
    } catch (InvalidCdbException e) {
      return e;
    }
    throw new AssertionError("CDB " + hex + " was accepted");
  }

  private static Object decoded(String hex) throws InvalidCdbException {
    return CommandSet.forType(DeviceType.MEDIUM_CHANGER).decode(new Cdb(Bytes.fromHex(hex)));
  }

  // --- READ ELEMENT STATUS (B8h): byte 1 bit 4 VOLTAG, bits 3..0 type; 2..3 start; 4..5 count;
  //     byte 6 bit 2 MIXED, bit 1 CURDATA, bit 0 DVCID; 7..9 allocation length; 10 reserved; 11 control

  @Test
  void readElementStatusOfStorageWithVolumeTagsPutsEveryFieldWhereSmc3Says() {
    assertCdb(ReadElementStatus.of(ElementType.STORAGE, SLOT, 6), "B8 12 10 00 00 06 00 00 FF FF 00 00");
  }

  @Test
  void readElementStatusOfDrivesAsksForDvcidWithoutVolumeTags() {
    assertCdb(ReadElementStatus.drives(DRIVE, 2), "B8 04 01 00 00 02 01 00 FF FF 00 00");
  }

  @Test
  void readElementStatusCarriesAllThreeByteSixBitsAndA24BitAllocationLength() {
    ReadElementStatus res = new ReadElementStatus(ElementType.ALL, false, ElementAddress.of(0xABCD), 0x1234,
        true, true, true, 0x012345);
    assertCdb(res, "B8 00 AB CD 12 34 07 01 23 45 00 00");
    assertThat(res.dataInLength()).isEqualTo(0x012345);
    assertThat(res.direction()).isEqualTo(DataDirection.FROM_DEVICE);
  }

  @Test
  void readElementStatusOfImportExportElementsUsesTypeThree() {
    assertCdb(ReadElementStatus.of(ElementType.IMPORT_EXPORT, ElementAddress.of(0x0010), 1).withVolTag(false)
        .withCurData(true).withAllocationLength(0x0400), "B8 03 00 10 00 01 02 00 04 00 00 00");
  }

  @Test
  void readElementStatusWithAReservedElementTypeIsRefusedAtByteOneBitThree() {
    InvalidCdbException e = refused(ReadElementStatus::fromCdb, "B8 15 00 00 00 01 00 00 FF FF 00 00");
    assertThat(e.fieldByte()).isEqualTo(1);
    assertThat(e.bit()).hasValue(3);
    assertThat(e.toSense().asc()).isEqualTo(0x24);
  }

  @Test
  void readElementStatusWithAReservedBitInByteSixIsRefusedThere() {
    InvalidCdbException e = refused(ReadElementStatus::fromCdb, "B8 12 10 00 00 06 08 00 FF FF 00 00");
    assertThat(e.fieldByte()).isEqualTo(6);
    assertThat(e.bit()).hasValue(3);
  }

  @Test
  void readElementStatusWithByteTenSetIsRefusedThere() {
    assertThat(refused(ReadElementStatus::fromCdb, "B8 12 10 00 00 06 00 00 FF FF 01 00").fieldByte()).isEqualTo(10);
  }

  // --- MOVE MEDIUM (A5h): 2..3 transport, 4..5 source, 6..7 destination, 8..9 reserved, byte 10 bit 0 INVERT

  @Test
  void moveMediumFromSlotToDrivePutsTheThreeAddressesInOrder() {
    assertCdb(MoveMedium.of(MT, SLOT, DRIVE), "A5 00 00 01 10 00 01 00 00 00 00 00");
  }

  @Test
  void moveMediumWithInvertSetsByteTenBitZero() {
    assertCdb(new MoveMedium(MT, DRIVE, SLOT, true), "A5 00 00 01 01 00 10 00 00 00 01 00");
    assertThat(new MoveMedium(MT, DRIVE, SLOT, true).defaultTimeout()).isGreaterThanOrEqualTo(Duration.ofSeconds(300));
  }

  @Test
  void moveMediumWithAReservedBitInByteTenIsRefused() {
    InvalidCdbException e = refused(MoveMedium::fromCdb, "A5 00 00 01 10 00 01 00 00 00 02 00");
    assertThat(e.fieldByte()).isEqualTo(10);
    assertThat(e.bit()).hasValue(1);
  }

  // --- EXCHANGE MEDIUM (A6h): 2..3 transport, 4..5 source, 6..7 first, 8..9 second, byte 10 bit 1 INV1, bit 0 INV2

  @Test
  void exchangeMediumPutsBothDestinationsAndTheTwoInvertBits() {
    ExchangeMedium x = new ExchangeMedium(MT, SLOT, DRIVE, ElementAddress.of(0x1001), true, false);
    assertCdb(x, "A6 00 00 01 10 00 01 00 10 01 02 00");
    assertCdb(new ExchangeMedium(MT, SLOT, DRIVE, SLOT, false, true), "A6 00 00 01 10 00 01 00 10 00 01 00");
    assertThat(x.defaultTimeout()).isGreaterThanOrEqualTo(Duration.ofSeconds(600));
  }

  // --- INITIALIZE ELEMENT STATUS (07h): bytes 1..4 reserved

  @Test
  void initializeElementStatusIsTheOpcodeAndFiveZeros() {
    assertCdb(new InitializeElementStatus(), "07 00 00 00 00 00");
    assertThat(new InitializeElementStatus().defaultTimeout()).isGreaterThanOrEqualTo(Duration.ofSeconds(3600));
    assertThat(new InitializeElementStatus().direction()).isEqualTo(DataDirection.NONE);
  }

  @Test
  void initializeElementStatusWithAReservedByteSetIsRefused() {
    assertThat(refused(InitializeElementStatus::fromCdb, "07 00 00 01 00 00").fieldByte()).isEqualTo(3);
  }

  // --- INITIALIZE ELEMENT STATUS WITH RANGE (37h): byte 1 bit 1 FAST, bit 0 RANGE; 2..3 start; 6..7 count

  @Test
  void initializeElementStatusWithRangeOfTheImportExportStation() {
    assertCdb(InitializeElementStatusWithRange.of(ElementAddress.of(0x0010), 4), "37 01 00 10 00 00 00 04 00 00");
    assertCdb(new InitializeElementStatusWithRange(true, false, SLOT, 0x0102), "37 02 10 00 00 00 01 02 00 00");
    assertThat(InitializeElementStatusWithRange.of(SLOT, 1).defaultTimeout())
        .isGreaterThanOrEqualTo(Duration.ofSeconds(3600));
  }

  @Test
  void initializeElementStatusWithRangeRefusesReservedBytesFourAndFive() {
    assertThat(refused(InitializeElementStatusWithRange::fromCdb, "37 01 00 10 00 80 00 04 00 00").fieldByte())
        .isEqualTo(5);
  }

  // --- POSITION TO ELEMENT (2Bh): 2..3 transport, 4..5 destination, 6..7 reserved, byte 8 bit 0 INVERT

  @Test
  void positionToElementPutsTransportDestinationAndInvert() {
    assertCdb(new PositionToElement(MT, SLOT, false), "2B 00 00 01 10 00 00 00 00 00");
    assertCdb(new PositionToElement(MT, DRIVE, true), "2B 00 00 01 01 00 00 00 01 00");
  }

  // --- OPEN/CLOSE IMPORT/EXPORT ELEMENT (1Bh): 2..3 element address, byte 4 bits 4..0 action code

  @Test
  void openAndCloseTheImportExportElementUseActionCodesZeroAndOne() {
    assertCdb(OpenCloseImportExportElement.open(ElementAddress.of(0x0010)), "1B 00 00 10 00 00");
    assertCdb(OpenCloseImportExportElement.close(ElementAddress.of(0x0010)), "1B 00 00 10 01 00");
  }

  @Test
  void aReservedActionCodeIsRefusedAtByteFour() {
    InvalidCdbException e = refused(OpenCloseImportExportElement::fromCdb, "1B 00 00 10 05 00");
    assertThat(e.fieldByte()).isEqualTo(4);
    assertThat(e.bit()).hasValue(4);
  }

  // --- decoding in general

  @Test
  void everyCommandSurvivesCdbAndBackAgain() throws InvalidCdbException {
    List<Command<?>> commands = List.of(
        ReadElementStatus.of(ElementType.STORAGE, SLOT, 6),
        ReadElementStatus.drives(DRIVE, 2),
        new ReadElementStatus(ElementType.ALL, false, ElementAddress.of(0xFFFF), 0xFFFF, true, true, true, 0xFFFFFF),
        MoveMedium.of(MT, SLOT, DRIVE),
        new MoveMedium(ElementAddress.of(0), ElementAddress.of(0xFFFF), SLOT, true),
        new ExchangeMedium(MT, SLOT, DRIVE, ElementAddress.of(0x1001), true, true),
        new InitializeElementStatus(),
        new InitializeElementStatusWithRange(true, true, SLOT, 40),
        new PositionToElement(MT, DRIVE, true),
        OpenCloseImportExportElement.open(ElementAddress.of(0x0010)),
        OpenCloseImportExportElement.close(ElementAddress.of(0x0011)));
    for (Command<?> c : commands) {
      assertThat(decoded(c.cdb().bytes().hex())).as(c.name()).isEqualTo(c);
    }
  }

  @Test
  void aCdbPaddedToSixteenBytesAsIscsiCarriesItDecodesTheSame() throws InvalidCdbException {
    assertThat(decoded("A5 00 00 01 10 00 01 00 00 00 00 00 00 00 00 00")).isEqualTo(MoveMedium.of(MT, SLOT, DRIVE));
  }

  @Test
  void aCdbShorterThanItsCommandIsRefusedAtByteZero() {
    assertThat(refused(MoveMedium::fromCdb, "A5 00 00 01 10 00").fieldByte()).isEqualTo(0);
  }

  @Test
  void aDecoderHandedAnotherOpcodeRefusesItAsAnInvalidOperationCode() {
    InvalidCdbException e = refused(MoveMedium::fromCdb, "A6 00 00 01 10 00 01 00 10 01 00 00");
    assertThat(e.toSense().asc()).isEqualTo(0x20);
  }

  @Test
  void theChangerCommandSetHasAllSevenSmcOpcodesUnderTheirT10Names() {
    assertThat(SmcCommands.entries().stream().collect(Collectors.toMap(CommandSet.Entry::opcode, CommandSet.Entry::name)))
        .containsEntry(0x07, "INITIALIZE ELEMENT STATUS")
        .containsEntry(0x1B, "OPEN/CLOSE IMPORT/EXPORT ELEMENT")
        .containsEntry(0x2B, "POSITION TO ELEMENT")
        .containsEntry(0x37, "INITIALIZE ELEMENT STATUS WITH RANGE")
        .containsEntry(0xA5, "MOVE MEDIUM")
        .containsEntry(0xA6, "EXCHANGE MEDIUM")
        .containsEntry(0xB8, "READ ELEMENT STATUS")
        .hasSize(7);
    for (CommandSet.Entry e : SmcCommands.entries()) {
      assertThat(CommandSet.forType(DeviceType.MEDIUM_CHANGER).lookup(e.opcode())).contains(e);
    }
  }

  @Test
  void opcodeOneBOnAChangerIsOpenCloseNotLoadUnload() throws InvalidCdbException {
    assertThat(decoded("1B 00 00 10 01 00")).isInstanceOf(OpenCloseImportExportElement.class);
    assertThat(decoded("2B 00 00 01 10 00 00 00 00 00")).isInstanceOf(PositionToElement.class);
  }

  @Test
  void commandsWithoutDataParseToNothing() throws Exception {
    assertThat(MoveMedium.of(MT, SLOT, DRIVE).parse(Bytes.EMPTY)).isNull();
    assertThat(MoveMedium.of(MT, SLOT, DRIVE).dataInLength()).isZero();
    assertThat(new ReadElementStatus(ElementType.STORAGE, true, SLOT, 1, false, false, false, 0x40)
        .defaultTimeout()).isEqualTo(Duration.ofSeconds(120));
  }
}
