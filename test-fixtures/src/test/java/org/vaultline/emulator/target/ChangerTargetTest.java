package org.vaultline.emulator.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vaultline.emulator.Scsi.assertSense;
import static org.vaultline.emulator.Scsi.check;
import static org.vaultline.emulator.Scsi.ok;
import static org.vaultline.emulator.Scsi.run;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.vaultline.emulator.EmulatedLibrary;
import org.vaultline.emulator.Initiator;
import org.vaultline.emulator.Scsi;
import org.vaultline.emulator.VirtualClock;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.scsi.DeviceType;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.sense.SenseKeySpecific;
import org.vaultline.scsi.smc.DataTransferElement;
import org.vaultline.scsi.smc.DeviceCapabilitiesPage;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.ElementAddressAssignmentPage;
import org.vaultline.scsi.smc.ElementStatusData;
import org.vaultline.scsi.smc.ElementType;
import org.vaultline.scsi.smc.ExchangeMedium;
import org.vaultline.scsi.smc.ImportExportElement;
import org.vaultline.scsi.smc.InitializeElementStatus;
import org.vaultline.scsi.smc.MoveMedium;
import org.vaultline.scsi.smc.OpenCloseImportExportElement;
import org.vaultline.scsi.smc.PositionToElement;
import org.vaultline.scsi.smc.ReadElementStatus;
import org.vaultline.scsi.smc.StorageElement;
import org.vaultline.scsi.smc.TransportGeometryPage;
import org.vaultline.scsi.spc.DeviceIdentification;
import org.vaultline.scsi.spc.Inquiry;
import org.vaultline.scsi.spc.LogSense;
import org.vaultline.scsi.spc.ModeParameters;
import org.vaultline.scsi.spc.ModeSense10;
import org.vaultline.scsi.spc.ModeSense6;
import org.vaultline.scsi.spc.ReportLuns;
import org.vaultline.scsi.spc.RequestSense;
import org.vaultline.scsi.spc.StandardInquiry;
import org.vaultline.scsi.spc.TestUnitReady;
import org.vaultline.scsi.spc.UnitSerialNumber;
import org.vaultline.scsi.ssc.TapeAlertPage;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiTransport;

class ChangerTargetTest {
  private final VirtualClock clock = new VirtualClock();

  private EmulatedLibrary library(String name, String... barcodes) {
    return library(Personality.named(name), barcodes);
  }

  private EmulatedLibrary library(Personality p, String... barcodes) {
    EmulatedLibrary lib = EmulatedLibrary.builder(p).clock(clock).stock(barcodes).build();
    lib.acknowledgePowerOn(Initiator.DEFAULT);
    return lib;
  }

  private static ElementAddress a(int v) {
    return ElementAddress.of(v);
  }

  private static ReadElementStatus all(int count) {
    return ReadElementStatus.of(ElementType.ALL, a(0), count);
  }

  @Test
  void theFirstCommandAfterPowerOnReports6_29_00OncePerInitiator() throws Exception {
    EmulatedLibrary lib = EmulatedLibrary.builder(Personality.named("ibm-ts3100")).clock(clock).build();
    ScsiTransport one = lib.changer(new Initiator("one"));
    ScsiTransport two = lib.changer(new Initiator("two"));
    assertSense(check(one, new TestUnitReady()), SenseKey.UNIT_ATTENTION, 0x29, 0x00);
    ok(one, new TestUnitReady());
    assertSense(check(two, new TestUnitReady()), SenseKey.UNIT_ATTENTION, 0x29, 0x00);
    ok(two, new TestUnitReady());
  }

  @Test
  void inquiryAndReportLunsAreNotHeldUpByAUnitAttention() throws Exception {
    EmulatedLibrary lib = EmulatedLibrary.builder(Personality.named("ibm-ts3100")).clock(clock).build();
    ScsiTransport c = lib.changer();
    StandardInquiry inq = ok(c, Inquiry.standard(96));
    assertThat(inq.deviceType()).isEqualTo(DeviceType.MEDIUM_CHANGER);
    assertThat(inq.vendor()).isEqualTo("IBM");
    assertThat(inq.product()).isEqualTo("3573-TL");
    assertThat(ok(c, ReportLuns.all()).luns()).hasSize(1);
    // REQUEST SENSE returns the unit attention as data and clears it
    Sense s = ok(c, RequestSense.fixed());
    assertSense(s, SenseKey.UNIT_ATTENTION, 0x29, 0x00);
    ok(c, new TestUnitReady());
  }

  @Test
  void vpdPagesCarryTheChangerSerial() throws Exception {
    EmulatedLibrary lib = library("hp-msl");
    UnitSerialNumber sn = ok(lib.changer(), Inquiry.unitSerialNumber(255));
    assertThat(sn.serialNumber()).isEqualTo("DEC91202FX");
    DeviceIdentification id = ok(lib.changer(), Inquiry.deviceIdentification(255));
    assertThat(id.designators()).hasSize(1);
    Sense bad = check(lib.changer(), Inquiry.vpd(0xB0, 255));
    assertSense(bad, SenseKey.ILLEGAL_REQUEST, 0x24, 0x00);
    assertThat(bad.senseKeySpecific()).contains(new SenseKeySpecific.FieldPointer(true, OptionalInt.empty(), 2));
  }

  @Test
  void modeSensePage1DGivesEachPersonalitysAddresses() throws Exception {
    for (String name : Personality.CATALOGUE) {
      EmulatedLibrary lib = library(name);
      var layout = lib.personality().layout();
      ModeParameters mp = ok(lib.changer(), ModeSense6.page(0x1D));
      ElementAddressAssignmentPage p = ElementAddressAssignmentPage.from(mp.page(0x1D).orElseThrow());
      assertThat(p.firstTransport().value()).as(name).isEqualTo(layout.ranges(
          org.vaultline.emulator.physical.ElementKind.MEDIUM_TRANSPORT).get(0).first());
      assertThat(p.storageCount()).as(name).isEqualTo(layout.count(org.vaultline.emulator.physical.ElementKind.STORAGE));
      assertThat(p.dataTransferCount()).as(name)
          .isEqualTo(layout.count(org.vaultline.emulator.physical.ElementKind.DATA_TRANSFER));
      assertThat(p.importExportCount()).as(name)
          .isEqualTo(layout.count(org.vaultline.emulator.physical.ElementKind.IMPORT_EXPORT));
    }
  }

  @Test
  void theSl500AnswersPage1DLikeTheCapturedVectorDoesForItsAddresses() throws Exception {
    EmulatedLibrary lib = library("stk-sl500");
    ModeParameters mp = ok(lib.changer(), ModeSense6.page(0x1D));
    ElementAddressAssignmentPage p = ElementAddressAssignmentPage.from(mp.page(0x1D).orElseThrow());
    assertThat(p.firstTransport()).isEqualTo(a(0x0000));
    assertThat(p.firstStorage()).isEqualTo(a(0x03E8));
    assertThat(p.firstImportExport()).isEqualTo(a(0x000A));
    assertThat(p.firstDataTransfer()).isEqualTo(a(0x01F4));
  }

  @Test
  void modeSenseAllPagesGivesTheGeometryAndCapabilitiesToo() throws Exception {
    EmulatedLibrary lib = library("large");
    ModeParameters mp = ok(lib.changer(), ModeSense10.page(0x3F));
    assertThat(TransportGeometryPage.from(mp.page(0x1E).orElseThrow()).transports()).hasSize(2);
    DeviceCapabilitiesPage caps = DeviceCapabilitiesPage.from(mp.page(0x1F).orElseThrow());
    assertThat(caps.moves().get(ElementType.STORAGE)).contains(ElementType.DATA_TRANSFER, ElementType.IMPORT_EXPORT);
    Sense bad = check(lib.changer(), ModeSense6.page(0x1C));
    assertSense(bad, SenseKey.ILLEGAL_REQUEST, 0x24, 0x00);
  }

  @Test
  void aLibraryThatHidesItsIoStationShowsNoImportExportElements() throws Exception {
    Personality p = Personality.named("hp-msl");
    EmulatedLibrary lib = library(p.withQuirks(p.quirks().withNoImportExport(true)));
    ModeParameters mp = ok(lib.changer(), ModeSense6.page(0x1D));
    assertThat(ElementAddressAssignmentPage.from(mp.page(0x1D).orElseThrow()).importExportCount()).isZero();
    ElementStatusData d = ok(lib.changer(), all(1000));
    assertThat(d.elements(ImportExportElement.class)).isEmpty();
    assertSense(check(lib.changer(), MoveMedium.of(a(0), a(0x0020), a(0x01C0))), SenseKey.ILLEGAL_REQUEST, 0x21, 0x01);
  }

  @Test
  void readElementStatusReportsEveryElementWithBarcodesInAddressOrder() throws Exception {
    EmulatedLibrary lib = library("ibm-ts3100", "ABC001L5", "ABC002L5");
    ElementStatusData d = ok(lib.changer(), all(1000));
    assertThat(d.warnings()).isEmpty();
    assertThat(d.numberOfElementsAvailable()).isEqualTo(1 + 1 + 1 + 22);
    assertThat(d.pages()).extracting(p -> p.elementType()).containsExactly(ElementType.MEDIUM_TRANSPORT,
        ElementType.IMPORT_EXPORT, ElementType.DATA_TRANSFER, ElementType.STORAGE);
    List<StorageElement> slots = d.elements(StorageElement.class);
    assertThat(slots.get(0).primaryVolumeTag().orElseThrow().volumeIdentifier()).isEqualTo("ABC001L5");
    assertThat(slots.get(1).primaryVolumeTag().orElseThrow().volumeIdentifier()).isEqualTo("ABC002L5");
    assertThat(slots.get(0).full()).isTrue();
    assertThat(slots.get(0).access()).isTrue();
    assertThat(slots.get(2).full()).isFalse();
    assertThat(slots.get(2).primaryVolumeTag()).isEmpty();
    assertThat(d.reportLength()).isEqualTo(ok(lib.changer(), all(1000)).reportLength());
  }

  @Test
  void readElementStatusPagesByStartingAddressAndNumberOfElements() throws Exception {
    EmulatedLibrary lib = library("ibm-ts3500", "A00001L6", "A00002L6", "A00003L6");
    ScsiTransport c = lib.changer();
    ElementStatusData first = ok(c, ReadElementStatus.of(ElementType.STORAGE, a(0), 50));
    assertThat(first.elements()).hasSize(50);
    assertThat(first.firstElementAddressReported()).isEqualTo(a(0x0400));
    ElementAddress next = first.nextStartingAddress().orElse(a(0x0400 + 50));
    ElementStatusData second = ok(c, ReadElementStatus.of(ElementType.STORAGE, next, 50));
    // the second frame starts at 0500h: the gap 043Ch..04FFh is skipped
    assertThat(second.elements()).hasSize(50);
    assertThat(second.elements().get(10).address()).isEqualTo(a(0x0500));
    ElementStatusData rest = ok(c, ReadElementStatus.of(ElementType.STORAGE, a(0x0500 + 40), 50));
    assertThat(rest.elements()).hasSize(20);
  }

  @Test
  void anAllocationLengthShorterThanTheReportCutsTheDataButNotTheByteCount() throws Exception {
    EmulatedLibrary lib = library("ibm-ts3100", "ABC001L5");
    ReadElementStatus small = new ReadElementStatus(ElementType.STORAGE, true, a(0), 22, false, false, false, 100);
    ScsiResult r = run(lib.changer(), small);
    assertThat(r.isGood()).isTrue();
    assertThat(r.dataIn().size()).isEqualTo(100);
    ElementStatusData d = ElementStatusData.parse(r.dataIn());
    assertThat(d.reportLength()).isEqualTo(8 + 8 + 22 * (12 + 36 + 4));
    assertThat(d.isComplete()).isFalse();
  }

  @Test
  void aChangerThatReadsOnly16BitsOfTheAllocationLengthReturnsNothingFor64K() throws Exception {
    Personality p = Personality.named("hp-msl");
    EmulatedLibrary lib = library(p.withQuirks(p.quirks().withAllocationLength16Bits(true)), "A00001L5");
    ScsiResult r = run(lib.changer(), new ReadElementStatus(ElementType.ALL, true, a(0), 100, false, false, false,
        0x10000));
    assertThat(r.isGood()).isTrue();
    assertThat(r.dataIn().size()).isZero();
    ScsiResult whole = run(lib.changer(), new ReadElementStatus(ElementType.ALL, true, a(0), 100, false, false, false,
        0x1FFFF));
    assertThat(whole.dataIn().size()).isEqualTo(ElementStatusData.parse(whole.dataIn()).reportLength());
  }

  @Test
  void theLargeLibraryRefusesMoreThan5376ElementsInOneRead() throws Exception {
    EmulatedLibrary lib = library("large");
    Sense s = check(lib.changer(), ReadElementStatus.of(ElementType.STORAGE, a(0), 5377));
    assertSense(s, SenseKey.ILLEGAL_REQUEST, 0x24, 0x00);
    assertThat(s.senseKeySpecific()).contains(new SenseKeySpecific.FieldPointer(true, OptionalInt.empty(), 4));
    ElementStatusData d = ok(lib.changer(), new ReadElementStatus(ElementType.STORAGE, true, a(0), 5376, false, false,
        false, 0xFFFFFF));
    assertThat(d.numberOfElementsAvailable()).isEqualTo(5376);
    assertThat(d.elements()).hasSize(5376);
  }

  @Test
  void dvcidIsRefusedOnNonDriveElementsAndWithVoltagWhereTheQuirkSaysSo() throws Exception {
    EmulatedLibrary lib = library("ibm-ts3500");
    Sense withVoltag = check(lib.changer(), ReadElementStatus.drives(a(0), 10).withVolTag(true));
    assertSense(withVoltag, SenseKey.ILLEGAL_REQUEST, 0x24, 0x00);
    assertThat(withVoltag.senseKeySpecific()).contains(new SenseKeySpecific.FieldPointer(true, OptionalInt.of(0), 6));
    Sense onSlots = check(lib.changer(), new ReadElementStatus(ElementType.STORAGE, false, a(0), 10, false, false,
        true, 0xFFFF));
    assertSense(onSlots, SenseKey.ILLEGAL_REQUEST, 0x24, 0x00);
    ElementStatusData drives = ok(lib.changer(), ReadElementStatus.drives(a(0), 10));
    assertThat(drives.elements(DataTransferElement.class)).hasSize(6)
        .allSatisfy(e -> assertThat(e.identification()).isPresent());
    // without the quirk DVCID with VOLTAG on all elements is fine
    EmulatedLibrary msl = library("hp-msl");
    assertThat(ok(msl.changer(), all(100).withDvcid(true)).elements(DataTransferElement.class))
        .allSatisfy(e -> assertThat(e.identification()).isPresent());
  }

  @Test
  void dvcidNamesTheDriveTheWayItsVpdPage83Does() throws Exception {
    EmulatedLibrary lib = library("ibm-ts3500");
    ElementStatusData drives = ok(lib.changer(), ReadElementStatus.drives(a(0), 10));
    for (int i = 0; i < lib.driveCount(); i++) {
      ScsiTransport drive = lib.drive(i);
      lib.acknowledgePowerOn(Initiator.DEFAULT);
      DeviceIdentification vpd = ok(drive, Inquiry.deviceIdentification(255));
      Bytes fromVpd = vpd.designators().get(0).value().encode();
      Bytes fromChanger = drives.elements(DataTransferElement.class).get(i).identification().orElseThrow().identifier();
      assertThat(fromChanger).isEqualTo(fromVpd);
    }
  }

  @Test
  void moveMediumTakesTheRobotTimeAndUpdatesElementStatus() throws Exception {
    EmulatedLibrary lib = library("ibm-ts3100", "ABC001L5");
    var t0 = clock.now();
    ok(lib.changer(), MoveMedium.of(a(0), a(0x1000), a(0x1005)));
    assertThat(clock.now()).isEqualTo(t0.plusSeconds(20));
    ElementStatusData d = ok(lib.changer(), ReadElementStatus.of(ElementType.STORAGE, a(0x1000), 6));
    assertThat(d.elements().get(0).full()).isFalse();
    assertThat(d.elements().get(5).full()).isTrue();
    assertThat(d.elements().get(5).sourceAddress()).contains(a(0x1000));
    assertThat(d.elements().get(5).primaryVolumeTag().orElseThrow().volumeIdentifier()).isEqualTo("ABC001L5");
  }

  @Test
  void moveErrorsCarryTheStandardSenseAndPointAtTheBadAddress() throws Exception {
    EmulatedLibrary lib = library("ibm-ts3100", "ABC001L5", "ABC002L5");
    ScsiTransport c = lib.changer();
    assertSense(check(c, MoveMedium.of(a(0), a(0x1005), a(0x1006))), SenseKey.ILLEGAL_REQUEST, 0x3B, 0x0E);
    assertSense(check(c, MoveMedium.of(a(0), a(0x1000), a(0x1001))), SenseKey.ILLEGAL_REQUEST, 0x3B, 0x0D);
    Sense badSource = check(c, MoveMedium.of(a(0), a(0x2000), a(0x1001)));
    assertSense(badSource, SenseKey.ILLEGAL_REQUEST, 0x21, 0x01);
    assertThat(badSource.senseKeySpecific()).contains(new SenseKeySpecific.FieldPointer(true, OptionalInt.empty(), 4));
    Sense badDest = check(c, MoveMedium.of(a(0), a(0x1000), a(0x2000)));
    assertThat(badDest.senseKeySpecific()).contains(new SenseKeySpecific.FieldPointer(true, OptionalInt.empty(), 6));
    Sense badTransport = check(c, MoveMedium.of(a(0x1000), a(0x1000), a(0x1005)));
    assertThat(badTransport.senseKeySpecific()).contains(new SenseKeySpecific.FieldPointer(true, OptionalInt.empty(), 2));
  }

  @Test
  void aMoveToAnEmptyDriveBayOfThe3584Gives3B_82() throws Exception {
    EmulatedLibrary lib = library("ibm-ts3500", "A00001L6");
    Sense s = check(lib.changer(), MoveMedium.of(a(0), a(0x0400), a(0x0105)));
    assertSense(s, SenseKey.ILLEGAL_REQUEST, 0x3B, 0x82);
  }

  @Test
  void anUnknownOpcodeGets5_20_00AndAReservedBitGets5_24_00WithItsPointer() throws Exception {
    EmulatedLibrary lib = library("ibm-ts3100");
    ScsiResult r = Scsi.raw(lib.changer(), 0, 0x08, 0, 0, 0, 0, 0);
    assertSense(Sense.parse(r.sense()), SenseKey.ILLEGAL_REQUEST, 0x20, 0x00);
    // READ ELEMENT STATUS with a reserved bit (byte 1 bit 5) set
    ScsiResult bad = Scsi.raw(lib.changer(), 1024, 0xB8, 0x20, 0, 0, 0, 1, 0, 0, 4, 0, 0, 0);
    Sense s = Sense.parse(bad.sense());
    assertSense(s, SenseKey.ILLEGAL_REQUEST, 0x24, 0x00);
    assertThat(s.senseKeySpecific().orElseThrow()).isInstanceOfSatisfying(SenseKeySpecific.FieldPointer.class,
        f -> assertThat(f.fieldPointer()).isEqualTo(1));
  }

  @Test
  void aMoveReportedDoneEarlyLeavesTheCartridgeInTheGripperUntilTheRobotArrives() throws Exception {
    Personality p = Personality.named("hp-msl");
    EmulatedLibrary lib = library(p.withQuirks(p.quirks().withMoveReportedEarly(true)), "A00001L5");
    var t0 = clock.now();
    ok(lib.changer(), MoveMedium.of(a(0), a(0x0020), a(0x0030)));
    assertThat(clock.now()).isEqualTo(t0);
    ElementStatusData d = ok(lib.changer(), all(200));
    assertThat(d.element(a(0x0020)).orElseThrow().full()).isFalse();
    assertThat(d.element(a(0x0030)).orElseThrow().full()).isFalse();
    assertThat(d.element(a(0x0001)).orElseThrow().full()).isTrue();
    clock.advance(Duration.ofSeconds(10));
    d = ok(lib.changer(), all(200));
    assertThat(d.element(a(0x0030)).orElseThrow().full()).isTrue();
    assertThat(d.element(a(0x0001)).orElseThrow().full()).isFalse();
  }

  @Test
  void aSecondMoveWaitsForTheRobotInsteadOfFailing() throws Exception {
    Personality p = Personality.named("hp-msl");
    EmulatedLibrary lib = library(p.withQuirks(p.quirks().withMoveReportedEarly(true)), "A00001L5", "A00002L5");
    var t0 = clock.now();
    ok(lib.changer(), MoveMedium.of(a(0), a(0x0020), a(0x0030)));
    ok(lib.changer(), MoveMedium.of(a(0), a(0x0021), a(0x0031)));
    assertThat(clock.now()).isEqualTo(t0.plusSeconds(10));
  }

  @Test
  void aPausedIbmLibraryAnswers2_04_85ButStillIdentifiesItself() throws Exception {
    EmulatedLibrary lib = library("ibm-ts3100");
    lib.operator().pause();
    assertSense(check(lib.changer(), new TestUnitReady()), SenseKey.NOT_READY, 0x04, 0x85);
    assertSense(check(lib.changer(), all(10)), SenseKey.NOT_READY, 0x04, 0x85);
    ok(lib.changer(), Inquiry.standard(36));
    assertSense(ok(lib.changer(), RequestSense.fixed()), SenseKey.NOT_READY, 0x04, 0x85);
    lib.operator().resume();
    assertSense(check(lib.changer(), new TestUnitReady()), SenseKey.UNIT_ATTENTION, 0x28, 0x00);
    ok(lib.changer(), new TestUnitReady());
    EmulatedLibrary hp = library("hp-msl");
    hp.operator().pause();
    assertSense(check(hp.changer(), new TestUnitReady()), SenseKey.NOT_READY, 0x04, 0x03);
  }

  @Test
  void initializeElementStatusTakesTheInventoryTimeOfEveryElement() throws Exception {
    EmulatedLibrary lib = library("ibm-ts3100");
    var t0 = clock.now();
    ok(lib.changer(), new InitializeElementStatus());
    assertThat(clock.now()).isEqualTo(t0.plusSeconds(2L * (22 + 1 + 1)));
  }

  @Test
  void initializeElementStatusWithRangeScansOnlyTheRange() throws Exception {
    EmulatedLibrary lib = library("ibm-ts3100");
    var t0 = clock.now();
    ok(lib.changer(), org.vaultline.scsi.smc.InitializeElementStatusWithRange.of(a(0x1000), 5));
    assertThat(clock.now()).isEqualTo(t0.plusSeconds(2L * 5));
  }

  @Test
  void exchangeMediumSwapsTwoCartridges() throws Exception {
    EmulatedLibrary lib = library("stk-sl500", "A00001L4", "A00002L4");
    ok(lib.changer(), new ExchangeMedium(a(0), a(0x03E8), a(0x03E9), a(0x03E8), false, false));
    ElementStatusData d = ok(lib.changer(), ReadElementStatus.of(ElementType.STORAGE, a(0x03E8), 2));
    assertThat(d.elements().get(0).primaryVolumeTag().orElseThrow().volumeIdentifier()).isEqualTo("A00002L4");
    assertThat(d.elements().get(1).primaryVolumeTag().orElseThrow().volumeIdentifier()).isEqualTo("A00001L4");
  }

  @Test
  void positionToElementMovesTheEmptyRobot() throws Exception {
    EmulatedLibrary lib = library("stk-sl500");
    var t0 = clock.now();
    ok(lib.changer(), new PositionToElement(a(0), a(0x01F4), false));
    assertThat(clock.now()).isAfter(t0);
    assertSense(check(lib.changer(), new PositionToElement(a(0), a(0x7000), false)), SenseKey.ILLEGAL_REQUEST, 0x21,
        0x01);
  }

  @Test
  void openCloseImportExportElementWorksTheDoorAndTellsTheOtherInitiators() throws Exception {
    EmulatedLibrary lib = library("hp-msl");
    Initiator other = new Initiator("other");
    lib.acknowledgePowerOn(other);
    ok(lib.changer(other), new TestUnitReady());
    ok(lib.changer(), OpenCloseImportExportElement.open(a(0x01C0)));
    ElementStatusData d = ok(lib.changer(), ReadElementStatus.of(ElementType.IMPORT_EXPORT, a(0), 3));
    assertThat(d.elements(ImportExportElement.class)).allSatisfy(e -> assertThat(e.access()).isFalse());
    ok(lib.changer(), new TestUnitReady());
    assertSense(check(lib.changer(other), new TestUnitReady()), SenseKey.UNIT_ATTENTION, 0x28, 0x01);
    ok(lib.changer(), OpenCloseImportExportElement.close(a(0x01C0)));
    assertThat(ok(lib.changer(), ReadElementStatus.of(ElementType.IMPORT_EXPORT, a(0), 3))
        .elements(ImportExportElement.class)).allSatisfy(e -> assertThat(e.access()).isTrue());
    assertSense(check(lib.changer(), OpenCloseImportExportElement.open(a(0x0020))), SenseKey.ILLEGAL_REQUEST, 0x21,
        0x01);
  }

  @Test
  void logSenseReportsTheLibraryTapeAlertFlagsOnce() throws Exception {
    EmulatedLibrary lib = library("ibm-ts3100");
    ((ChangerTarget) lib.target(org.vaultline.emulator.UnitId.CHANGER)).tapeAlerts().add(14);
    TapeAlertPage p = TapeAlertPage.from(ok(lib.changer(), LogSense.page(0x2E)));
    assertThat(p.flags()).isEqualTo(1L << 13);
    assertThat(TapeAlertPage.from(ok(lib.changer(), LogSense.page(0x2E))).flags()).isZero();
    assertThat(ok(lib.changer(), LogSense.supportedPages()).pages()).hasSize(2);
  }

  @Test
  void everyCommandIsRecordedWithItsCdbBytes() throws Exception {
    EmulatedLibrary lib = library("ibm-ts3100", "ABC001L5");
    ok(lib.changer(), MoveMedium.of(a(0), a(0x1000), a(0x1003)));
    var log = lib.commands().withOpcode(0xA5);
    assertThat(log).hasSize(1);
    assertThat(log.get(0).cdb().bytes()).isEqualTo(Bytes.fromHex("a5 00 00 00 10 00 10 03 00 00 00 00"));
    assertThat(log.get(0).result().orElseThrow().isGood()).isTrue();
    assertThat(lib.internalErrors()).isEmpty();
  }
}
