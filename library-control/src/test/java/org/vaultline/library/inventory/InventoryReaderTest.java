package org.vaultline.library.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaultline.emulator.ReceivedCommand;
import org.vaultline.emulator.UnitId;
import org.vaultline.emulator.fault.Fault;
import org.vaultline.emulator.fault.Trigger;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.emulator.personality.SenseCode;
import org.vaultline.emulator.physical.Cartridge;
import org.vaultline.emulator.physical.ElementKind;
import org.vaultline.emulator.physical.Label;
import org.vaultline.emulator.physical.MediaType;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.ElementAddressAssignmentPage;
import org.vaultline.scsi.smc.ElementType;
import org.vaultline.scsi.smc.ReadElementStatus;
import org.vaultline.scsi.spc.ModeParameters;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;

/**
 * Inventories of every emulated personality, with every quirk of REFERENCE §1 switched on in turn:
 * the 5,376-element cap, 16-bit allocation lengths, DVCID refused or allowed for drives only, no I/O
 * station, address gaps, unreadable barcodes, and short element data.
 */
class InventoryReaderTest {

  static List<String> personalities() {
    return Personality.CATALOGUE;
  }

  private static Personality withQuirks(String name,
      java.util.function.UnaryOperator<org.vaultline.emulator.personality.Quirks> q) {
    Personality p = Personality.named(name);
    return p.withQuirks(q.apply(p.quirks()));
  }

  private static List<Integer> addresses(List<InventoryElement> elements) {
    return elements.stream().map(e -> e.address().value()).toList();
  }

  private static ElementType typeOf(ElementKind kind) {
    return ElementType.fromCode(kind.code()).orElseThrow();
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void readsEveryElementOfEveryPersonalityWithoutWarnings(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name, "ABC001L5", "ABC002L5");
    LibraryInventory inv = f.reader().read();

    for (ElementKind kind : ElementKind.values()) {
      assertThat(addresses(inv.elements(typeOf(kind)))).as(kind.toString()).isEqualTo(f.addresses(kind));
    }
    assertThat(inv.storage().get(0).barcode()).contains("ABC001L5");
    assertThat(inv.storage().get(1).volser()).contains("ABC002");
    assertThat(inv.storage().get(2).full()).isFalse();
    for (int i = 0; i < inv.dataTransfer().size(); i++) {
      assertThat(inv.dataTransfer().get(i).driveSerial()).contains(f.personality.driveSerial(i));
    }
    assertThat(inv.addressAssignment()).isPresent();
    assertThat(inv.warnings()).isEmpty();
    assertThat(inv.isComplete()).isTrue();
    assertThat(inv.find("ABC002")).extracting(InventoryElement::address)
        .containsExactly(f.address(ElementKind.STORAGE, 1));
    assertThat(f.lib.internalErrors()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void pagesThroughEveryTypeWithTheConfiguredNumberOfElementsAndNeverMoreThanFfffhBytes(String name)
      throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name, "ABC001L5");
    int chunk = f.addresses(ElementKind.STORAGE).size() > 1000 ? 700 : 7;
    LibraryInventory inv = f.reader(InventoryOptions.DEFAULT.withMaxElementsPerRequest(chunk)).read();

    assertThat(inv.storage()).hasSize(f.addresses(ElementKind.STORAGE).size());
    assertThat(inv.warnings()).isEmpty();
    List<ReadElementStatus> sent = f.readElementStatusCommands();
    assertThat(sent).allSatisfy(r -> {
      assertThat(r.numberOfElements()).isLessThanOrEqualTo(chunk);
      assertThat(r.allocationLength()).isLessThanOrEqualTo(0xFFFF);
    });
    long storageRequests = sent.stream().filter(r -> r.elementType() == ElementType.STORAGE).count();
    assertThat(storageRequests).isBetween((long) Math.ceil(inv.storage().size() / (double) chunk),
        (long) Math.ceil(inv.storage().size() / (double) chunk) + 1);
  }

  /** IBM TS4500: more than 5,376 elements per request gets 5/24/00; here every library caps at 5. */
  @ParameterizedTest
  @MethodSource("personalities")
  void halvesTheElementsPerRequestWhenTheLibraryRefusesTheirNumber(String name) throws Exception {
    int cap = Personality.named(name).layout().count(ElementKind.STORAGE) > 1000 ? 500 : 5;
    EmulatorFixture f = EmulatorFixture.of(withQuirks(name, q -> q.withMaxElementsPerRead(cap)), "ABC001L5");
    InventoryReader reader = f.reader(InventoryOptions.DEFAULT.withMaxElementsPerRequest(8 * cap));
    LibraryInventory inv = reader.read();

    // 8 x cap (or one more than page 1Dh counts, when fewer) halved until at most the cap
    int halvings = inv.statistics().chunkHalvings();
    assertThat(halvings).isBetween(2, 3);
    assertThat(inv.warnings(InventoryWarning.Kind.CHUNK_HALVED)).hasSize(halvings);
    assertThat(inv.warnings()).allMatch(w -> w.kind() == InventoryWarning.Kind.CHUNK_HALVED);
    assertThat(reader.elementsPerRequest()).isBetween(cap / 2, cap);
    for (ElementKind kind : ElementKind.values()) {
      assertThat(addresses(inv.elements(typeOf(kind)))).isEqualTo(f.addresses(kind));
    }
    List<ReceivedCommand> refused = f.lib.commands().matching(c -> c.opcode() == ReadElementStatus.OPCODE
        && c.result().map(ScsiResult::isCheckCondition).orElse(false));
    assertThat(refused).hasSize(halvings);

    // what the reader learned it keeps: a second inventory is refused nothing
    f.lib.commands().clear();
    assertThat(reader.read().warnings()).isEmpty();
    assertThat(f.readElementStatusCommands()).allMatch(r -> r.numberOfElements() <= cap);
  }

  @Test
  void theLargeLibraryCappedAt5376ElementsIsReadCompletelyWhenAskedForMore() throws Exception {
    EmulatorFixture f = EmulatorFixture.of("large", "ABC001L8");
    LibraryInventory inv = f.reader(InventoryOptions.DEFAULT.withMaxElementsPerRequest(20_000)).read();

    assertThat(inv.statistics().chunkHalvings()).isEqualTo(2); // 20,000 -> 10,000 -> 5,000
    assertThat(inv.storage()).hasSize(20_000);
    assertThat(inv.dataTransfer()).hasSize(64).allMatch(d -> d.driveSerial().isPresent());
    assertThat(inv.importExport()).hasSize(72);
    assertThat(inv.warnings()).allMatch(w -> w.kind() == InventoryWarning.Kind.CHUNK_HALVED);
    assertThat(f.readElementStatusCommands()).allMatch(r -> r.allocationLength() <= 0xFFFF);
  }

  /** Some changers read only the low 16 bits of the allocation length: never send more than FFFFh. */
  @ParameterizedTest
  @MethodSource("personalities")
  void aChangerReadingOnly16BitsOfTheAllocationLengthGetsNoMoreThanFfffh(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(withQuirks(name, q -> q.withAllocationLength16Bits(true)), "ABC001L5");
    LibraryInventory inv = f.reader(InventoryOptions.DEFAULT.withMaxElementsPerRequest(5000)).read();

    for (ElementKind kind : ElementKind.values()) {
      assertThat(addresses(inv.elements(typeOf(kind)))).isEqualTo(f.addresses(kind));
    }
    assertThat(inv.warnings()).isEmpty();
    assertThat(f.readElementStatusCommands()).allMatch(r -> r.allocationLength() <= 0xFFFF);
  }

  @Test
  void the16BitQuirkIsRealAllocationLength10008hGetsEightBytes() throws Exception {
    EmulatorFixture f = EmulatorFixture.of(withQuirks("ibm-ts3100", q -> q.withAllocationLength16Bits(true)));
    f.lib.acknowledgePowerOn(org.vaultline.emulator.Initiator.DEFAULT);
    ReadElementStatus naive = ReadElementStatus.of(ElementType.STORAGE, ElementAddress.of(0), 22)
        .withAllocationLength(0x10008);
    ScsiResult r = f.lib.changer().execute(ScsiRequest.of(naive, naive.defaultTimeout()));
    assertThat(r.dataIn().size()).isEqualTo(8);
  }

  /**
   * Alternate volume tags make descriptors of 88 bytes where 52 were expected: the first answer's header
   * says how much there is, and the request is sent again with exactly that.
   */
  @ParameterizedTest
  @MethodSource("personalities")
  void reissuesWithTheHeadersByteCountWhenTheBufferWasTooSmall(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name);
    int slot = f.addresses(ElementKind.STORAGE).get(0);
    f.lib.operator().stock(slot, Cartridge.labelled("ALT001L5", MediaType.LTO5)
        .withLabel(Label.of("ALT001L5").withAlternate("SIDEB1")));
    LibraryInventory inv = f.reader(InventoryOptions.DEFAULT.withMaxElementsPerRequest(100)).read();

    assertThat(inv.statistics().reissued()).isGreaterThanOrEqualTo(1);
    assertThat(inv.warnings()).isEmpty();
    assertThat(inv.storage()).hasSize(f.addresses(ElementKind.STORAGE).size());
    VolumeLabel.Barcode b = (VolumeLabel.Barcode) inv.storage().get(0).label().orElseThrow();
    assertThat(b.tag().volumeIdentifier()).isEqualTo("ALT001L5");
    assertThat(b.alternate()).map(t -> t.volumeIdentifier()).contains("SIDEB1");
    List<ReadElementStatus> storage = f.readElementStatusCommands().stream()
        .filter(r -> r.elementType() == ElementType.STORAGE).toList();
    assertThat(storage.get(1).allocationLength()).isGreaterThan(storage.get(0).allocationLength());
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void asksForDriveIdentifiersOnDataTransferElementsOnlyWithoutVolTagAndNothingIsRefused(String name)
      throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name);
    LibraryInventory inv = f.reader().read();

    assertThat(inv.dataTransfer()).allMatch(d -> d.driveSerial().isPresent());
    List<ReadElementStatus> withDvcid = f.readElementStatusCommands().stream().filter(ReadElementStatus::dvcid)
        .toList();
    assertThat(withDvcid).isNotEmpty().allMatch(r -> r.elementType() == ElementType.DATA_TRANSFER && !r.volTag());
    assertThat(f.lib.commands().withOpcode(ReadElementStatus.OPCODE))
        .allMatch(c -> c.result().map(ScsiResult::isGood).orElse(false) || isUnitAttention(c));
  }

  private static boolean isUnitAttention(ReceivedCommand c) {
    try {
      return c.result().isPresent() && Sense.parse(c.result().get().sense()).key() == SenseKey.UNIT_ATTENTION;
    } catch (Exception e) {
      return false;
    }
  }

  /** IBM 3584 and TS4500 refuse DVCID together with VOLTAG, or for other element types. */
  @ParameterizedTest
  @MethodSource("personalities")
  void libraryAllowingDvcidForDrivesOnlyRefusesItWithVolTag(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(withQuirks(name, q -> q.withDvcidDrivesOnly(true)));
    f.lib.acknowledgePowerOn(org.vaultline.emulator.Initiator.DEFAULT);
    ReadElementStatus mixed = ReadElementStatus.of(ElementType.DATA_TRANSFER, ElementAddress.of(0), 10).withDvcid(true);
    ScsiResult r = f.lib.changer().execute(ScsiRequest.of(mixed, mixed.defaultTimeout()));
    assertThat(Sense.parse(r.sense()).is(SenseKey.ILLEGAL_REQUEST, 0x24, 0x00)).isTrue();

    LibraryInventory inv = f.reader().read();
    assertThat(inv.warnings()).isEmpty();
    assertThat(inv.dataTransfer()).allMatch(d -> d.driveSerial().isPresent());
  }

  /** Qualstar-like: no DVCID at all. The inventory goes on, the drives just have no serial. */
  @ParameterizedTest
  @MethodSource("personalities")
  void carriesOnWithoutDriveIdentifiersWhenTheLibraryRefusesDvcid(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name, "ABC001L5").wrapChanger(t -> new InterceptingTransport(t, req -> {
      boolean dvcid = req.cdb().opcode() == ReadElementStatus.OPCODE && (req.cdb().bytes().get(6) & 1) != 0;
      return dvcid ? Optional.of(ScsiResult.checkCondition(Sense.of(SenseKey.ILLEGAL_REQUEST, 0x24, 0x00)
          .withCdbFieldPointer(6, java.util.OptionalInt.of(0)).encodeFixed())) : Optional.empty();
    }));
    LibraryInventory inv = f.reader().read();

    assertThat(inv.warnings()).extracting(InventoryWarning::kind).containsExactly(InventoryWarning.Kind.DVCID_REFUSED);
    assertThat(inv.warnings().get(0).raw().isEmpty()).isFalse();
    assertThat(inv.dataTransfer()).hasSize(f.addresses(ElementKind.DATA_TRANSFER).size())
        .allMatch(d -> d.driveSerial().isEmpty());
    assertThat(inv.storage().get(0).barcode()).contains("ABC001L5");
    assertThat(inv.isComplete()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void aLibraryExposingNoIoStationHasNoImportExportElements(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(withQuirks(name, q -> q.withNoImportExport(true)), "ABC001L5");
    LibraryInventory inv = f.reader().read();

    assertThat(inv.hasImportExport()).isFalse();
    assertThat(inv.importExport()).isEmpty();
    assertThat(inv.warnings()).extracting(InventoryWarning::kind)
        .containsExactly(InventoryWarning.Kind.NO_IMPORT_EXPORT);
    assertThat(f.readElementStatusCommands()).noneMatch(r -> r.elementType() == ElementType.IMPORT_EXPORT);
    assertThat(inv.storage()).hasSize(f.addresses(ElementKind.STORAGE).size());
  }

  /** IBM 3584: empty drive bays at 0105h-0106h, a second frame of slots from 0500h. */
  @Test
  void addressGapsAreReadAcrossAndReported() throws Exception {
    EmulatorFixture f = EmulatorFixture.of("ibm-ts3500");
    LibraryInventory inv = f.reader(InventoryOptions.DEFAULT.withMaxElementsPerRequest(7)).read();

    assertThat(inv.warnings()).isEmpty(); // 120 slots and 6 drives, as page 1Dh counts them
    assertThat(inv.storage()).hasSize(120);
    assertThat(inv.gaps(ElementType.DATA_TRANSFER)).containsExactly(
        new AddressGap(ElementType.DATA_TRANSFER, ElementAddress.of(0x105), ElementAddress.of(0x106)));
    assertThat(inv.gaps(ElementType.STORAGE)).containsExactly(
        new AddressGap(ElementType.STORAGE, ElementAddress.of(0x43C), ElementAddress.of(0x4FF)));
    assertThat(inv.element(ElementAddress.of(0x105))).isEmpty();
    assertThat(inv.element(ElementAddress.of(0x107))).map(InventoryElement::type).contains(ElementType.DATA_TRANSFER);
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void cartridgesWithoutReadableBarcodeAreUnlabelledWithTheLibrarysReason(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name, "ABC001L5");
    List<Integer> slots = f.addresses(ElementKind.STORAGE);
    f.lib.operator().stock(slots.get(1), Cartridge.labelled("BAD001L5", MediaType.LTO5)
        .withLabel(Label.of("BAD001L5").unreadable()));
    f.lib.operator().stock(slots.get(2), new Cartridge("NOLABEL1", Optional.empty(), MediaType.LTO5, false));
    LibraryInventory inv = f.reader().read();

    VolumeLabel.Reason expected = f.personality.quirks().unreadableLabelSense()
        .map(s -> s.ascq() == 0 ? VolumeLabel.Reason.NOT_SCANNED : VolumeLabel.Reason.NO_LABEL)
        .orElse(VolumeLabel.Reason.BLANK);
    VolumeLabel bad = inv.storage().get(1).label().orElseThrow();
    assertThat(bad).isEqualTo(new VolumeLabel.Unlabelled(expected, f.personality.quirks().unreadableLabelSense()
        .map(s -> new ExceptCondition(s.asc(), s.ascq()))));
    assertThat(bad.toString()).isEqualTo("unlabelled");
    assertThat(inv.storage().get(2).label()).contains(new VolumeLabel.Unlabelled(VolumeLabel.Reason.BLANK,
        Optional.empty()));
    assertThat(inv.storage().get(1).volser()).isEmpty();
    assertThat(inv.warnings()).extracting(InventoryWarning::kind).containsExactly(
        InventoryWarning.Kind.UNREADABLE_LABEL, InventoryWarning.Kind.UNREADABLE_LABEL);
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void aLibraryReporting8301HasFoundNoLabel(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(withQuirks(name, q -> q.withUnreadableLabelSense(
        Optional.of(SenseCode.parse("83/01"))).withUnreadableBarcodes(java.util.Set.of("ABC002L5"))),
        "ABC001L5", "ABC002L5");
    LibraryInventory inv = f.reader().read();

    assertThat(inv.storage().get(1).label()).contains(new VolumeLabel.Unlabelled(VolumeLabel.Reason.NO_LABEL,
        Optional.of(new ExceptCondition(0x83, 0x01))));
    assertThat(inv.storage().get(1).except()).contains(new ExceptCondition(0x83, 0x01));
    assertThat(inv.storage().get(0).volser()).contains("ABC001");
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void sixAndEightCharacterVolsersAndCleaningCartridges(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name, "ABC123", "ABC124L5", "CLN001L1");
    LibraryInventory inv = f.reader().read();

    InventoryElement six = inv.storage().get(0);
    InventoryElement eight = inv.storage().get(1);
    InventoryElement cleaner = inv.storage().get(2);
    assertThat(six.volser()).contains("ABC123");
    assertThat(six.barcode()).contains("ABC123");
    assertThat(eight.volser()).contains("ABC124");
    assertThat(eight.barcode()).contains("ABC124L5");
    assertThat(((VolumeLabel.Barcode) eight.label().orElseThrow()).mediaIdentifier()).contains("L5");
    assertThat(((VolumeLabel.Barcode) six.label().orElseThrow()).mediaIdentifier()).isEmpty();
    assertThat(cleaner.isCleaningCartridge()).isTrue();
    assertThat(cleaner.mediumType()).isEqualTo(2);
    assertThat(eight.isCleaningCartridge()).isFalse();
    assertThat(inv.find("ABC124L5")).hasSize(1);
    assertThat(inv.find("ABC124")).hasSize(1);
  }

  /**
   * A short transfer (the emulator's short-data fault) cuts the storage page inside the fourth
   * descriptor's barcode: the three whole descriptors are kept, the cut one is dropped with a warning
   * carrying its bytes, and the reader carries on from it.
   */
  @ParameterizedTest
  @MethodSource("personalities")
  void shortElementDataKeepsWhatIsTrustworthyAndReadsTheRestAgain(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name, "ABC001L5", "ABC002L5", "ABC003L5", "ABC004L5", "ABC005L5");
    InventoryReader reader = f.reader();
    LibraryInventory clean = reader.read();
    int descriptor = 12 + 36 + 4;
    // commands after injection: MODE SENSE, READ ELEMENT STATUS of transports, then of storage
    f.lib.inject(UnitId.CHANGER, new Fault.ShortData(Trigger.nth(3), 16 + 3 * descriptor + 20));
    LibraryInventory inv = reader.read();

    assertThat(inv.storage()).isEqualTo(clean.storage());
    assertThat(inv.elements(ElementType.ALL)).isEqualTo(clean.elements(ElementType.ALL));
    assertThat(inv.warnings()).isNotEmpty().allMatch(w -> w.kind() == InventoryWarning.Kind.MALFORMED_DATA);
    assertThat(inv.warnings()).anyMatch(w -> w.message().contains("dropped") && !w.raw().isEmpty());
    assertThat(inv.isComplete()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void dataWithoutEvenAHeaderIsReportedWithItsBytesAndAskedForAgain(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name, "ABC001L5");
    InventoryReader reader = f.reader();
    LibraryInventory clean = reader.read();
    f.lib.inject(UnitId.CHANGER, new Fault.ShortData(Trigger.nth(3), 5));
    LibraryInventory inv = reader.read();

    assertThat(inv.elements(ElementType.ALL)).isEqualTo(clean.elements(ElementType.ALL));
    assertThat(inv.warnings()).singleElement().satisfies(w -> {
      assertThat(w.kind()).isEqualTo(InventoryWarning.Kind.MALFORMED_DATA);
      assertThat(w.raw().size()).isEqualTo(5);
    });
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void repeatedUnusableDataGivesUpOnThatElementTypeAloneAndSaysSo(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name, "ABC001L5");
    InventoryReader reader = f.reader();
    LibraryInventory clean = reader.read();
    for (int n = 3; n <= 5; n++) {
      f.lib.inject(UnitId.CHANGER, new Fault.ShortData(Trigger.nth(n), 5));
    }
    LibraryInventory inv = reader.read();

    assertThat(inv.isComplete()).isFalse();
    assertThat(inv.storage()).isEmpty();
    assertThat(inv.warnings(InventoryWarning.Kind.INCOMPLETE)).singleElement()
        .satisfies(w -> assertThat(w.type()).contains(ElementType.STORAGE));
    assertThat(inv.dataTransfer()).isEqualTo(clean.dataTransfer());
    assertThat(inv.importExport()).isEqualTo(clean.importExport());
    assertThat(inv.warnings(InventoryWarning.Kind.COUNT_MISMATCH)).hasSize(1);
  }

  /** A page 1Dh that counts 10 more slots than there are: paging goes by what the library reports. */
  @Test
  void countsDifferingFromPage1dAreReportedAndTheElementsReadAnyway() throws Exception {
    EmulatorFixture f = EmulatorFixture.of("hp-msl").wrapChanger(t -> new InterceptingTransport(t, req -> {
      if (req.cdb().opcode() != 0x1A) {
        return Optional.empty();
      }
      ElementAddressAssignmentPage lie = new ElementAddressAssignmentPage(ElementAddress.of(1), 1,
          ElementAddress.of(0x20), 58, ElementAddress.of(0x1C0), 3, ElementAddress.of(0x1E0), 2);
      return Optional.of(ScsiResult.good(ModeParameters.of(List.of(lie.toModePage())).encode6(), 0));
    }));
    LibraryInventory inv = f.reader().read();

    assertThat(inv.storage()).hasSize(48);
    assertThat(inv.warnings()).singleElement().satisfies(w -> {
      assertThat(w.kind()).isEqualTo(InventoryWarning.Kind.COUNT_MISMATCH);
      assertThat(w.message()).contains("58").contains("48");
    });
  }

  @Test
  void withoutModeSensePage1dEveryTypeIsReadFromAddressZero() throws Exception {
    EmulatorFixture f = EmulatorFixture.of("stk-sl500", "ABC001L4").wrapChanger(t -> new InterceptingTransport(t,
        req -> req.cdb().opcode() == 0x1A || req.cdb().opcode() == 0x5A
            ? Optional.of(ScsiResult.checkCondition(Sense.of(SenseKey.ILLEGAL_REQUEST, 0x20, 0x00).encodeFixed()))
            : Optional.empty()));
    LibraryInventory inv = f.reader().read();

    assertThat(inv.addressAssignment()).isEmpty();
    assertThat(inv.warnings()).extracting(InventoryWarning::kind)
        .containsExactly(InventoryWarning.Kind.NO_ADDRESS_ASSIGNMENT);
    for (ElementKind kind : ElementKind.values()) {
      assertThat(addresses(inv.elements(typeOf(kind)))).isEqualTo(f.addresses(kind));
    }
    assertThat(inv.storage().get(0).barcode()).contains("ABC001L4");
  }

  @Test
  void anIoStationShowsWhatTheOperatorPutInAndWhetherTheRobotCanReachIt() throws Exception {
    EmulatorFixture f = EmulatorFixture.of("stk-sl500");
    f.lib.operator().openStation();
    f.lib.operator().insert("IMP001L4");
    LibraryInventory open = f.reader().read();
    f.lib.operator().closeStation();
    LibraryInventory closed = f.reader().read();

    assertThat(open.importExport().get(0).accessible()).isFalse();
    assertThat(closed.importExport().get(0)).satisfies(e -> {
      assertThat(e.accessible()).isTrue();
      assertThat(e.importedByOperator()).isTrue();
      assertThat(e.barcode()).contains("IMP001L4");
    });
    assertThat(f.attentions).anyMatch(s -> s.is(SenseKey.UNIT_ATTENTION, 0x28, 0x01));
  }

  @Test
  void snapshotsAreUpdatedElementByElement() throws Exception {
    EmulatorFixture f = EmulatorFixture.of("ibm-ts3100", "ABC001L5");
    LibraryInventory inv = f.reader().read();
    InventoryElement slot = inv.storage().get(0);
    InventoryElement emptied = new InventoryElement(slot.type(), slot.address(), false, true, Optional.empty(),
        Optional.empty(), Optional.empty(), false, false, 0, Optional.empty());
    LibraryInventory after = inv.with(List.of(emptied));

    assertThat(after.storage().get(0).full()).isFalse();
    assertThat(inv.storage().get(0).full()).isTrue();
    assertThat(after.size()).isEqualTo(inv.size());
  }
}
