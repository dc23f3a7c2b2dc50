package org.vaultline.emulator.target;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.vaultline.emulator.CheckCondition;
import org.vaultline.emulator.EmulatedLibrary;
import org.vaultline.emulator.Initiator;
import org.vaultline.emulator.personality.ElementLayout;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.emulator.personality.Quirks;
import org.vaultline.emulator.personality.SenseCode;
import org.vaultline.emulator.physical.ElementKind;
import org.vaultline.emulator.physical.PhysicalElement;
import org.vaultline.emulator.physical.PhysicalLibrary;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.CommandSet;
import org.vaultline.scsi.DeviceType;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.smc.DataTransferElement;
import org.vaultline.scsi.smc.DeviceCapabilitiesPage;
import org.vaultline.scsi.smc.DeviceIdentifier;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.ElementAddressAssignmentPage;
import org.vaultline.scsi.smc.ElementState;
import org.vaultline.scsi.smc.ElementStatus;
import org.vaultline.scsi.smc.ElementStatusData;
import org.vaultline.scsi.smc.ElementStatusPage;
import org.vaultline.scsi.smc.ElementType;
import org.vaultline.scsi.smc.ExchangeMedium;
import org.vaultline.scsi.smc.ImportExportElement;
import org.vaultline.scsi.smc.InitializeElementStatus;
import org.vaultline.scsi.smc.InitializeElementStatusWithRange;
import org.vaultline.scsi.smc.MoveMedium;
import org.vaultline.scsi.smc.OpenCloseImportExportElement;
import org.vaultline.scsi.smc.PositionToElement;
import org.vaultline.scsi.smc.ReadElementStatus;
import org.vaultline.scsi.smc.StorageElement;
import org.vaultline.scsi.smc.TransportElement;
import org.vaultline.scsi.smc.TransportGeometryPage;
import org.vaultline.scsi.smc.VolumeTag;
import org.vaultline.scsi.spc.Inquiry;
import org.vaultline.scsi.spc.LogSense;
import org.vaultline.scsi.spc.ModePage;
import org.vaultline.scsi.spc.ModeParameters;
import org.vaultline.scsi.spc.ModeSense10;
import org.vaultline.scsi.spc.ModeSense6;
import org.vaultline.scsi.spc.PageControl;
import org.vaultline.scsi.spc.PreventAllowMediumRemoval;
import org.vaultline.scsi.spc.ReportLuns;
import org.vaultline.scsi.spc.RequestSense;
import org.vaultline.scsi.spc.SupportedLogPages;
import org.vaultline.scsi.spc.TestUnitReady;
import org.vaultline.scsi.ssc.TapeAlertPage;
import org.vaultline.scsi.transport.ScsiRequest;

/**
 * The media changer logical unit (SMC-3, peripheral device type 08h). Commands are decoded with the
 * {@code scsi} module's {@link CommandSet} for changers and dispatched by opcode from one table;
 * unknown opcodes get 5/20/00 and bad fields 5/24/00 with the field pointer, both from the decoder.
 * Vendor habits come from the personality's {@link Quirks}.
 */
public final class ChangerTarget implements Target {
  private static final CommandSet COMMANDS = CommandSet.forType(DeviceType.MEDIUM_CHANGER);

  @FunctionalInterface
  private interface Handler {
    Reply handle(Initiator who, Command<?> command, ScsiRequest request) throws CheckCondition;
  }

  private final EmulatedLibrary lib;
  private final UnitAttentions attentions = new UnitAttentions();
  private final Map<Integer, Handler> handlers = new HashMap<>();
  private final TreeSet<Integer> tapeAlerts = new TreeSet<>();

  public ChangerTarget(EmulatedLibrary lib) {
    this.lib = lib;
    handlers.put(TestUnitReady.OPCODE, (w, c, r) -> testUnitReady((TestUnitReady) c));
    handlers.put(RequestSense.OPCODE, (w, c, r) -> requestSense(w, (RequestSense) c));
    handlers.put(Inquiry.OPCODE, (w, c, r) -> Reply.data(SpcResponder.inquiry((Inquiry<?>) c, DeviceType.MEDIUM_CHANGER,
        false, personality().changer())));
    handlers.put(ReportLuns.OPCODE, (w, c, r) -> Reply.data(SpcResponder.reportLuns((ReportLuns) c)));
    handlers.put(ModeSense6.OPCODE, (w, c, r) -> modeSense6((ModeSense6) c));
    handlers.put(ModeSense10.OPCODE, (w, c, r) -> modeSense10((ModeSense10) c));
    handlers.put(LogSense.OPCODE, (w, c, r) -> logSense(c));
    handlers.put(PreventAllowMediumRemoval.OPCODE, (w, c, r) -> prevent(w, (PreventAllowMediumRemoval) c));
    handlers.put(ReadElementStatus.OPCODE, (w, c, r) -> readElementStatus((ReadElementStatus) c));
    handlers.put(MoveMedium.OPCODE, (w, c, r) -> moveMedium((MoveMedium) c));
    handlers.put(ExchangeMedium.OPCODE, (w, c, r) -> exchangeMedium((ExchangeMedium) c));
    handlers.put(InitializeElementStatus.OPCODE, (w, c, r) -> initializeElementStatus(OptionalInt.empty(), 0));
    handlers.put(InitializeElementStatusWithRange.OPCODE, (w, c, r) -> initializeWithRange((InitializeElementStatusWithRange) c));
    handlers.put(PositionToElement.OPCODE, (w, c, r) -> positionToElement((PositionToElement) c));
    handlers.put(OpenCloseImportExportElement.OPCODE, (w, c, r) -> openClose(w, (OpenCloseImportExportElement) c));
  }

  private Personality personality() {
    return lib.personality();
  }

  private PhysicalLibrary physical() {
    return lib.physical();
  }

  private Quirks quirks() {
    return personality().quirks();
  }

  @Override
  public UnitAttentions attentions() {
    return attentions;
  }

  /** Library TapeAlert flags (SMC-3 Annex / LOG SENSE page 2Eh) to report, cleared once read. */
  public TreeSet<Integer> tapeAlerts() {
    return tapeAlerts;
  }

  @Override
  public Reply execute(Initiator who, ScsiRequest request) throws CheckCondition {
    Command<?> command;
    try {
      command = COMMANDS.decode(request.cdb());
    } catch (InvalidCdbException e) {
      throw new CheckCondition(e.toSense());
    }
    Handler h = handlers.get(request.cdb().opcode());
    if (h == null) {
      // decodable, but a changer we emulate does not do it (MODE SELECT, REPORT SUPPORTED OPCODES ...)
      throw new CheckCondition(Sense.of(SenseKey.ILLEGAL_REQUEST, 0x20, 0x00)
          .withCdbFieldPointer(0, OptionalInt.empty()));
    }
    int op = request.cdb().opcode();
    boolean exempt = op == 0x12 || op == 0x03 || op == 0xA0 || op == 0x1A || op == 0x5A || op == 0x4D;
    if (physical().isPaused() && !exempt) {
      throw new CheckCondition(quirks().pausedSense().toSense());
    }
    return h.handle(who, command, request);
  }

  // ---- SPC ----

  private Reply testUnitReady(TestUnitReady c) {
    return Reply.GOOD;
  }

  private Reply requestSense(Initiator who, RequestSense c) {
    Optional<SenseCode> ua = attentions.take(who);
    Optional<SenseCode> notReady = physical().isPaused() ? Optional.of(quirks().pausedSense()) : Optional.empty();
    return Reply.data(SpcResponder.requestSense(c, ua, notReady));
  }

  private Reply prevent(Initiator who, PreventAllowMediumRemoval c) {
    // byte 4 bits 1..0: PREVENT; for a changer it locks the I/O station (SMC-3 6.x)
    if (c.prevent() != 0) {
      lib.preventing().add(who);
    } else {
      lib.preventing().remove(who);
    }
    return Reply.GOOD;
  }

  private Reply logSense(Command<?> c) throws CheckCondition {
    if (c instanceof LogSense.SupportedPages s) {
      return Reply.data(SpcResponder.fit(SupportedLogPages.of(0x00, TapeAlertPage.PAGE_CODE).encode(),
          s.allocationLength()));
    }
    LogSense l = (LogSense) c;
    if (l.pageCode() != TapeAlertPage.PAGE_CODE || l.subpageCode() != 0) {
      throw SpcResponder.invalidField(2, -1);
    }
    long flags = 0;
    for (int f : tapeAlerts) {
      flags |= 1L << (f - 1);
    }
    tapeAlerts.clear();
    return Reply.data(SpcResponder.fit(new TapeAlertPage(flags, TapeAlertPage.ALL, List.of()).encode(),
        l.allocationLength()));
  }

  // ---- MODE SENSE 1Dh, 1Eh, 1Fh ----

  private Reply modeSense6(ModeSense6 c) throws CheckCondition {
    ModeParameters p = modeParameters(c.pageControl(), c.pageCode(), c.subpageCode());
    return Reply.data(SpcResponder.fit(p.encode6(), c.allocationLength()));
  }

  private Reply modeSense10(ModeSense10 c) throws CheckCondition {
    ModeParameters p = modeParameters(c.pageControl(), c.pageCode(), c.subpageCode());
    return Reply.data(SpcResponder.fit(p.encode10(), c.allocationLength()));
  }

  private ModeParameters modeParameters(PageControl pc, int pageCode, int subpage) throws CheckCondition {
    if (subpage != 0 && subpage != ModePage.ALL_SUBPAGES) {
      throw SpcResponder.invalidField(3, -1);
    }
    List<ModePage> pages = new ArrayList<>();
    switch (pageCode) {
      case ElementAddressAssignmentPage.PAGE_CODE -> pages.add(elementAddressAssignment());
      case TransportGeometryPage.PAGE_CODE -> pages.add(transportGeometry());
      case DeviceCapabilitiesPage.PAGE_CODE -> pages.add(deviceCapabilities());
      case ModePage.ALL_PAGES -> {
        pages.add(elementAddressAssignment());
        pages.add(transportGeometry());
        pages.add(deviceCapabilities());
      }
      default -> throw SpcResponder.invalidField(2, 5);
    }
    if (pc == PageControl.CHANGEABLE) {
      // nothing on these pages can be changed: same pages, all bits zero
      pages.replaceAll(p -> ModePage.of(p.pageCode(), Bytes.zeros(p.body().size())));
    }
    return ModeParameters.of(pages);
  }

  private ModePage elementAddressAssignment() {
    ElementLayout l = personality().layout();
    int[] first = new int[5];
    int[] count = new int[5];
    for (ElementKind k : ElementKind.values()) {
      List<Integer> a = exposedAddresses(k);
      first[k.code()] = a.isEmpty() ? 0 : a.get(0);
      count[k.code()] = a.size();
    }
    return new ElementAddressAssignmentPage(ElementAddress.of(first[1]), count[1], ElementAddress.of(first[2]),
        count[2], ElementAddress.of(first[3]), count[3], ElementAddress.of(first[4]), count[4]).toModePage();
  }

  private ModePage transportGeometry() {
    List<TransportGeometryPage.Transport> t = new ArrayList<>();
    for (int i = 0; i < personality().layout().count(ElementKind.MEDIUM_TRANSPORT); i++) {
      t.add(new TransportGeometryPage.Transport(false, i));
    }
    return new TransportGeometryPage(t).toModePage();
  }

  private ModePage deviceCapabilities() {
    Set<ElementType> types = EnumSet.of(ElementType.MEDIUM_TRANSPORT, ElementType.STORAGE,
        ElementType.DATA_TRANSFER);
    if (!exposedAddresses(ElementKind.IMPORT_EXPORT).isEmpty()) {
      types.add(ElementType.IMPORT_EXPORT);
    }
    Set<ElementType> storage = EnumSet.copyOf(types);
    storage.remove(ElementType.MEDIUM_TRANSPORT);
    Map<ElementType, Set<ElementType>> any = new EnumMap<>(ElementType.class);
    for (ElementType t : types) {
      any.put(t, EnumSet.copyOf(types));
    }
    return new DeviceCapabilitiesPage(storage, any, any).toModePage();
  }

  // ---- element addressing ----

  /** The addresses of {@code kind} that the changer shows over SCSI (none for a hidden I/O station). */
  private List<Integer> exposedAddresses(ElementKind kind) {
    if (kind == ElementKind.IMPORT_EXPORT && quirks().noImportExport()) {
      return List.of();
    }
    return personality().layout().addresses(kind);
  }

  private boolean exposed(PhysicalElement e) {
    return !(e.kind() == ElementKind.IMPORT_EXPORT && quirks().noImportExport());
  }

  /**
   * The element at {@code address}, which a MOVE-like CDB names at byte {@code cdbByte}: 5/21/01 when
   * there is none, or the personality's sense for an empty drive bay.
   */
  private PhysicalElement element(ElementAddress address, int cdbByte) throws CheckCondition {
    Optional<PhysicalElement> e = physical().element(address.value()).filter(this::exposed);
    if (e.isPresent()) {
      return e.get();
    }
    if (personality().layout().isDriveGap(address.value()) && personality().driveGapSense().isPresent()) {
      throw new CheckCondition(personality().driveGapSense().get().toSense()
          .withCdbFieldPointer(cdbByte, OptionalInt.empty()));
    }
    throw SpcResponder.invalidAddress(cdbByte);
  }

  /** The transport a command names at byte 2: 0 (let the library choose) or a transport address. */
  private int transport(ElementAddress address) throws CheckCondition {
    if (address.value() != 0) {
      PhysicalElement e = element(address, 2);
      if (e.kind() != ElementKind.MEDIUM_TRANSPORT) {
        throw SpcResponder.invalidAddress(2);
      }
    }
    return physical().transportFor(address.value());
  }

  // ---- READ ELEMENT STATUS ----

  private Reply readElementStatus(ReadElementStatus c) throws CheckCondition {
    Quirks q = quirks();
    if (q.maxElementsPerRead().isPresent() && c.numberOfElements() > q.maxElementsPerRead().getAsInt()) {
      // IBM TS4500: more than 5,376 elements in one request is an invalid field
      throw SpcResponder.invalidField(4, -1);
    }
    if (c.dvcid() && q.dvcidDrivesOnly() && (c.elementType() != ElementType.DATA_TRANSFER || c.volTag())) {
      // IBM 3584/TS4500: DVCID only for data transfer elements and without VOLTAG
      throw SpcResponder.invalidField(6, 0);
    }
    int allocation = q.allocationLength16Bits() ? c.allocationLength() & 0xFFFF : c.allocationLength();
    List<PhysicalElement> chosen = new ArrayList<>();
    for (PhysicalElement e : physical().elements()) {
      if (chosen.size() >= c.numberOfElements()) {
        break;
      }
      if (e.address() >= c.startingAddress().value() && exposed(e)
          && (c.elementType() == ElementType.ALL || e.kind().code() == c.elementType().code())) {
        chosen.add(e);
      }
    }
    List<ElementStatusPage> pages = new ArrayList<>();
    int i = 0;
    while (i < chosen.size()) {
      ElementKind kind = chosen.get(i).kind();
      List<ElementStatus> run = new ArrayList<>();
      boolean alternates = false;
      while (i < chosen.size() && chosen.get(i).kind() == kind) {
        ElementStatus s = descriptor(chosen.get(i), c.volTag(), c.dvcid());
        alternates |= s.state().alternateVolumeTag().isPresent();
        run.add(s);
        i++;
      }
      pages.add(ElementStatusPage.of(ElementType.fromCode(kind.code()).orElseThrow(), c.volTag(),
          c.volTag() && alternates, run));
    }
    ElementStatusData data = pages.isEmpty()
        ? new ElementStatusData(ElementAddress.of(0), 0, 0, List.of(), List.of())
        : ElementStatusData.of(pages);
    return Reply.data(SpcResponder.fit(data.encode(), allocation));
  }

  private ElementStatus descriptor(PhysicalElement e, boolean volTag, boolean dvcid) {
    org.vaultline.emulator.physical.ElementState s = physical().status(e.address());
    ElementState st = ElementState.empty(ElementAddress.of(e.address())).withFull(s.full())
        .withMediumType(s.mediumType());
    if (s.except().isPresent()) {
      st = st.withException(s.except().get().asc(), s.except().get().ascq());
    }
    if (s.source().isPresent()) {
      st = st.withSource(ElementAddress.of(s.source().getAsInt()), false);
    }
    if (volTag && s.primaryTag().isPresent()) {
      st = st.withPrimaryVolumeTag(VolumeTag.of(s.primaryTag().get()));
    }
    if (volTag && s.alternateTag().isPresent()) {
      st = st.withAlternateVolumeTag(VolumeTag.of(s.alternateTag().get()));
    }
    if (dvcid && s.driveSerial().isPresent()) {
      st = st.withIdentification(DeviceIdentifier.t10VendorId(personality().drive().vendor(),
          personality().drive().product(), s.driveSerial().get()));
    }
    return switch (e.kind()) {
      case MEDIUM_TRANSPORT -> new TransportElement(st);
      case STORAGE -> new StorageElement(st, s.access());
      case IMPORT_EXPORT -> new ImportExportElement(st, s.access(), s.impExp(), true, true, false, false);
      case DATA_TRANSFER -> new DataTransferElement(st, s.access(), false, false, false, 0, 0);
    };
  }

  // ---- moves ----

  private Reply moveMedium(MoveMedium c) throws CheckCondition {
    int mt = transport(c.transport());
    PhysicalElement src = element(c.source(), 4);
    PhysicalElement dst = element(c.destination(), 6);
    if (c.invert()) {
      throw SpcResponder.invalidField(10, 0);
    }
    Instant now = lib.clock().now();
    Instant free = physical().robotFreeAt(mt);
    if (free.isAfter(now)) {
      return Reply.retryAt(free);
    }
    Instant done = physical().move(mt, src.address(), dst.address(), now);
    return finish(done);
  }

  private Reply exchangeMedium(ExchangeMedium c) throws CheckCondition {
    int mt = transport(c.transport());
    PhysicalElement src = element(c.source(), 4);
    PhysicalElement d1 = element(c.firstDestination(), 6);
    PhysicalElement d2 = element(c.secondDestination(), 8);
    if (c.invert1()) {
      throw SpcResponder.invalidField(10, 1);
    }
    if (c.invert2()) {
      throw SpcResponder.invalidField(10, 0);
    }
    Instant now = lib.clock().now();
    Instant free = physical().robotFreeAt(mt);
    if (free.isAfter(now)) {
      return Reply.retryAt(free);
    }
    return finish(physical().exchange(mt, src.address(), d1.address(), d2.address(), now));
  }

  /** GOOD when the robot is done, or at once for a library that reports moves before they are done. */
  private Reply finish(Instant done) {
    return quirks().moveReportedEarly() ? Reply.GOOD : Reply.at(done);
  }

  private Reply initializeWithRange(InitializeElementStatusWithRange c) throws CheckCondition {
    if (!c.range()) {
      return initializeElementStatus(OptionalInt.empty(), 0);
    }
    return initializeElementStatus(OptionalInt.of(c.startingAddress().value()), c.numberOfElements());
  }

  private Reply initializeElementStatus(OptionalInt start, int count) {
    int mt = physical().transportFor(0);
    Instant now = lib.clock().now();
    Instant free = physical().robotFreeAt(mt);
    if (free.isAfter(now)) {
      return Reply.retryAt(free);
    }
    int n = 0;
    for (PhysicalElement e : physical().elements()) {
      if (exposed(e) && e.kind() != ElementKind.MEDIUM_TRANSPORT
          && (start.isEmpty() || e.address() >= start.getAsInt() && n < count)) {
        n++;
      }
    }
    return Reply.at(physical().inventory(mt, n, now));
  }

  private Reply positionToElement(PositionToElement c) throws CheckCondition {
    int mt = transport(c.transport());
    element(c.destination(), 4);
    if (c.invert()) {
      throw SpcResponder.invalidField(8, 0);
    }
    Instant now = lib.clock().now();
    Instant free = physical().robotFreeAt(mt);
    if (free.isAfter(now)) {
      return Reply.retryAt(free);
    }
    return Reply.at(physical().position(mt, now));
  }

  private Reply openClose(Initiator who, OpenCloseImportExportElement c) throws CheckCondition {
    PhysicalElement e = element(c.element(), 2);
    if (e.kind() != ElementKind.IMPORT_EXPORT) {
      throw SpcResponder.invalidAddress(2);
    }
    boolean open = c.action() == OpenCloseImportExportElement.Action.OPEN;
    if (physical().station(e.station()).isOpen() != open) {
      if (open) {
        physical().openStation(e.station());
      } else {
        physical().closeStation(e.station());
      }
      // the initiator that asked knows; everyone else learns it from 6/28/01
      for (Initiator other : attentions.known()) {
        if (!other.equals(who)) {
          attentions.raise(other, 0x28, 0x01);
        }
      }
    }
    return Reply.GOOD;
  }
}
