package org.vaultline.library.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.tinylog.Logger;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.CheckConditionException;
import org.vaultline.scsi.sense.InvalidFieldInCdbException;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.sense.ScsiException;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.sense.SenseKeySpecific;
import org.vaultline.scsi.smc.DataTransferElement;
import org.vaultline.scsi.smc.DeviceIdentifier;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.ElementAddressAssignmentPage;
import org.vaultline.scsi.smc.ElementState;
import org.vaultline.scsi.smc.ElementStatus;
import org.vaultline.scsi.smc.ElementStatusData;
import org.vaultline.scsi.smc.ElementStatusPage;
import org.vaultline.scsi.smc.ElementType;
import org.vaultline.scsi.smc.ImportExportElement;
import org.vaultline.scsi.smc.ParseWarning;
import org.vaultline.scsi.smc.ReadElementStatus;
import org.vaultline.scsi.smc.StorageElement;
import org.vaultline.scsi.smc.VolumeTag;
import org.vaultline.scsi.spc.ModePage;
import org.vaultline.scsi.spc.ModeParameters;
import org.vaultline.scsi.spc.ModeSense10;
import org.vaultline.scsi.spc.ModeSense6;
import org.vaultline.scsi.transport.ScsiExecutor;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.UnexpectedStatusException;

/**
 * Takes the inventory of a media changer: MODE SENSE (1Ah) for page 1Dh (element address assignment),
 * then READ ELEMENT STATUS (SMC-3 6.11, B8h) per element type, paged, in the ways REFERENCE §1 says real
 * libraries need:
 *
 * <ul>
 *   <li>at most {@link InventoryOptions#maxElementsPerRequest()} elements and FFFFh bytes per request
 *       (some changers read only the low 16 bits of the allocation length); a 5/24/00 answer halves the
 *       number of elements per request, for good (IBM TS4500: 5,376 at most);</li>
 *   <li>the allocation length is worked out from the descriptor length seen so far; when the header's
 *       byte count shows it was too small, the request is sent again with that byte count, and when
 *       even FFFFh is too small the reader pages on from the last element it got;</li>
 *   <li>volume tags for every type; drive identifiers (DVCID) in a request of its own, for data transfer
 *       elements only and without VOLTAG (IBM TS4500, 3584), and without them when the library refuses;</li>
 *   <li>paging goes by the addresses the library reports, so gaps (IBM 3584 drive bays) do no harm; the
 *       counts are then checked against page 1Dh;</li>
 *   <li>malformed or short data: the parser keeps the descriptors it can trust, the reader re-reads from
 *       the first one it lost, and every problem becomes an {@link InventoryWarning} with its bytes.</li>
 * </ul>
 *
 * Thread-safe; what it learns about the library (elements per request) it keeps.
 */
public final class InventoryReader {
  /** Bytes of a descriptor's common part. */
  private static final int COMMON = ElementStatusPage.COMMON_LENGTH;
  /** The 4-byte identification header IBM and StorageTek libraries send even without DVCID. */
  private static final int ID_HEADER = DeviceIdentifier.HEADER_LENGTH;
  /** A T10 vendor ID of a drive: 8 + 16 + serial; 40 covers the usual 10- to 16-character serials. */
  private static final int ID_GUESS = 40;
  /** Allocation for one element: the largest descriptor SMC-3 allows is 12 + 2 x 36 + 4 + 255. */
  private static final int ONE_ELEMENT_ALLOCATION = 512;
  private static final ElementType[] ORDER = {ElementType.MEDIUM_TRANSPORT, ElementType.STORAGE,
      ElementType.IMPORT_EXPORT, ElementType.DATA_TRANSFER};

  private final ScsiExecutor changer;
  private final InventoryOptions options;
  private final AtomicInteger elementsPerRequest;
  /** Set once an inventory showed no ACCESS bit anywhere: the library does not report it (tgt). */
  private final AtomicBoolean accessUnreported = new AtomicBoolean();

  public InventoryReader(ScsiExecutor changer, InventoryOptions options) {
    this.changer = changer;
    this.options = options;
    this.elementsPerRequest = new AtomicInteger(options.maxElementsPerRequest());
  }

  public InventoryReader(ScsiExecutor changer) {
    this(changer, InventoryOptions.DEFAULT);
  }

  public ScsiExecutor changer() {
    return changer;
  }

  public InventoryOptions options() {
    return options;
  }

  /** Elements per request as learned so far (at most the configured maximum). */
  public int elementsPerRequest() {
    return elementsPerRequest.get();
  }

  /**
   * A full inventory.
   *
   * @throws ScsiException when the library cannot be asked at all (not ready beyond the executor's
   *     retries, transport failure, or a refusal that is not about the request's size or DVCID)
   */
  public LibraryInventory read() throws ScsiException {
    Pass pass = new Pass();
    Optional<ElementAddressAssignmentPage> page = readAssignment(pass);
    Map<ElementType, List<InventoryElement>> byType = new LinkedHashMap<>();
    Map<Integer, ElementType> seen = new TreeMap<>();
    for (ElementType type : ORDER) {
      List<InventoryElement> list = new ArrayList<>();
      byType.put(type, list);
      if (page.isPresent() && page.get().count(type) == 0) {
        if (type == ElementType.IMPORT_EXPORT) {
          pass.warn(InventoryWarning.Kind.NO_IMPORT_EXPORT, type, null, "the library exposes no import/export"
              + " element over SCSI (page 1Dh counts none): the operator uses the library's own panel to"
              + " insert and remove cartridges", Bytes.EMPTY);
        }
        continue;
      }
      int start = page.map(p -> p.first(type).value()).orElse(0);
      int expected = page.map(p -> p.count(type)).orElse(-1);
      for (ElementStatus s : readType(pass, type, start, expected, true, false).values()) {
        ElementType earlier = seen.putIfAbsent(s.address().value(), type);
        if (earlier != null) {
          pass.warn(InventoryWarning.Kind.UNEXPECTED_ELEMENT, type, s.address(), "address reported as "
              + earlier.text() + " and as " + type.text() + " element; the first kept", Bytes.EMPTY);
          continue;
        }
        list.add(toElement(s));
      }
      if (page.isEmpty() && type == ElementType.IMPORT_EXPORT && list.isEmpty()) {
        pass.warn(InventoryWarning.Kind.NO_IMPORT_EXPORT, type, null,
            "the library reports no import/export element", Bytes.EMPTY);
      }
    }
    List<InventoryElement> drives = byType.get(ElementType.DATA_TRANSFER);
    if (options.readDeviceIdentifiers() && !drives.isEmpty()) {
      byType.put(ElementType.DATA_TRANSFER, identify(pass, drives));
    }
    if (page.isPresent()) {
      for (ElementType type : ORDER) {
        int expected = page.get().count(type);
        int got = byType.get(type).size();
        if (expected != got) {
          pass.warn(InventoryWarning.Kind.COUNT_MISMATCH, type, null, "page 1Dh counts " + expected + " "
              + type.text() + " element(s) from " + page.get().first(type) + ", READ ELEMENT STATUS reported "
              + got, Bytes.EMPTY);
        }
      }
    }
    if (!accessUnreported.get() && neverAccessible(byType)) {
      accessUnreported.set(true);
      pass.warn(InventoryWarning.Kind.ACCESS_NOT_REPORTED, null, null, "no storage, import/export or data transfer"
          + " element has ACCESS set: the library does not report it (tgt never does); every element is taken as"
          + " reachable by the robot, and a move the robot cannot make is left to the library to refuse",
          Bytes.EMPTY);
    }
    if (accessUnreported.get()) {
      byType.replaceAll((t, list) -> list.stream().map(this::adjusted).toList());
    }
    for (List<InventoryElement> list : byType.values()) {
      for (InventoryElement e : list) {
        if (e.label().orElse(null) instanceof VolumeLabel.Unlabelled u) {
          pass.warn(InventoryWarning.Kind.UNREADABLE_LABEL, e.type(), e.address(), "cartridge without a readable"
              + " barcode (" + u.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
              + u.condition().map(c -> ", " + c).orElse("") + ")", Bytes.EMPTY);
        }
      }
    }
    LibraryInventory inventory = new LibraryInventory(page, byType.get(ElementType.MEDIUM_TRANSPORT),
        byType.get(ElementType.STORAGE), byType.get(ElementType.IMPORT_EXPORT), byType.get(ElementType.DATA_TRANSFER),
        pass.warnings, new InventoryStatistics(pass.commands, pass.reissued, pass.halvings, elementsPerRequest.get()));
    Logger.info("Inventory of {}: {} elements ({} slots, {} drives, {} I/O cells) in {} READ ELEMENT STATUS"
        + " command(s), {} warning(s)", changer.transport().describe(), inventory.size(), inventory.storage().size(),
        inventory.dataTransfer().size(), inventory.importExport().size(), pass.commands, pass.warnings.size());
    return inventory;
  }

  /**
   * Reads one element with its volume tag (for a robot checking a move's source and destination).
   *
   * @return empty when the library has no element of {@code type} at {@code address}
   */
  public Optional<InventoryElement> read(ElementType type, ElementAddress address) throws ScsiException {
    int allocation = ONE_ELEMENT_ALLOCATION;
    for (int attempt = 0; ; attempt++) {
      ElementStatusData d = changer.execute(
          new ReadElementStatus(type, true, address, 1, false, false, false, allocation));
      if (d.reportLength() > allocation && d.reportLength() <= 0xFFFF && attempt == 0) {
        allocation = d.reportLength();
        continue;
      }
      if (!d.warnings().isEmpty()) {
        Logger.debug("READ ELEMENT STATUS of {} {}: {}", type.text(), address, d.warnings());
      }
      return d.elements().stream().filter(e -> e.type() == type && e.address().equals(address)).findFirst()
          .map(InventoryReader::toElement).map(this::adjusted);
    }
  }

  /**
   * Reads up to {@code count} elements of {@code type} from {@code first} on, with their volume tags, paged
   * and checked like a full inventory (for a rescan of the I/O station after the operator used it). Problems
   * with the answers are logged, not returned.
   *
   * @return the elements by address; fewer than {@code count} when the library has fewer from {@code first}
   */
  public List<InventoryElement> read(ElementType type, ElementAddress first, int count) throws ScsiException {
    if (count < 1) {
      return List.of();
    }
    Pass pass = new Pass(true);
    List<InventoryElement> out = new ArrayList<>();
    for (ElementStatus s : readType(pass, type, first.value(), count, true, false).values()) {
      if (out.size() < count) {
        out.add(adjusted(toElement(s)));
      }
    }
    return out;
  }

  /** Whether this library was found not to report ACCESS (see {@link InventoryWarning.Kind#ACCESS_NOT_REPORTED}). */
  public boolean accessUnreported() {
    return accessUnreported.get();
  }

  private static boolean neverAccessible(Map<ElementType, List<InventoryElement>> byType) {
    int counted = 0;
    for (ElementType t : List.of(ElementType.STORAGE, ElementType.IMPORT_EXPORT, ElementType.DATA_TRANSFER)) {
      for (InventoryElement e : byType.getOrDefault(t, List.of())) {
        if (e.accessible()) {
          return false;
        }
        counted++;
      }
    }
    return counted > 0;
  }

  /** The element as the robot should take it: reachable when the library does not report ACCESS. */
  private InventoryElement adjusted(InventoryElement e) {
    if (e.accessible() || !accessUnreported.get()) {
      return e;
    }
    return new InventoryElement(e.type(), e.address(), e.full(), true, e.label(), e.source(), e.except(),
        e.importedByOperator(), e.disabled(), e.mediumType(), e.deviceIdentifier());
  }

  private Optional<ElementAddressAssignmentPage> readAssignment(Pass pass) throws ScsiException {
    String failure;
    try {
      return assignment(changer.execute(ModeSense6.page(ElementAddressAssignmentPage.PAGE_CODE)));
    } catch (CheckConditionException e) {
      if (e.sense().key() != SenseKey.ILLEGAL_REQUEST) {
        throw e;
      }
      failure = e.getMessage();
    } catch (MalformedResponseException e) {
      failure = e.getMessage();
    }
    try {
      // some changers implement only the 10-byte MODE SENSE
      return assignment(changer.execute(ModeSense10.page(ElementAddressAssignmentPage.PAGE_CODE)));
    } catch (CheckConditionException e) {
      if (e.sense().key() != SenseKey.ILLEGAL_REQUEST) {
        throw e;
      }
      failure += "; " + e.getMessage();
    } catch (MalformedResponseException e) {
      failure += "; " + e.getMessage();
    }
    pass.warn(InventoryWarning.Kind.NO_ADDRESS_ASSIGNMENT, null, null, "element address assignment page 1Dh not"
        + " available (" + failure + "); every element type read from address 0", Bytes.EMPTY);
    return Optional.empty();
  }

  private static Optional<ElementAddressAssignmentPage> assignment(ModeParameters p)
      throws MalformedResponseException {
    Optional<ModePage> page = p.page(ElementAddressAssignmentPage.PAGE_CODE);
    if (page.isEmpty()) {
      throw new MalformedResponseException(0, "MODE SENSE returned no page 1Dh");
    }
    return Optional.of(ElementAddressAssignmentPage.from(page.get()));
  }

  /** Adds the drives' identifiers from a DVCID request of their own; carries on without them if refused. */
  private List<InventoryElement> identify(Pass pass, List<InventoryElement> drives) throws ScsiException {
    TreeMap<Integer, ElementStatus> ids;
    try {
      ids = readType(pass, ElementType.DATA_TRANSFER, drives.get(0).address().value(), drives.size(), false, true);
    } catch (DvcidRefused r) {
      pass.warn(InventoryWarning.Kind.DVCID_REFUSED, ElementType.DATA_TRANSFER, null, "the library refused"
          + " READ ELEMENT STATUS with DVCID (" + r.cause.getMessage() + "); drives cannot be matched to tape"
          + " devices by serial number", r.cause.sense().raw());
      return drives;
    }
    List<InventoryElement> out = new ArrayList<>();
    List<ElementAddress> without = new ArrayList<>();
    for (InventoryElement e : drives) {
      Optional<DeviceIdentifier> id = Optional.ofNullable(ids.get(e.address().value()))
          .flatMap(ElementStatus::identification);
      if (id.isEmpty()) {
        without.add(e.address());
      }
      out.add(e.withDeviceIdentifier(id));
    }
    if (!without.isEmpty()) {
      pass.warn(InventoryWarning.Kind.NO_DEVICE_IDENTIFIER, ElementType.DATA_TRANSFER, without.get(0),
          "no drive identifier (DVCID) for data transfer element(s) " + without, Bytes.EMPTY);
    }
    return out;
  }

  /** The library refused DVCID. */
  private static final class DvcidRefused extends ScsiException {
    private static final long serialVersionUID = 1L;
    final transient CheckConditionException cause;

    DvcidRefused(CheckConditionException cause) {
      super(cause.getMessage());
      this.cause = cause;
    }
  }

  /**
   * Every element of {@code type} from {@code start} upwards, by address. Pages by the addresses reported,
   * so it does not depend on page 1Dh's counts or on addresses being contiguous; {@code expected} (page
   * 1Dh's count, -1 when unknown) only sizes the requests: each asks for one element more than the count
   * leaves, so that a library with more elements than it counts is read to the end all the same.
   */
  private TreeMap<Integer, ElementStatus> readType(Pass pass, ElementType type, int start, int expected,
      boolean volTag, boolean dvcid) throws ScsiException {
    TreeMap<Integer, ElementStatus> got = new TreeMap<>();
    int next = start;
    int failures = 0;
    int reissuedAt = -1;
    int allocationOverride = -1;
    int descriptorLength = COMMON + (volTag ? VolumeTag.LENGTH : 0) + ID_HEADER + (dvcid ? ID_GUESS : 0);
    while (next <= 0xFFFF) {
      int n = elementsPerRequest.get();
      if (expected >= 0) {
        // one more than page 1Dh leaves to read: an answer with fewer shows there are no more
        n = Math.min(n, Math.max(1, expected - got.size() + 1));
      }
      int allocation = allocationOverride > 0 ? allocationOverride
          : (int) Math.min(options.maxAllocationLength(), InventoryOptions.HEADERS + (long) n * descriptorLength);
      allocationOverride = -1;
      ReadElementStatus request = new ReadElementStatus(type, volTag, ElementAddress.of(next), n, false, false,
          dvcid, allocation);
      ElementStatusData d;
      pass.commands++;
      Answer answer;
      try {
        answer = execute(request);
      } catch (InvalidFieldInCdbException e) {
        if (dvcid && pointsAtByte(e.sense(), 6)) {
          throw new DvcidRefused(e);
        }
        if (n > 1) {
          int half = n / 2;
          elementsPerRequest.getAndUpdate(c -> Math.min(c, half));
          pass.halvings++;
          pass.warn(InventoryWarning.Kind.CHUNK_HALVED, type, ElementAddress.of(next), "READ ELEMENT STATUS of " + n
              + " elements refused (" + e.sense().description() + "); asking for " + half + " per request from now on",
              e.sense().raw());
          continue;
        }
        if (dvcid) {
          throw new DvcidRefused(e);
        }
        throw e;
      } catch (CheckConditionException e) {
        if (dvcid && e.sense().key() == SenseKey.ILLEGAL_REQUEST) {
          throw new DvcidRefused(e);
        }
        throw e;
      }
      if (answer.data().isEmpty()) {
        pass.warn(InventoryWarning.Kind.MALFORMED_DATA, type, ElementAddress.of(next),
            "READ ELEMENT STATUS from " + ElementAddress.of(next) + " returned unusable data: " + answer.problem(),
            answer.raw());
        if (++failures >= options.attemptsPerRequest()) {
          giveUp(pass, type, next, failures);
          break;
        }
        continue;
      }
      d = answer.data().get();

      int longest = longestDescriptor(d, type);
      if (longest > 0) {
        descriptorLength = longest;
      }
      boolean tooSmall = d.reportLength() > allocation;
      if (tooSmall && d.reportLength() <= options.maxAllocationLength() && reissuedAt != next) {
        // the header's byte count says how much there is: ask again with exactly that
        reissuedAt = next;
        allocationOverride = d.reportLength();
        pass.reissued++;
        Logger.debug("READ ELEMENT STATUS of {} elements from {}: {} bytes available, {} allocated; re-issuing",
            type.text(), ElementAddress.of(next), d.reportLength(), allocation);
        continue;
      }
      if (tooSmall) {
        // more than one request may carry: page on from what arrived, with fewer elements per request
        int fit = Math.max(1,
            (options.maxAllocationLength() - InventoryOptions.HEADERS) / Math.max(1, descriptorLength));
        elementsPerRequest.getAndUpdate(c -> Math.min(c, fit));
      } else {
        for (ParseWarning w : d.warnings()) {
          pass.warn(InventoryWarning.Kind.MALFORMED_DATA, type, ElementAddress.of(next),
              "READ ELEMENT STATUS from " + ElementAddress.of(next) + ", at byte " + w.offset() + ": " + w.message(),
              w.raw());
        }
      }

      int decoded = 0;
      int highest = -1;
      for (ElementStatus e : d.elements()) {
        if (e.type() != type) {
          pass.warn(InventoryWarning.Kind.UNEXPECTED_ELEMENT, type, e.address(), e.type().text()
              + " element reported when " + type.text() + " elements were asked for; ignored", Bytes.EMPTY);
          continue;
        }
        decoded++;
        int a = e.address().value();
        highest = Math.max(highest, a);
        ElementStatus before = got.putIfAbsent(a, e);
        if (before != null && !before.equals(e)) {
          pass.warn(InventoryWarning.Kind.UNEXPECTED_ELEMENT, type, e.address(), "element reported twice with"
              + " different status; the first kept: " + before + " / " + e, Bytes.EMPTY);
        }
      }
      if (decoded == 0) {
        if (d.numberOfElementsAvailable() == 0 && d.warnings().isEmpty()) {
          break; // no (more) elements of this type
        }
        if (++failures >= options.attemptsPerRequest()) {
          giveUp(pass, type, next, failures);
          break;
        }
        continue;
      }
      if (highest < next) {
        // the library answered with addresses below the starting address: no progress
        if (++failures >= options.attemptsPerRequest()) {
          giveUp(pass, type, next, failures);
          break;
        }
        continue;
      }
      failures = 0;
      next = highest + 1;
      if (!tooSmall && d.isComplete() && d.warnings().isEmpty() && decoded < n && d.numberOfElementsAvailable() < n) {
        break; // the library had fewer than asked for: that was the last of them
      }
    }
    return got;
  }

  /** A READ ELEMENT STATUS answer: parsed, or the reason it did not parse; with the bytes as received. */
  private record Answer(Optional<ElementStatusData> data, Bytes raw, String problem) {
  }

  /**
   * Runs {@code request} through the executor's chain like {@link ScsiExecutor#execute}, but keeps the
   * received bytes, so that data without even a header is reported with its bytes rather than thrown.
   */
  private Answer execute(ReadElementStatus request) throws ScsiException {
    ScsiResult r = changer.executeRaw(ScsiRequest.of(request, changer.timeouts().timeoutFor(request)));
    if (r.isCheckCondition()) {
      Sense sense = ScsiExecutor.senseOf(request.name(), r);
      if (sense.key() != SenseKey.RECOVERED_ERROR) {
        throw CheckConditionException.of(request.name(), sense);
      }
    } else if (!r.isGood()) {
      throw new UnexpectedStatusException(request.name(), r.status());
    }
    try {
      return new Answer(Optional.of(request.parse(r.dataIn())), r.dataIn(), "");
    } catch (MalformedResponseException e) {
      return new Answer(Optional.empty(), r.dataIn(), e.getMessage());
    }
  }

  private void giveUp(Pass pass, ElementType type, int next, int failures) {
    pass.warn(InventoryWarning.Kind.INCOMPLETE, type, ElementAddress.of(next), failures + " unusable answer(s) in a"
        + " row; " + type.text() + " elements from " + ElementAddress.of(next) + " on are missing from this inventory",
        Bytes.EMPTY);
  }

  private static int longestDescriptor(ElementStatusData d, ElementType type) {
    int longest = 0;
    for (ElementStatusPage p : d.pages()) {
      if (p.elementType() == type) {
        longest = Math.max(longest, p.descriptorLength());
      }
    }
    return longest;
  }

  private static boolean pointsAtByte(Sense sense, int cdbByte) {
    return sense.senseKeySpecific().filter(s -> s instanceof SenseKeySpecific.FieldPointer f && f.inCdb()
        && f.fieldPointer() == cdbByte).isPresent();
  }

  /** The inventory's view of one element descriptor. */
  static InventoryElement toElement(ElementStatus s) {
    ElementState st = s.state();
    Optional<ExceptCondition> except = st.except()
        ? Optional.of(new ExceptCondition(st.asc(), st.ascq())) : Optional.empty();
    boolean access = true;
    boolean imported = false;
    if (s instanceof StorageElement e) {
      access = e.access();
    } else if (s instanceof ImportExportElement e) {
      access = e.access();
      imported = e.importExport();
    } else if (s instanceof DataTransferElement e) {
      access = e.access();
    }
    Optional<VolumeLabel> label = Optional.empty();
    if (st.full()) {
      label = Optional.of(label(st, except));
    }
    return new InventoryElement(s.type(), st.address(), st.full(), access, label, st.sourceAddress(), except, imported,
        st.elementDisabled(), st.mediumType(), st.identification());
  }

  private static VolumeLabel label(ElementState st, Optional<ExceptCondition> except) {
    if (st.primaryVolumeTag().isPresent()) {
      return new VolumeLabel.Barcode(st.primaryVolumeTag().get(), st.alternateVolumeTag());
    }
    // REFERENCE §1.9: IBM libraries flag a label not scanned with 83/00, some others "no label" with 83/01
    if (except.filter(c -> c.is(0x83, 0x00)).isPresent()) {
      return new VolumeLabel.Unlabelled(VolumeLabel.Reason.NOT_SCANNED, except);
    }
    if (except.filter(c -> c.is(0x83, 0x01)).isPresent()) {
      return new VolumeLabel.Unlabelled(VolumeLabel.Reason.NO_LABEL, except);
    }
    return new VolumeLabel.Unlabelled(VolumeLabel.Reason.BLANK, except);
  }

  /** What one inventory collects on its way. */
  private static final class Pass {
    final List<InventoryWarning> warnings = new ArrayList<>();
    /** A partial read repeated while polling (the I/O station): its warnings are logged at debug level. */
    final boolean quiet;
    int commands;
    int reissued;
    int halvings;

    Pass() {
      this(false);
    }

    Pass(boolean quiet) {
      this.quiet = quiet;
    }

    void warn(InventoryWarning.Kind kind, ElementType type, ElementAddress element, String message, Bytes raw) {
      InventoryWarning w = new InventoryWarning(kind, Optional.ofNullable(type), Optional.ofNullable(element), message,
          raw);
      warnings.add(w);
      if (quiet) {
        Logger.debug("Inventory: {}", w);
      } else {
        Logger.warn("Inventory: {}", w);
      }
    }
  }
}
