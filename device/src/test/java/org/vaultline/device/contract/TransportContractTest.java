package org.vaultline.device.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.vaultline.device.contract.LibraryUnderTest.CARTRIDGES;
import static org.vaultline.device.contract.LibraryUnderTest.CHANGER_SERIAL;
import static org.vaultline.device.contract.LibraryUnderTest.DRIVE;
import static org.vaultline.device.contract.LibraryUnderTest.DRIVE_SERIAL;
import static org.vaultline.device.contract.LibraryUnderTest.IMPORT_EXPORT;
import static org.vaultline.device.contract.LibraryUnderTest.PERSONALITY;
import static org.vaultline.device.contract.LibraryUnderTest.SLOTS;
import static org.vaultline.device.contract.LibraryUnderTest.TRANSPORT;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vaultline.emulator.personality.DeviceIdentity;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.CheckConditionException;
import org.vaultline.scsi.sense.MediumDestinationFullException;
import org.vaultline.scsi.sense.MediumSourceEmptyException;
import org.vaultline.scsi.sense.ScsiException;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.smc.DataTransferElement;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.ElementStatus;
import org.vaultline.scsi.smc.ElementStatusData;
import org.vaultline.scsi.smc.ElementType;
import org.vaultline.scsi.smc.ExchangeMedium;
import org.vaultline.scsi.smc.ImportExportElement;
import org.vaultline.scsi.smc.MoveMedium;
import org.vaultline.scsi.smc.PositionToElement;
import org.vaultline.scsi.smc.ReadElementStatus;
import org.vaultline.scsi.smc.StorageElement;
import org.vaultline.scsi.smc.VolumeTag;
import org.vaultline.scsi.spc.Inquiry;
import org.vaultline.scsi.spc.LogPage;
import org.vaultline.scsi.spc.LogSense;
import org.vaultline.scsi.spc.StandardInquiry;
import org.vaultline.scsi.spc.TestUnitReady;
import org.vaultline.scsi.ssc.LoadUnload;
import org.vaultline.scsi.ssc.Read6;
import org.vaultline.scsi.ssc.ReadPosition;
import org.vaultline.scsi.ssc.ReadPositionShort;
import org.vaultline.scsi.ssc.Rewind;
import org.vaultline.scsi.ssc.Write6;
import org.vaultline.scsi.ssc.WriteFilemarks6;
import org.vaultline.scsi.transport.ScsiExecutor;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * The transport contract: the same commands, sent through the standard {@link ScsiExecutor} to the same
 * library, give the same decoded answers whether the library is the emulator in process, the emulator
 * over our iSCSI target and initiator, a real tgtd over our initiator, the emulator behind the SG_IO
 * seam or behind the USB bulk-only seam. The only answers allowed to differ are tgt's known bugs, listed
 * in {@link ExpectedDifferences} and asserted as tgt's actual answer where they apply. How each
 * transport drops a connection, times out and recovers is in its {@link LibraryUnderTest} subclass.
 */
class TransportContractTest {
  private static final Duration QUICK = Duration.ofSeconds(10);
  private static final List<ElementType> EACH_TYPE = List.of(ElementType.MEDIUM_TRANSPORT, ElementType.STORAGE,
      ElementType.IMPORT_EXPORT, ElementType.DATA_TRANSFER);

  @TempDir
  Path dir;
  private LibraryUnderTest library;

  private LibraryUnderTest open(Attachment attachment) throws Exception {
    assumeTrue(attachment.runsHere(), () -> attachment
        + (attachment == Attachment.EMULATOR_BEHIND_SG_IO_ON_A_LINUX_KERNEL ? ": needs make kernel-test's QEMU guest"
            : ": runs in make test; make kernel-test's guest runs only the Linux kernel attachment"));
    library = attachment.open(dir);
    return library;
  }

  @AfterEach
  void closeLibrary() throws Exception {
    if (library != null) {
      library.close();
    }
  }

  /** What an element holds, as the contract compares it: kind, FULL and the barcode. */
  record Content(ElementType type, boolean full, Optional<String> barcode) {
    static Content of(ElementStatus e) {
      return new Content(e.type(), e.full(), e.primaryVolumeTag().map(VolumeTag::volumeIdentifier));
    }
  }

  /** What INQUIRY and VPD 80h say about a logical unit. */
  record Identity(int deviceType, boolean removable, String vendor, String product, String revision,
                  String serial) {
    static Identity of(int deviceType, boolean removable, DeviceIdentity id, String serial) {
      return new Identity(deviceType, removable, id.vendor(), id.product(), id.revision(), serial);
    }
  }

  /** The inventory the library must report when {@code cartridges} are where they are. */
  private static Map<ElementAddress, Content> inventoryWith(Map<ElementAddress, String> cartridges) {
    Map<ElementAddress, Content> m = new TreeMap<>();
    m.put(TRANSPORT, new Content(ElementType.MEDIUM_TRANSPORT, false, Optional.empty()));
    for (ElementAddress slot : SLOTS) {
      m.put(slot, new Content(ElementType.STORAGE, false, Optional.empty()));
    }
    m.put(IMPORT_EXPORT, new Content(ElementType.IMPORT_EXPORT, false, Optional.empty()));
    m.put(DRIVE, new Content(ElementType.DATA_TRANSFER, false, Optional.empty()));
    cartridges.forEach((address, barcode) -> m.put(address, new Content(m.get(address).type(), true,
        Optional.of(barcode))));
    return m;
  }

  /** {@link LibraryUnderTest#CARTRIDGES} after the cartridge at {@code from} went to {@code to}. */
  private static Map<ElementAddress, String> moved(ElementAddress from, ElementAddress to) {
    Map<ElementAddress, String> m = new HashMap<>(CARTRIDGES);
    m.put(to, m.remove(from));
    return m;
  }

  /** READ ELEMENT STATUS with VOLTAG, one request per element type, as the scsi parser decodes it. */
  private static Map<ElementAddress, Content> inventory(ScsiExecutor changer) throws ScsiException {
    Map<ElementAddress, Content> m = new TreeMap<>();
    for (ElementType type : EACH_TYPE) {
      for (ElementStatus e : changer.execute(ReadElementStatus.of(type, ElementAddress.of(0), 0xFFFF)).elements()) {
        m.put(e.address(), Content.of(e));
      }
    }
    return m;
  }

  private static ScsiResult raw(ScsiExecutor executor, Command<?> command) throws ScsiException {
    return executor.executeRaw(ScsiRequest.of(command, executor.timeouts().timeoutFor(command)));
  }

  private static Sense sense(ScsiResult r) throws ScsiException {
    assertThat(r.isCheckCondition()).as("CHECK CONDITION expected, got %s", r).isTrue();
    return ScsiExecutor.senseOf("command", r);
  }

  private static Sense senseOfTestUnitReady(ScsiTransport t) throws ScsiException {
    return sense(t.execute(ScsiRequest.of(new TestUnitReady(), QUICK)));
  }

  /** ACCESS: whether the robot can reach the element; a medium transport has no such bit. */
  private static Optional<Boolean> accessOf(ElementStatus e) {
    if (e instanceof StorageElement s) {
      return Optional.of(s.access());
    }
    if (e instanceof ImportExportElement ie) {
      return Optional.of(ie.access());
    }
    if (e instanceof DataTransferElement dt) {
      return Optional.of(dt.access());
    }
    return Optional.empty();
  }

  private static Identity identity(ScsiExecutor unit) throws ScsiException {
    StandardInquiry inquiry = unit.execute(Inquiry.standard(96));
    String serial = unit.execute(Inquiry.unitSerialNumber(255)).trimmedSerialNumber();
    return new Identity(inquiry.deviceTypeCode(), inquiry.removable(), inquiry.vendor(), inquiry.product(),
        inquiry.revision(), serial);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Attachment.class)
  void inquiryAndTheUnitSerialNumberPageIdentifyTheChangerAndTheDrive(Attachment attachment) throws Exception {
    LibraryUnderTest lib = open(attachment);

    assertThat(identity(lib.executor(lib.changer())))
        .isEqualTo(Identity.of(0x08, false, PERSONALITY.changer(), CHANGER_SERIAL));
    assertThat(identity(lib.executor(lib.drive())))
        .isEqualTo(Identity.of(0x01, true, PERSONALITY.drive(), DRIVE_SERIAL));
  }

  /**
   * SPC-4 4.2.5.6: a unit sends at most the allocation length and may send less; what it did not send is the
   * residual (iSCSI's underflow residual count, sg_io_hdr.resid, the CSW data residue), which every transport
   * must report, for a short INQUIRY answer and for a READ ELEMENT STATUS answer much shorter than FFFFh.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Attachment.class)
  void whatTheUnitDidNotSendOfTheAllocationLengthIsReportedAsResidual(Attachment attachment) throws Exception {
    LibraryUnderTest lib = open(attachment);
    ScsiExecutor changer = lib.executor(lib.changer());

    for (ScsiExecutor unit : List.of(changer, lib.executor(lib.drive()))) {
      Inquiry.Standard inquiry = Inquiry.standard(255);
      ScsiResult r = raw(unit, inquiry);
      assertThat(r.isGood()).as("%s", r).isTrue();
      int length = inquiry.parse(r.dataIn()).additionalLength() + 5;
      assertThat(r.dataIn().size()).isEqualTo(Math.min(length, 255));
      assertThat(r.residual()).isEqualTo(255 - r.dataIn().size());
    }
    ReadElementStatus slots = ReadElementStatus.of(ElementType.STORAGE, ElementAddress.of(0), 0xFFFF);
    ScsiResult r = raw(changer, slots);
    assertThat(r.isGood()).as("%s", r).isTrue();
    assertThat(r.dataIn().size()).isLessThan(0xFFFF);
    assertThat(r.residual()).isEqualTo(0xFFFF - r.dataIn().size());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Attachment.class)
  void theFirstCommandReportsPowerOnThenTestUnitReadyTellsWhetherTheUnitIsReady(Attachment attachment)
      throws Exception {
    LibraryUnderTest lib = open(attachment);

    assertThat(senseOfTestUnitReady(lib.changer()).is(SenseKey.UNIT_ATTENTION, 0x29, 0x00)).isTrue();
    assertThat(lib.changer().execute(ScsiRequest.of(new TestUnitReady(), QUICK)).isGood()).isTrue();
    assertThat(senseOfTestUnitReady(lib.drive()).is(SenseKey.UNIT_ATTENTION, 0x29, 0x00)).isTrue();
    Sense empty = senseOfTestUnitReady(lib.drive());
    assertThat(empty.is(SenseKey.NOT_READY, 0x3A, 0x00)).as("medium not present: %s", empty).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Attachment.class)
  void readElementStatusReportsEveryElementWithItsBarcodeAndTheDriveBySerialNumber(Attachment attachment)
      throws Exception {
    LibraryUnderTest lib = open(attachment);
    ExpectedDifferences differs = lib.differences();
    ScsiExecutor changer = lib.executor(lib.changer());

    Map<ElementAddress, Content> seen = new TreeMap<>();
    List<ElementType> headerNotFirstElement = new ArrayList<>();
    for (ElementType type : EACH_TYPE) {
      ReadElementStatus request = ReadElementStatus.of(type, ElementAddress.of(0), 0xFFFF);
      ScsiResult r = raw(changer, request);
      assertThat(r.isGood()).as("%s: %s", type, r).isTrue();
      ElementStatusData data = request.parse(r.dataIn());
      if (differs.elementStatusEightBytesShort()) {
        assertThat(r.dataIn().size()).as(type.text()).isEqualTo(data.reportLength() - 8);
        assertThat(data.warnings()).as(type.text()).isNotEmpty();
      } else {
        assertThat(r.dataIn().size()).as(type.text()).isEqualTo(data.reportLength());
        assertThat(data.warnings()).as(type.text()).isEmpty();
      }
      if (!data.firstElementAddressReported().equals(data.elements().get(0).address())) {
        headerNotFirstElement.add(type);
      }
      for (ElementStatus e : data.elements()) {
        seen.put(e.address(), Content.of(e));
        accessOf(e).ifPresent(access ->
            assertThat(access).as("ACCESS of %s", e).isEqualTo(!differs.accessBitNeverSet()));
      }
    }
    assertThat(seen).isEqualTo(inventoryWith(CARTRIDGES));
    if (differs.firstAddressWrongForSingleElementTypes()) {
      assertThat(headerNotFirstElement).contains(ElementType.MEDIUM_TRANSPORT, ElementType.IMPORT_EXPORT);
    } else {
      assertThat(headerNotFirstElement).isEmpty();
    }

    List<DataTransferElement> drives = changer.execute(ReadElementStatus.drives(ElementAddress.of(0), 0xFFFF))
        .elements(DataTransferElement.class);
    assertThat(drives).extracting(DataTransferElement::address).containsExactly(DRIVE);
    String driveSerial = lib.executor(lib.drive()).execute(Inquiry.unitSerialNumber(255)).trimmedSerialNumber();
    if (differs.elementStatusEightBytesShort()) {
      // the identification descriptor of the last (here: only) drive is what the 8 missing bytes cut
      assertThat(drives.get(0).serial()).isEmpty();
    } else {
      assertThat(drives.get(0).serial()).hasValue(driveSerial);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Attachment.class)
  void oneReportOfAllElementTypesHoldsTheSameInventory(Attachment attachment) throws Exception {
    LibraryUnderTest lib = open(attachment);

    ElementStatusData all = lib.executor(lib.changer())
        .execute(ReadElementStatus.of(ElementType.ALL, ElementAddress.of(0), 0xFFFF));

    Map<ElementAddress, Content> seen = new TreeMap<>();
    all.elements().forEach(e -> seen.put(e.address(), Content.of(e)));
    if (lib.differences().allElementTypesGarbled()) {
      assertThat(all.isComplete()).isFalse();
      assertThat(all.warnings()).isNotEmpty();
      assertThat(seen).isNotEqualTo(inventoryWith(CARTRIDGES));
    } else {
      assertThat(all.numberOfElementsAvailable()).isEqualTo(inventoryWith(CARTRIDGES).size());
      assertThat(all.warnings()).isEmpty();
      assertThat(seen).isEqualTo(inventoryWith(CARTRIDGES));
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Attachment.class)
  void moveMediumCarriesTheCartridgeAndItsBarcodeFromSlotToSlot(Attachment attachment) throws Exception {
    LibraryUnderTest lib = open(attachment);
    ScsiExecutor changer = lib.executor(lib.changer());

    changer.execute(MoveMedium.of(TRANSPORT, SLOTS.get(0), SLOTS.get(5)));

    assertThat(inventory(changer)).isEqualTo(inventoryWith(moved(SLOTS.get(0), SLOTS.get(5))));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Attachment.class)
  void moveMediumFromAnEmptySlotFailsWithMediumSourceEmptyAndMovesNothing(Attachment attachment)
      throws Exception {
    LibraryUnderTest lib = open(attachment);
    ScsiExecutor changer = lib.executor(lib.changer());

    assertThatThrownBy(() -> changer.execute(MoveMedium.of(TRANSPORT, SLOTS.get(5), SLOTS.get(6))))
        .isInstanceOfSatisfying(MediumSourceEmptyException.class, e -> {
          assertThat(e.command()).isEqualTo("MOVE MEDIUM");
          assertThat(e.sense().is(SenseKey.ILLEGAL_REQUEST, 0x3B, 0x0E)).isTrue();
        });
    assertThat(inventory(changer)).isEqualTo(inventoryWith(CARTRIDGES));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Attachment.class)
  void moveMediumToAFullSlotFailsWithMediumDestinationFullAndMovesNothing(Attachment attachment)
      throws Exception {
    LibraryUnderTest lib = open(attachment);
    ScsiExecutor changer = lib.executor(lib.changer());

    assertThatThrownBy(() -> changer.execute(MoveMedium.of(TRANSPORT, SLOTS.get(0), SLOTS.get(1))))
        .isInstanceOfSatisfying(MediumDestinationFullException.class, e ->
            assertThat(e.sense().is(SenseKey.ILLEGAL_REQUEST, 0x3B, 0x0D)).isTrue());
    assertThat(inventory(changer)).isEqualTo(inventoryWith(CARTRIDGES));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Attachment.class)
  void aMebibyteWrittenToTheLoadedTapeReadsBackTheSameUpToTheFilemark(Attachment attachment) throws Exception {
    LibraryUnderTest lib = open(attachment);
    ExpectedDifferences differs = lib.differences();
    ScsiExecutor changer = lib.executor(lib.changer());
    ScsiExecutor drive = lib.executor(lib.drive());
    byte[] block = new byte[1 << 20];
    new Random(1).nextBytes(block);

    changer.execute(MoveMedium.of(TRANSPORT, SLOTS.get(0), DRIVE));
    drive.execute(LoadUnload.loadMedium());
    drive.execute(Write6.variable(Bytes.of(block)));
    drive.execute(WriteFilemarks6.filemarks(1));
    ReadPositionShort position = drive.execute(new ReadPosition());
    drive.execute(new Rewind());
    Bytes back = drive.execute(Read6.variable(1 << 20));
    Sense atFilemark = sense(raw(drive, Read6.variable(1 << 20)));

    assertThat(back).isEqualTo(Bytes.of(block));
    assertThat(atFilemark.filemark()).as(atFilemark.toString()).isTrue();
    assertThat(atFilemark.key()).isEqualTo(SenseKey.NO_SENSE);
    if (differs.readPositionReportsNothing()) {
      assertThat(position.knownLocation()).isEmpty();
      assertThat(position.firstLocation()).isZero();
    } else {
      assertThat(position.knownLocation()).isEqualTo(OptionalLong.of(2)); // one block, one filemark
    }

    drive.execute(LoadUnload.unloadMedium());
    if (differs.loadUnloadReadAsStartStopUnit()) {
      // LOAD=0 is "stop" to tgt: the tape stays loaded; the SSC RETEN bit is its LOEJ and ejects
      assertThat(lib.drive().execute(ScsiRequest.of(new TestUnitReady(), QUICK)).isGood()).isTrue();
      drive.execute(new LoadUnload(false, false, true, false, false));
    }
    assertThat(senseOfTestUnitReady(lib.drive()).is(SenseKey.NOT_READY, 0x3A, 0x00)).isTrue();
    changer.execute(MoveMedium.of(TRANSPORT, DRIVE, SLOTS.get(0)));
    assertThat(inventory(changer)).isEqualTo(inventoryWith(CARTRIDGES));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Attachment.class)
  void exchangeMediumPositionToElementAndLogSenseWorkWhereTheLibraryHasThem(Attachment attachment)
      throws Exception {
    LibraryUnderTest lib = open(attachment);
    ExpectedDifferences differs = lib.differences();
    ScsiExecutor changer = lib.executor(lib.changer());
    ScsiExecutor drive = lib.executor(lib.drive());
    ExchangeMedium swap = new ExchangeMedium(TRANSPORT, SLOTS.get(0), SLOTS.get(1), SLOTS.get(0), false, false);
    PositionToElement position = new PositionToElement(TRANSPORT, SLOTS.get(2), false);
    LogSense tapeAlert = LogSense.page(0x2E);

    if (differs.supports(swap.name())) {
      changer.execute(swap);
      Map<ElementAddress, String> swapped = new HashMap<>(CARTRIDGES);
      swapped.put(SLOTS.get(0), CARTRIDGES.get(SLOTS.get(1)));
      swapped.put(SLOTS.get(1), CARTRIDGES.get(SLOTS.get(0)));
      assertThat(inventory(changer)).isEqualTo(inventoryWith(swapped));
    } else {
      assertInvalidOperationCode(() -> changer.execute(swap));
      assertThat(inventory(changer)).isEqualTo(inventoryWith(CARTRIDGES));
    }
    if (differs.supports(position.name())) {
      changer.execute(position);
    } else {
      assertInvalidOperationCode(() -> changer.execute(position));
    }
    if (differs.supports(tapeAlert.name())) {
      LogPage page = drive.execute(tapeAlert);
      assertThat(page.pageCode()).isEqualTo(0x2E);
    } else {
      assertInvalidOperationCode(() -> drive.execute(tapeAlert));
    }
  }

  private static void assertInvalidOperationCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(CheckConditionException.class, e ->
        assertThat(e.sense().is(SenseKey.ILLEGAL_REQUEST, 0x20, 0x00)).as(e.getMessage()).isTrue());
  }

  /**
   * The connection goes while a MOVE MEDIUM is in flight. How, per transport: in process there is no
   * wire, so the emulator's scripted DropConnection fault stands in; over iSCSI a proxy cuts the TCP
   * connection while the library holds the command; behind SG_IO the adapter reports
   * DID_TRANSPORT_DISRUPTED; behind USB the device is unplugged. The caller gets a TransportException
   * and must re-read the library, which it can through the same transport or a reopened one
   * ({@link LibraryUnderTest.Recovery}).
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Attachment.class)
  void aConnectionDroppedDuringAMoveFailsItWithTransportExceptionAndTheLibraryCanBeReachedAgain(
      Attachment attachment) throws Exception {
    LibraryUnderTest lib = open(attachment);
    ScsiTransport before = lib.changer();
    assertThat(inventory(lib.executor(before))).isEqualTo(inventoryWith(CARTRIDGES));
    lib.forgetAttentions();

    Throwable failure = lib.dropConnectionDuring(MoveMedium.of(TRANSPORT, SLOTS.get(0), SLOTS.get(5)));

    assertThat(failure).isInstanceOf(TransportException.class).hasMessageContaining("MOVE MEDIUM");
    ScsiTransport recovered = before;
    if (lib.recoveryAfterDrop() == LibraryUnderTest.Recovery.REOPEN) {
      assertThatThrownBy(() -> before.execute(ScsiRequest.of(new TestUnitReady(), QUICK)))
          .isInstanceOf(TransportException.class);
      lib.reopen();
      recovered = lib.changer();
    }
    Map<ElementAddress, Content> after = inventory(lib.executor(recovered));
    // the outcome of the move is unknown: the cartridge is at its source or at its destination
    assertThat(after).isIn(inventoryWith(CARTRIDGES), inventoryWith(moved(SLOTS.get(0), SLOTS.get(5))));
    if (lib.differences().powerOnAttentionEverySession()) {
      assertThat(lib.attentionsHeard()).anyMatch(s -> s.is(SenseKey.UNIT_ATTENTION, 0x29, 0x00));
    } else {
      assertThat(lib.attentionsHeard()).isEmpty();
    }
    lib.logins().ifPresent(n -> assertThat(n).as("iSCSI logins").isEqualTo(2));
  }

  /**
   * A command gets no answer within its timeout. How, per transport: in process, the emulator's scripted
   * Stall fault (on its virtual clock); over iSCSI, the library holds the command (our target) or is
   * stopped (tgtd) and the initiator aborts it; behind SG_IO, host status DID_TIME_OUT; behind USB, a
   * device that never sends its CSW. Every transport stays usable afterwards.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Attachment.class)
  void aCommandThatDoesNotCompleteInTimeFailsWithTransportExceptionAndTheTransportCarriesOn(
      Attachment attachment) throws Exception {
    LibraryUnderTest lib = open(attachment);
    ScsiExecutor changer = lib.executor(lib.changer());
    StandardInquiry expected = changer.execute(Inquiry.standard(36));

    LibraryUnderTest.Stalled stalled = lib.stallNextChangerCommand();
    try {
      assertThatThrownBy(() -> changer.executeRaw(ScsiRequest.of(Inquiry.standard(36), Duration.ofSeconds(1))))
          .isInstanceOf(TransportException.class).hasMessageContaining("timed out");
    } finally {
      stalled.letGo();
    }

    assertThat(changer.execute(Inquiry.standard(36))).isEqualTo(expected);
    lib.logins().ifPresent(n -> assertThat(n).as("iSCSI logins").isEqualTo(1));
  }
}
