package org.vaultline.emulator.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vaultline.emulator.Scsi.assertSense;
import static org.vaultline.emulator.Scsi.check;
import static org.vaultline.emulator.Scsi.ok;
import static org.vaultline.emulator.Scsi.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.emulator.EmulatedLibrary;
import org.vaultline.emulator.Initiator;
import org.vaultline.emulator.VirtualClock;
import org.vaultline.emulator.personality.MediaProfile;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.emulator.physical.MediaStore;
import org.vaultline.emulator.physical.MediaType;
import org.vaultline.scsi.DeviceType;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.MoveMedium;
import org.vaultline.scsi.spc.BlockDescriptor;
import org.vaultline.scsi.spc.Inquiry;
import org.vaultline.scsi.spc.LogSense;
import org.vaultline.scsi.spc.ModeParameters;
import org.vaultline.scsi.spc.ModeSelect6;
import org.vaultline.scsi.spc.ModeSense6;
import org.vaultline.scsi.spc.PreventAllowMediumRemoval;
import org.vaultline.scsi.spc.RequestSense;
import org.vaultline.scsi.spc.StandardInquiry;
import org.vaultline.scsi.spc.TestUnitReady;
import org.vaultline.scsi.spc.UnitSerialNumber;
import org.vaultline.scsi.ssc.AttributeValues;
import org.vaultline.scsi.ssc.BlockLimits;
import org.vaultline.scsi.ssc.Erase6;
import org.vaultline.scsi.ssc.LoadUnload;
import org.vaultline.scsi.ssc.Locate10;
import org.vaultline.scsi.ssc.Locate16;
import org.vaultline.scsi.ssc.Read6;
import org.vaultline.scsi.ssc.ReadAttribute;
import org.vaultline.scsi.ssc.ReadBlockLimits;
import org.vaultline.scsi.ssc.ReadPosition;
import org.vaultline.scsi.ssc.ReadPositionShort;
import org.vaultline.scsi.ssc.Rewind;
import org.vaultline.scsi.ssc.Space6;
import org.vaultline.scsi.ssc.TapeAlertPage;
import org.vaultline.scsi.ssc.Write6;
import org.vaultline.scsi.ssc.WriteFilemarks6;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiTransport;

class DriveTargetTest {
  private static final ElementAddress SLOT = ElementAddress.of(0x1000);
  private static final ElementAddress DRIVE = ElementAddress.of(0x0100);

  private final VirtualClock clock = new VirtualClock();
  private EmulatedLibrary lib;
  private ScsiTransport changer;
  private ScsiTransport drive;

  @TempDir
  Path dir;

  private EmulatedLibrary build(Personality p, MediaStore store, String... barcodes) {
    EmulatedLibrary l = EmulatedLibrary.builder(p).clock(clock).mediaStore(store).stock(barcodes).build();
    l.acknowledgePowerOn(Initiator.DEFAULT);
    return l;
  }

  @BeforeEach
  void loadACartridge() throws Exception {
    use(build(Personality.named("ibm-ts3100"), MediaStore.inMemory(), "ABC001L5", "ABC002L5"));
    ok(changer, MoveMedium.of(ElementAddress.of(0), SLOT, DRIVE));
    // the drive threaded the cartridge: initiators hear 6/28/00 once
    assertSense(check(drive, new TestUnitReady()), SenseKey.UNIT_ATTENTION, 0x28, 0x00);
    ok(drive, new TestUnitReady());
  }

  private void use(EmulatedLibrary l) {
    lib = l;
    changer = l.changer();
    drive = l.drive(0);
  }

  private static Bytes block(int size, int seed) {
    int[] v = new int[size];
    for (int i = 0; i < size; i++) {
      v[i] = (i * 31 + seed) & 0xff;
    }
    return Bytes.of(v);
  }

  private long position() throws Exception {
    return ok(drive, new ReadPosition()).firstLocation();
  }

  @Test
  void theDriveIdentifiesItselfAsATapeWithItsOwnSerial() throws Exception {
    StandardInquiry inq = ok(drive, Inquiry.standard(36));
    assertThat(inq.deviceType()).isEqualTo(DeviceType.SEQUENTIAL_ACCESS);
    assertThat(inq.product()).isEqualTo("ULT3580-TD5");
    UnitSerialNumber sn = ok(drive, Inquiry.unitSerialNumber(255));
    assertThat(sn.serialNumber()).isEqualTo(lib.personality().driveSerial(0));
  }

  @Test
  void blocksAndFilemarksWrittenReadBackInOrder() throws Exception {
    ok(drive, Write6.variable(block(1000, 1)));
    ok(drive, Write6.variable(block(65536, 2)));
    ok(drive, WriteFilemarks6.filemarks(1));
    ok(drive, Write6.variable(block(10, 3)));
    assertThat(position()).isEqualTo(4);
    ok(drive, new Rewind());
    ReadPositionShort p = ok(drive, new ReadPosition());
    assertThat(p.beginningOfPartition()).isTrue();
    assertThat(ok(drive, Read6.variable(1000))).isEqualTo(block(1000, 1));
    assertThat(ok(drive, Read6.variable(65536))).isEqualTo(block(65536, 2));
    ScsiResult fm = run(drive, Read6.variable(100));
    Sense s = Sense.parse(fm.sense());
    assertSense(s, SenseKey.NO_SENSE, 0x00, 0x01);
    assertThat(s.filemark()).isTrue();
    assertThat(s.information()).hasValue(100);
    assertThat(ok(drive, Read6.variable(10))).isEqualTo(block(10, 3));
    Sense eod = Sense.parse(run(drive, Read6.variable(10)).sense());
    assertSense(eod, SenseKey.BLANK_CHECK, 0x00, 0x05);
  }

  @Test
  void aShortOrLongBlockIsReportedWithIliAndTheResidue() throws Exception {
    ok(drive, Write6.variable(block(100, 1)));
    ok(drive, Write6.variable(block(100, 2)));
    ok(drive, new Rewind());
    ScsiResult shortRead = run(drive, Read6.variable(150));
    assertThat(shortRead.dataIn()).isEqualTo(block(100, 1));
    Sense s = Sense.parse(shortRead.sense());
    assertThat(s.incorrectLength()).isTrue();
    assertThat(s.information()).hasValue(50);
    ScsiResult longRead = run(drive, Read6.variable(60));
    assertThat(longRead.dataIn()).isEqualTo(block(100, 2).prefix(60));
    Sense l = Sense.parse(longRead.sense());
    assertThat(l.incorrectLength()).isTrue();
    assertThat((int) l.information().orElseThrow()).isEqualTo(-40);
    assertThat(position()).isEqualTo(2);
    ok(drive, new Rewind());
    assertThat(ok(drive, Read6.variable(150, true))).isEqualTo(block(100, 1));
  }

  @Test
  void spaceAndLocateMoveByLogicalObjects() throws Exception {
    for (int i = 0; i < 3; i++) {
      ok(drive, Write6.variable(block(10, i)));
    }
    ok(drive, WriteFilemarks6.filemarks(1));
    ok(drive, Write6.variable(block(10, 9)));
    ok(drive, new Rewind());
    ok(drive, Space6.blocks(2));
    assertThat(position()).isEqualTo(2);
    Sense hitMark = check(drive, Space6.blocks(5));
    assertThat(hitMark.filemark()).isTrue();
    assertThat(hitMark.information()).hasValue(4);
    assertThat(position()).isEqualTo(4);
    Sense back = check(drive, Space6.blocks(-1));
    assertThat(back.filemark()).isTrue();
    assertThat(position()).isEqualTo(3);
    ok(drive, Space6.blocks(-1));
    assertThat(position()).isEqualTo(2);
    ok(drive, new Rewind());
    ok(drive, Space6.filemarks(1));
    assertThat(position()).isEqualTo(4);
    ok(drive, Space6.endOfData());
    assertThat(position()).isEqualTo(5);
    assertSense(check(drive, Space6.blocks(1)), SenseKey.BLANK_CHECK, 0x00, 0x05);
    ok(drive, Locate10.block(1));
    assertThat(ok(drive, Read6.variable(10))).isEqualTo(block(10, 1));
    ok(drive, Locate16.file(1));
    assertThat(ok(drive, Read6.variable(10))).isEqualTo(block(10, 9));
    assertSense(check(drive, Locate10.block(99)), SenseKey.BLANK_CHECK, 0x00, 0x05);
    ok(drive, new Rewind());
    Sense bop = check(drive, Space6.blocks(-1));
    assertSense(bop, SenseKey.NO_SENSE, 0x00, 0x04);
    assertThat(bop.endOfMedium()).isTrue();
  }

  @Test
  void writingInTheMiddleDropsWhatFollows() throws Exception {
    for (int i = 0; i < 5; i++) {
      ok(drive, Write6.variable(block(10, i)));
    }
    ok(drive, Locate10.block(2));
    ok(drive, Write6.variable(block(20, 7)));
    ok(drive, Space6.endOfData());
    assertThat(position()).isEqualTo(3);
    ok(drive, Locate10.block(1));
    ok(drive, new Erase6(false, true));
    ok(drive, Space6.endOfData());
    assertThat(position()).isEqualTo(1);
  }

  @Test
  void earlyWarningAndEndOfMediumFollowTheConfiguredCapacity() throws Exception {
    Personality p = Personality.named("ibm-ts3100").withMedia(new MediaProfile(MediaType.LTO5, 10_000, 2_000));
    use(build(p, MediaStore.inMemory(), "SMALL1L5"));
    ok(changer, MoveMedium.of(ElementAddress.of(0), SLOT, DRIVE));
    check(drive, new TestUnitReady());
    for (int i = 0; i < 8; i++) {
      ok(drive, Write6.variable(block(1000, i)));
    }
    ScsiResult ew = run(drive, Write6.variable(block(1000, 8)));
    Sense s = Sense.parse(ew.sense());
    assertSense(s, SenseKey.NO_SENSE, 0x00, 0x02);
    assertThat(s.endOfMedium()).isTrue();
    assertThat(ok(drive, new ReadPosition()).endOfPartition()).isTrue();
    run(drive, Write6.variable(block(1000, 9)));
    Sense full = Sense.parse(run(drive, Write6.variable(block(1000, 10))).sense());
    assertSense(full, SenseKey.VOLUME_OVERFLOW, 0x00, 0x02);
    assertThat(position()).isEqualTo(10);
  }

  @Test
  void aWriteProtectedCartridgeRefusesWritesWith7_27_00AndSaysSoInModeSense() throws Exception {
    lib.operator().setWriteProtect(0x1001, true);
    ok(drive, LoadUnload.unloadMedium());
    ok(changer, MoveMedium.of(ElementAddress.of(0), DRIVE, SLOT));
    ok(changer, MoveMedium.of(ElementAddress.of(0), ElementAddress.of(0x1001), DRIVE));
    check(drive, new TestUnitReady());
    assertSense(check(drive, Write6.variable(block(10, 1))), SenseKey.DATA_PROTECT, 0x27, 0x00);
    assertSense(check(drive, WriteFilemarks6.filemarks(1)), SenseKey.DATA_PROTECT, 0x27, 0x00);
    ModeParameters mp = ok(drive, new ModeSense6(false, org.vaultline.scsi.spc.PageControl.CURRENT, 0x00, 0, 0xff));
    assertThat(mp.writeProtected()).isTrue();
    assertThat(mp.blockDescriptors().get(0).densityCode()).isEqualTo(0x58);
  }

  @Test
  void fixedBlockModeIsSetThroughTheModeSelectBlockDescriptor() throws Exception {
    ok(drive, ModeSelect6.of(new ModeParameters(0, 0, false, List.of(new BlockDescriptor(0, 0, 512)), List.of()),
        false));
    assertThat(ok(drive, new ModeSense6(false, org.vaultline.scsi.spc.PageControl.CURRENT, 0x00, 0, 0xff)).blockDescriptors().get(0).blockLength()).isEqualTo(512);
    ok(drive, Write6.fixed(block(1536, 4), 512));
    ok(drive, new Rewind());
    assertThat(ok(drive, Read6.fixed(3, 512))).isEqualTo(block(1536, 4));
    assertThat(position()).isEqualTo(3);
  }

  @Test
  void readAttributeGivesTheBarcodeAndMediumSerial() throws Exception {
    AttributeValues v = (AttributeValues) ok(drive, ReadAttribute.values(0, 4096));
    assertThat(v.barcode()).contains("ABC001L5");
    assertThat(v.mediumSerialNumber()).contains("ABC001L5");
  }

  @Test
  void readBlockLimitsWorksWithoutATape() throws Exception {
    BlockLimits l = ok(lib.drive(0), new ReadBlockLimits());
    assertThat(l.maxBlockLength()).isEqualTo(DriveTarget.MAX_BLOCK);
    assertThat(l.minBlockLength()).isEqualTo(1);
  }

  @Test
  void theCartridgeLeavesTheDriveOnlyAfterAnUnload() throws Exception {
    assertSense(check(changer, MoveMedium.of(ElementAddress.of(0), DRIVE, SLOT)), SenseKey.ILLEGAL_REQUEST, 0x53, 0x02);
    ok(drive, LoadUnload.unloadMedium());
    assertSense(check(drive, new TestUnitReady()), SenseKey.NOT_READY, 0x3A, 0x00);
    assertSense(ok(drive, RequestSense.fixed()), SenseKey.NOT_READY, 0x3A, 0x00);
    ok(drive, LoadUnload.loadMedium());
    assertSense(check(drive, new TestUnitReady()), SenseKey.UNIT_ATTENTION, 0x28, 0x00);
    ok(drive, LoadUnload.unloadMedium());
    ok(changer, MoveMedium.of(ElementAddress.of(0), DRIVE, SLOT));
    assertSense(check(drive, new TestUnitReady()), SenseKey.NOT_READY, 0x3A, 0x00);
  }

  @Test
  void preventMediumRemovalOnTheDriveBlocksTheUnload() throws Exception {
    ok(drive, PreventAllowMediumRemoval.preventRemoval());
    assertSense(check(drive, LoadUnload.unloadMedium()), SenseKey.ILLEGAL_REQUEST, 0x53, 0x02);
    ok(drive, PreventAllowMediumRemoval.allowRemoval());
    ok(drive, LoadUnload.unloadMedium());
  }

  @Test
  void anImmediateUnloadReturnsAtOnceAndTheBayOpensLater() throws Exception {
    var t0 = clock.now();
    ok(drive, new LoadUnload(true, false, false, false, false));
    assertThat(clock.now()).isEqualTo(t0);
    assertSense(check(changer, MoveMedium.of(ElementAddress.of(0), DRIVE, SLOT)), SenseKey.ILLEGAL_REQUEST, 0x53, 0x02);
    clock.advance(Duration.ofSeconds(15));
    ok(changer, MoveMedium.of(ElementAddress.of(0), DRIVE, SLOT));
  }

  @Test
  void aLoadingDriveIsBecomingReady() throws Exception {
    ok(drive, LoadUnload.unloadMedium());
    ok(drive, new LoadUnload(true, true, false, false, false));
    assertSense(check(drive, new TestUnitReady()), SenseKey.NOT_READY, 0x04, 0x01);
    clock.advance(Duration.ofSeconds(15));
    assertSense(check(drive, new TestUnitReady()), SenseKey.UNIT_ATTENTION, 0x28, 0x00);
  }

  @Test
  void reportDensitySupportListsTheGenerationsTheDriveReadsAndWrites() throws Exception {
    var all = (org.vaultline.scsi.ssc.DensitySupport) ok(drive, org.vaultline.scsi.ssc.ReportDensitySupport.densities());
    assertThat(all.descriptors()).extracting(d -> d.primaryCode()).containsExactly(0x46, 0x58);
    assertThat(all.descriptors()).filteredOn(d -> d.isDefault()).extracting(d -> d.primaryCode()).containsExactly(0x58);
    var mounted = (org.vaultline.scsi.ssc.DensitySupport) ok(drive,
        new org.vaultline.scsi.ssc.ReportDensitySupport(true, false, 0xFFFF));
    assertThat(mounted.descriptors()).extracting(d -> d.primaryCode()).containsExactly(0x58);
  }

  @Test
  void theDriveReportsItsTapeAlertFlags() throws Exception {
    lib.physical().drive(0).tapeAlerts().add(20);
    TapeAlertPage p = TapeAlertPage.from(ok(drive, LogSense.page(0x2E)));
    assertThat(p.flags()).isEqualTo(1L << 19);
  }

  @Test
  void dataWrittenToADirectoryStoreIsThereForANewLibraryOnTheSameDirectory() throws Exception {
    use(build(Personality.named("ibm-ts3100"), MediaStore.directory(dir), "DIR001L5"));
    ok(changer, MoveMedium.of(ElementAddress.of(0), SLOT, DRIVE));
    check(drive, new TestUnitReady());
    ok(drive, Write6.variable(block(4096, 5)));
    ok(drive, WriteFilemarks6.filemarks(1));
    byte[] state = lib.saveState();

    EmulatedLibrary again = EmulatedLibrary.builder(Personality.named("ibm-ts3100")).clock(clock)
        .mediaStore(MediaStore.directory(dir)).state(state).build();
    again.acknowledgePowerOn(Initiator.DEFAULT);
    ScsiTransport d = again.drive(0);
    ok(d, new Rewind());
    assertThat(ok(d, Read6.variable(4096))).isEqualTo(block(4096, 5));
    assertThat(again.internalErrors()).isEmpty();
  }
}
