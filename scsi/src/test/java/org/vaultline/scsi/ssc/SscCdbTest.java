package org.vaultline.scsi.ssc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.transport.DataDirection;

/**
 * CDB bytes of every SSC command, written out from the SSC-3 (and, for READ ATTRIBUTE, SPC-4) CDB
 * tables, and the decoder's answers to CDBs a drive must refuse.
 */
class SscCdbTest {

  private static void assertCdb(Command<?> command, String hex) {
    assertThat(command.cdb().bytes()).isEqualTo(Bytes.fromHex(hex));
  }

  private static InvalidCdbException refused(CdbDecoderCall call, String hex) {
    try {
      call.decode(new Cdb(Bytes.fromHex(hex)));
    } catch (InvalidCdbException e) {
      return e;
    }
    throw new AssertionError("CDB " + hex + " was accepted");
  }

  @FunctionalInterface
  interface CdbDecoderCall {
    Object decode(Cdb cdb) throws InvalidCdbException;
  }

  // --- LOAD UNLOAD (1Bh): byte 1 bit 0 IMMED; byte 4 bit 3 HOLD, bit 2 EOT, bit 1 RETEN, bit 0 LOAD

  @Test
  void loadWithImmediateSetsByteOneAndTheLoadBit() {
    assertCdb(new LoadUnload(true, true, false, false, false), "1B 01 00 00 01 00");
  }

  @Test
  void plainUnloadIsAllZeroAfterTheOpcode() {
    assertCdb(LoadUnload.unloadMedium(), "1B 00 00 00 00 00");
    assertCdb(LoadUnload.loadMedium(), "1B 00 00 00 01 00");
  }

  @Test
  void unloadWithHoldEndOfTapeAndRetensionSetsBitsThreeToOne() {
    assertCdb(new LoadUnload(false, false, true, true, true), "1B 00 00 00 0E 00");
  }

  @Test
  void loadTogetherWithEndOfTapeIsRefusedAtByteFourBitTwo() {
    InvalidCdbException e = refused(LoadUnload::fromCdb, "1B 00 00 00 05 00");
    assertThat(e.fieldByte()).isEqualTo(4);
    assertThat(e.bit()).isEqualTo(OptionalInt.of(2));
    assertThatThrownBy(() -> new LoadUnload(false, true, false, true, false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void loadUnloadTakesUpToSeventeenMinutes() {
    assertThat(LoadUnload.unloadMedium().defaultTimeout()).isEqualTo(Duration.ofSeconds(1_020));
    assertThat(LoadUnload.unloadMedium().direction()).isEqualTo(DataDirection.NONE);
    assertThat(LoadUnload.unloadMedium().name()).isEqualTo("LOAD UNLOAD");
  }

  // --- REWIND (01h)

  @Test
  void rewindCdbCarriesImmedInByteOneBitZero() {
    assertCdb(new Rewind(), "01 00 00 00 00 00");
    assertCdb(new Rewind(true), "01 01 00 00 00 00");
    assertThat(new Rewind().defaultTimeout()).isEqualTo(Duration.ofSeconds(1_020));
  }

  @Test
  void aReservedBitIsRefusedPointingAtThatBit() {
    InvalidCdbException e = refused(Rewind::fromCdb, "01 80 00 00 00 00");
    assertThat(e.fieldByte()).isEqualTo(1);
    assertThat(e.bit()).isEqualTo(OptionalInt.of(7));
    assertThat(e.toSense().asc()).isEqualTo(0x24);
  }

  @Test
  void aCdbPaddedToSixteenBytesAsIscsiCarriesItIsAccepted() throws Exception {
    assertThat(Rewind.fromCdb(new Cdb(Bytes.fromHex("01 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00"))))
        .isEqualTo(new Rewind(true));
  }

  @Test
  void aCdbShorterThanTheCommandIsRefused() {
    assertThat(refused(Locate10::fromCdb, "2B 00 00 00 00 00").fieldByte()).isZero();
  }

  @Test
  void aForeignOpcodeIsRefusedAsAnInvalidOperationCode() {
    InvalidCdbException e = refused(Rewind::fromCdb, "1B 00 00 00 00 00");
    assertThat(e.toSense().asc()).isEqualTo(0x20);
  }

  // --- ERASE(6) (19h): byte 1 bit 1 IMMED, bit 0 LONG

  @Test
  void eraseCdbCarriesImmedAndLong() {
    assertCdb(new Erase6(false, false), "19 00 00 00 00 00");
    assertCdb(new Erase6(false, true), "19 01 00 00 00 00");
    assertCdb(new Erase6(true, true), "19 03 00 00 00 00");
  }

  @Test
  void aLongEraseMayTakeAboutFortySixHoursAndAShortOneAsLongAsAWrite() {
    assertThat(new Erase6(false, true).defaultTimeout()).isEqualTo(Duration.ofSeconds(166_370));
    assertThat(new Erase6(false, false).defaultTimeout()).isEqualTo(Duration.ofSeconds(1_920));
  }

  // --- WRITE FILEMARKS(6) (10h): byte 1 bit 1 WSMK, bit 0 IMMED; bytes 2..4 count

  @Test
  void writeFilemarksCdbCarriesTheCountBigEndian() {
    assertCdb(WriteFilemarks6.filemarks(1), "10 00 00 00 01 00");
    assertCdb(WriteFilemarks6.filemarks(0), "10 00 00 00 00 00");
    assertCdb(new WriteFilemarks6(true, true, 0x123456), "10 03 12 34 56 00");
  }

  @Test
  void filemarkCountMustFitInTwentyFourBits() {
    assertThatThrownBy(() -> WriteFilemarks6.filemarks(0x1000000)).isInstanceOf(IllegalArgumentException.class);
  }

  // --- READ(6) (08h): byte 1 bit 1 SILI, bit 0 FIXED; bytes 2..4 TRANSFER LENGTH

  @Test
  void variableReadAsksForTheLargestBlockInBytes() {
    Read6 read = Read6.variable(0x10000);
    assertCdb(read, "08 00 01 00 00 00");
    assertThat(read.dataInLength()).isEqualTo(65536);
    assertThat(read.direction()).isEqualTo(DataDirection.FROM_DEVICE);
    assertCdb(Read6.variable(0x40000, true), "08 02 04 00 00 00");
  }

  @Test
  void fixedReadCountsBlocksAndExpectsBlocksTimesBlockLength() {
    Read6 read = Read6.fixed(32, 512);
    assertCdb(read, "08 01 00 00 20 00");
    assertThat(read.dataInLength()).isEqualTo(16384);
  }

  @Test
  void readReturnsTheDataAsTransferred() {
    Bytes data = Bytes.of(1, 2, 3);
    assertThat(Read6.variable(10).parse(data)).isEqualTo(data);
  }

  @Test
  void siliTogetherWithFixedIsRefusedAtByteOneBitOne() {
    InvalidCdbException e = refused(Read6::fromCdb, "08 03 00 00 01 00");
    assertThat(e.fieldByte()).isEqualTo(1);
    assertThat(e.bit()).isEqualTo(OptionalInt.of(1));
  }

  @Test
  void aDecodedFixedReadKnowsItsBlockLengthOnlyWhenTheTargetSaysIt() throws Exception {
    Cdb cdb = Read6.fixed(4, 1024).cdb();
    assertThat(Read6.fromCdb(cdb).blockLength()).isZero();
    assertThat(Read6.fromCdb(cdb, 1024)).isEqualTo(Read6.fixed(4, 1024));
  }

  // --- WRITE(6) (0Ah): byte 1 bit 0 FIXED; bytes 2..4 TRANSFER LENGTH

  @Test
  void variableWriteAnnouncesItsByteCount() {
    Write6 write = Write6.variable(Bytes.zeros(10));
    assertCdb(write, "0A 00 00 00 0A 00");
    assertThat(write.dataOut().size()).isEqualTo(10);
    assertThat(write.direction()).isEqualTo(DataDirection.TO_DEVICE);
  }

  @Test
  void fixedWriteAnnouncesItsBlockCount() {
    Write6 write = Write6.fixed(Bytes.zeros(2048), 512);
    assertCdb(write, "0A 01 00 00 04 00");
    assertThat(write.expectedDataLength(512)).isEqualTo(2048);
  }

  @Test
  void writeDataMustMatchTheTransferLength() {
    assertThatThrownBy(() -> new Write6(false, 9, Bytes.zeros(10))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Write6.fixed(Bytes.zeros(1000), 512)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDecodedWriteGetsItsDataFromTheTarget() throws Exception {
    Write6 write = Write6.variable(Bytes.of(9, 8, 7));
    Write6 decoded = Write6.fromCdb(write.cdb());
    assertThat(decoded.data()).isEqualTo(Bytes.EMPTY);
    assertThat(decoded.withData(write.data())).isEqualTo(write);
  }

  // --- SPACE(6) (11h): byte 1 bits 3..0 CODE; bytes 2..4 signed COUNT

  @Test
  void spaceBackOneFilemarkIsAllOnesInTheCount() {
    assertCdb(Space6.filemarks(-1), "11 01 FF FF FF 00");
  }

  @Test
  void spaceCodesAreTheSscValues() {
    assertCdb(Space6.blocks(5), "11 00 00 00 05 00");
    assertCdb(new Space6(SpaceCode.SEQUENTIAL_FILEMARKS, Space6.MIN_COUNT), "11 02 80 00 00 00");
    assertCdb(Space6.endOfData(), "11 03 00 00 00 00");
    assertCdb(Space6.blocks(Space6.MAX_COUNT), "11 00 7F FF FF 00");
  }

  @Test
  void aNegativeCountIsSignExtendedWhenDecoded() throws Exception {
    assertThat(Space6.fromCdb(new Cdb(Bytes.fromHex("11 00 FF FF FE 00")))).isEqualTo(Space6.blocks(-2));
  }

  @Test
  void theObsoleteSetmarkCodeIsRefusedAtByteOne() {
    InvalidCdbException e = refused(Space6::fromCdb, "11 04 00 00 01 00");
    assertThat(e.fieldByte()).isEqualTo(1);
    assertThat(e.bit()).isEqualTo(OptionalInt.of(3));
  }

  @Test
  void positioningCommandsGetTheLongSeekTimeout() {
    assertThat(Space6.endOfData().defaultTimeout()).isEqualTo(Duration.ofSeconds(2_940));
    assertThat(Locate10.block(0).defaultTimeout()).isEqualTo(Duration.ofSeconds(2_940));
    assertThat(Locate16.object(0).defaultTimeout()).isEqualTo(Duration.ofSeconds(2_940));
  }

  // --- LOCATE(10) (2Bh): byte 1 bit 2 BT, bit 1 CP, bit 0 IMMED; bytes 3..6 address; byte 8 partition

  @Test
  void locateTenPutsTheAddressInBytesThreeToSixAndThePartitionInByteEight() {
    assertCdb(Locate10.block(1, 0x12345678L), "2B 02 00 12 34 56 78 00 01 00");
    assertCdb(Locate10.block(0), "2B 00 00 00 00 00 00 00 00 00");
    assertCdb(new Locate10(true, false, true, 0xFFFFFFFFL, 0), "2B 05 00 FF FF FF FF 00 00 00");
  }

  // --- LOCATE(16) (92h): byte 1 bits 4..3 DEST_TYPE, bit 1 CP, bit 0 IMMED; byte 2 bit 0 BAM;
  //     byte 3 partition; bytes 4..11 logical identifier

  @Test
  void locateSixteenPutsTheIdentifierInBytesFourToEleven() {
    assertCdb(Locate16.object(2, 0x0102030405060708L), "92 02 00 02 01 02 03 04 05 06 07 08 00 00 00 00");
    assertCdb(new Locate16(LocateDestination.LOGICAL_FILE, false, true, true, 0, 7),
        "92 09 01 00 00 00 00 00 00 00 00 07 00 00 00 00");
    assertCdb(Locate16.object(-1L), "92 00 00 00 FF FF FF FF FF FF FF FF 00 00 00 00");
  }

  @Test
  void aReservedDestinationTypeIsRefused() {
    InvalidCdbException e = refused(Locate16::fromCdb, "92 10 00 00 00 00 00 00 00 00 00 00 00 00 00 00");
    assertThat(e.fieldByte()).isEqualTo(1);
    assertThat(e.bit()).isEqualTo(OptionalInt.of(4));
  }

  // --- READ POSITION (34h) short form

  @Test
  void readPositionShortFormIsServiceActionZeroWithoutAllocationLength() {
    ReadPosition rp = new ReadPosition();
    assertCdb(rp, "34 00 00 00 00 00 00 00 00 00");
    assertThat(rp.dataInLength()).isEqualTo(20);
    assertThat(rp.defaultTimeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void theLongFormOfReadPositionIsRefused() {
    InvalidCdbException e = refused(ReadPosition::fromCdb, "34 06 00 00 00 00 00 00 00 00");
    assertThat(e.fieldByte()).isEqualTo(1);
    assertThat(e.bit()).isEqualTo(OptionalInt.of(4));
    assertThat(refused(ReadPosition::fromCdb, "34 00 00 00 00 00 00 00 20 00").fieldByte()).isEqualTo(7);
  }

  // --- READ BLOCK LIMITS (05h)

  @Test
  void readBlockLimitsIsTheOpcodeAndZeros() {
    assertCdb(new ReadBlockLimits(), "05 00 00 00 00 00");
    assertThat(new ReadBlockLimits().dataInLength()).isEqualTo(6);
  }

  @Test
  void theSsc4MloblFormIsRefused() {
    InvalidCdbException e = refused(ReadBlockLimits::fromCdb, "05 01 00 00 00 00");
    assertThat(e.bit()).isEqualTo(OptionalInt.of(0));
  }

  // --- READ ATTRIBUTE (8Ch), SPC-4: byte 1 service action; 5 volume; 7 partition; 8..9 first id;
  //     10..13 allocation length; 14 bit 0 CACHE

  @Test
  void readAttributeValuesOfPartitionZero() {
    ReadAttribute ra = ReadAttribute.values(0, 0x1000);
    assertCdb(ra, "8C 00 00 00 00 00 00 00 00 00 00 00 10 00 00 00");
    assertThat(ra.dataInLength()).isEqualTo(4096);
  }

  @Test
  void readAttributeFieldsLandInTheirBytes() {
    assertCdb(new ReadAttribute(AttributeServiceAction.PARTITION_LIST, 1, 2, 0x0806, 0x12345678, true),
        "8C 03 00 00 00 01 00 02 08 06 12 34 56 78 01 00");
    assertCdb(ReadAttribute.valuesFrom(MamAttribute.BARCODE, 0x29), "8C 00 00 00 00 00 00 00 08 06 00 00 00 29 00 00");
    assertCdb(ReadAttribute.list(3, 0x100), "8C 01 00 00 00 00 00 03 00 00 00 00 01 00 00 00");
  }

  @Test
  void theSmcRestrictedServiceActionIsRefused() {
    InvalidCdbException e = refused(ReadAttribute::fromCdb, "8C 04 00 00 00 00 00 00 00 00 00 00 01 00 00 00");
    assertThat(e.fieldByte()).isEqualTo(1);
  }

  @Test
  void anAllocationLengthBeyondTwoGigabytesIsCappedWhenDecoded() throws Exception {
    ReadAttribute ra = ReadAttribute.fromCdb(new Cdb(Bytes.fromHex("8C 00 00 00 00 00 00 00 00 00 FF FF FF FF 00 00")));
    assertThat(ra.allocationLength()).isEqualTo(Integer.MAX_VALUE);
  }

  // --- REPORT DENSITY SUPPORT (44h): byte 1 bit 1 MEDIUM TYPE, bit 0 MEDIA; bytes 7..8 allocation

  @Test
  void reportDensitySupportCarriesMediaMediumTypeAndAllocation() {
    assertCdb(new ReportDensitySupport(true, true, 0x1234), "44 03 00 00 00 00 00 12 34 00");
    assertCdb(ReportDensitySupport.densities(), "44 00 00 00 00 00 00 0D 04 00");
    assertCdb(new ReportDensitySupport(true, false, 0xFFFF), "44 01 00 00 00 00 00 FF FF 00");
  }
}
