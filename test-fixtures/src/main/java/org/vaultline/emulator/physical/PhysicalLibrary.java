package org.vaultline.emulator.physical;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.vaultline.emulator.CheckCondition;
import org.vaultline.emulator.personality.ElementLayout;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.emulator.personality.SenseCode;
import org.vaultline.scsi.sense.SenseKey;

/**
 * Where every cartridge is, what the robot is doing and what the drives hold: the library as a machine,
 * without SCSI. Time is passed in; robot moves are transits that arrive at a given instant and are
 * applied by {@link #settle(Instant)}, which every caller runs first. Not thread-safe: the emulator
 * guards it with one lock.
 */
public final class PhysicalLibrary {

  /** A cartridge in a robot's gripper on its way from {@code source} to {@code destination}. */
  public record Transit(int transport, int source, int destination, Instant arriveAt) {
  }

  private final Personality personality;
  private final MediaStore store;
  private final TreeMap<Integer, PhysicalElement> elements = new TreeMap<>();
  private final List<IoStation> stations = new ArrayList<>();
  private final TreeMap<Integer, TapeDrive> drives = new TreeMap<>();
  private final List<Transit> transits = new ArrayList<>();
  private final Map<Integer, Instant> busyUntil = new HashMap<>();
  private boolean paused;
  private int unlabelledCount;

  public PhysicalLibrary(Personality personality, MediaStore store) {
    this.personality = personality;
    this.store = store;
    ElementLayout layout = personality.layout();
    for (int a : layout.addresses(ElementKind.MEDIUM_TRANSPORT)) {
      elements.put(a, new PhysicalElement(a, ElementKind.MEDIUM_TRANSPORT, -1));
    }
    for (int a : layout.addresses(ElementKind.STORAGE)) {
      elements.put(a, new PhysicalElement(a, ElementKind.STORAGE, -1));
    }
    List<Integer> ie = layout.addresses(ElementKind.IMPORT_EXPORT);
    for (int i = 0; i < ie.size(); i += layout.stationSize()) {
      List<Integer> group = ie.subList(i, Math.min(ie.size(), i + layout.stationSize()));
      int index = stations.size();
      stations.add(new IoStation(index, group));
      for (int a : group) {
        elements.put(a, new PhysicalElement(a, ElementKind.IMPORT_EXPORT, index));
      }
    }
    int n = 0;
    for (int a : layout.addresses(ElementKind.DATA_TRANSFER)) {
      PhysicalElement bay = new PhysicalElement(a, ElementKind.DATA_TRANSFER, -1);
      elements.put(a, bay);
      drives.put(a, new TapeDrive(n, bay, personality.driveSerial(n), store));
      n++;
    }
  }

  public Personality personality() {
    return personality;
  }

  public MediaStore store() {
    return store;
  }

  public Optional<PhysicalElement> element(int address) {
    return Optional.ofNullable(elements.get(address));
  }

  /** Every element in address order. */
  public List<PhysicalElement> elements() {
    return List.copyOf(elements.values());
  }

  /** Elements of {@code kind} in address order. */
  public List<PhysicalElement> elements(ElementKind kind) {
    List<PhysicalElement> out = new ArrayList<>();
    for (PhysicalElement e : elements.values()) {
      if (e.kind() == kind) {
        out.add(e);
      }
    }
    return out;
  }

  public List<IoStation> stations() {
    return Collections.unmodifiableList(stations);
  }

  public List<TapeDrive> drives() {
    return List.copyOf(drives.values());
  }

  public Optional<TapeDrive> driveAt(int address) {
    return Optional.ofNullable(drives.get(address));
  }

  public TapeDrive drive(int index) {
    return drives().get(index);
  }

  public List<Transit> transits() {
    return List.copyOf(transits);
  }

  public boolean isPaused() {
    return paused;
  }

  public void setPaused(boolean p) {
    paused = p;
  }

  /** Applies every transit and drive action due by {@code now}. */
  public void settle(Instant now) {
    transits.sort((a, b) -> a.arriveAt().compareTo(b.arriveAt()));
    while (!transits.isEmpty() && !transits.get(0).arriveAt().isAfter(now)) {
      arrive(transits.remove(0));
    }
    for (TapeDrive d : drives.values()) {
      d.settle(now);
    }
  }

  private void arrive(Transit t) {
    Cartridge c = elements.get(t.transport()).take();
    PhysicalElement dest = elements.get(t.destination());
    dest.put(c, t.source(), false);
    TapeDrive drive = drives.get(t.destination());
    if (drive != null) {
      drive.inserted(t.arriveAt(), personality.timing().load());
    }
  }

  /**
   * The transport a move uses: the one addressed, or for address 0 (SMC-3: the default transport) the
   * first that is free soonest.
   */
  public int transportFor(int requested) {
    if (elements.containsKey(requested) && elements.get(requested).kind() == ElementKind.MEDIUM_TRANSPORT) {
      return requested;
    }
    int best = -1;
    for (PhysicalElement e : elements(ElementKind.MEDIUM_TRANSPORT)) {
      if (best < 0 || robotFreeAt(e.address()).isBefore(robotFreeAt(best))) {
        best = e.address();
      }
    }
    return best;
  }

  /** When {@code transport} has finished what it is doing. */
  public Instant robotFreeAt(int transport) {
    Instant t = busyUntil.getOrDefault(transport, Instant.EPOCH);
    for (Transit x : transits) {
      if (x.transport() == transport && x.arriveAt().isAfter(t)) {
        t = x.arriveAt();
      }
    }
    return t;
  }

  private boolean reserved(int address) {
    for (Transit t : transits) {
      if (t.destination() == address) {
        return true;
      }
    }
    return false;
  }

  /**
   * Starts MOVE MEDIUM (SMC-3 6.9) on a transport that is free by {@code now} (wait for
   * {@link #robotFreeAt} first; a busy one is an IllegalStateException).
   *
   * @return when the command is complete: the cartridge placed and, in a drive, loaded
   * @throws CheckCondition 5/3B/0E source empty, 5/3B/0D destination full, the personality's sense for
   *     an open I/O station door or a drive that still holds its cartridge
   */
  public Instant move(int transport, int source, int destination, Instant now) throws CheckCondition {
    settle(now);
    PhysicalElement src = existing(source);
    PhysicalElement dst = existing(destination);
    checkReachable(src);
    checkReachable(dst);
    if (!src.isFull()) {
      throw CheckCondition.of(SenseKey.ILLEGAL_REQUEST, 0x3B, 0x0E);
    }
    if (source != destination && (dst.isFull() || reserved(destination))) {
      throw CheckCondition.of(SenseKey.ILLEGAL_REQUEST, 0x3B, 0x0D);
    }
    checkRemovable(src);
    requireFree(transport, now);
    Instant arrive = now.plus(personality.timing().move());
    if (source == destination) {
      busyUntil.put(transport, arrive);
      return arrive;
    }
    pick(src, transport);
    transits.add(new Transit(transport, source, destination, arrive));
    return drives.containsKey(destination) ? arrive.plus(personality.timing().load()) : arrive;
  }

  /**
   * Starts EXCHANGE MEDIUM (SMC-3 6.2): the cartridge at {@code first} goes to {@code second}, then the one
   * at {@code source} goes to {@code first}. {@code second} may equal {@code source} (a swap).
   */
  public Instant exchange(int transport, int source, int first, int second, Instant now) throws CheckCondition {
    settle(now);
    PhysicalElement src = existing(source);
    PhysicalElement d1 = existing(first);
    PhysicalElement d2 = existing(second);
    checkReachable(src);
    checkReachable(d1);
    checkReachable(d2);
    if (!src.isFull() || !d1.isFull() || first == source) {
      throw CheckCondition.of(SenseKey.ILLEGAL_REQUEST, 0x3B, 0x0E);
    }
    if (second != source && (d2.isFull() || reserved(second))) {
      throw CheckCondition.of(SenseKey.ILLEGAL_REQUEST, 0x3B, 0x0D);
    }
    checkRemovable(src);
    checkRemovable(d1);
    Duration move = personality.timing().move();
    requireFree(transport, now);
    Instant start = now;
    // one gripper: carry the first destination's cartridge away, then bring the source's one over.
    Cartridge fromFirst = d1.take();
    dropDrive(first);
    Cartridge fromSource = src.take();
    dropDrive(source);
    PhysicalElement gripper = elements.get(transport);
    gripper.put(fromSource, source, false);
    d2.put(fromFirst, first, false);
    if (drives.containsKey(second)) {
      drives.get(second).inserted(start.plus(move), personality.timing().load());
    }
    Instant arrive = start.plus(move.multipliedBy(2));
    transits.add(new Transit(transport, source, first, arrive));
    return drives.containsKey(first) || drives.containsKey(second)
        ? arrive.plus(personality.timing().load()) : arrive;
  }

  /** INITIALIZE ELEMENT STATUS [WITH RANGE]: the robot scans {@code count} elements. */
  public Instant inventory(int transport, int count, Instant now) {
    settle(now);
    Instant start = later(now, robotFreeAt(transport));
    Instant done = start.plus(personality.timing().inventory(count));
    busyUntil.put(transport, done);
    return done;
  }

  /** POSITION TO ELEMENT: one robot motion without a cartridge. */
  public Instant position(int transport, Instant now) {
    settle(now);
    Instant start = later(now, robotFreeAt(transport));
    Instant done = start.plus(personality.timing().move().dividedBy(2));
    busyUntil.put(transport, done);
    return done;
  }

  /** LOAD of an ejected cartridge; returns when it will be ready. */
  public Instant load(TapeDrive d, Instant now) {
    settle(now);
    return d.load(now, personality.timing().load());
  }

  /** Rewind and eject; returns when the cartridge will be out. */
  public Instant unload(TapeDrive d, Instant now) {
    settle(now);
    return d.unload(now, personality.timing().load());
  }

  private void requireFree(int transport, Instant now) {
    if (robotFreeAt(transport).isAfter(now)) {
      throw new IllegalStateException(String.format("transport 0x%04X is busy until %s; wait for it first",
          transport, robotFreeAt(transport)));
    }
  }

  private void pick(PhysicalElement src, int transport) {
    int from = src.address();
    Cartridge c = src.take();
    dropDrive(from);
    elements.get(transport).put(c, from, false);
  }

  private void dropDrive(int address) {
    TapeDrive d = drives.get(address);
    if (d != null) {
      d.removed();
    }
  }

  private PhysicalElement existing(int address) {
    PhysicalElement e = elements.get(address);
    if (e == null) {
      throw new IllegalArgumentException(String.format("no element at 0x%04X", address));
    }
    return e;
  }

  private void checkReachable(PhysicalElement e) throws CheckCondition {
    if (e.kind() == ElementKind.IMPORT_EXPORT && stations.get(e.station()).isOpen()) {
      throw new CheckCondition(personality.doorOpenSense().toSense());
    }
  }

  private void checkRemovable(PhysicalElement e) throws CheckCondition {
    TapeDrive d = drives.get(e.address());
    if (d != null && d.state() != TapeDrive.Mechanism.UNLOADED && d.state() != TapeDrive.Mechanism.EMPTY) {
      throw new CheckCondition(personality.driveLoadedSense().toSense());
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** What READ ELEMENT STATUS shows for {@code address}. */
  public ElementState status(int address) {
    PhysicalElement e = existing(address);
    Optional<Cartridge> c = e.cartridge();
    boolean access = switch (e.kind()) {
      case MEDIUM_TRANSPORT -> false;
      case STORAGE -> true;
      case IMPORT_EXPORT -> !stations.get(e.station()).isOpen();
      case DATA_TRANSFER -> {
        TapeDrive.Mechanism m = drives.get(address).state();
        yield m == TapeDrive.Mechanism.EMPTY || m == TapeDrive.Mechanism.UNLOADED;
      }
    };
    Optional<String> primary = Optional.empty();
    Optional<String> alternate = Optional.empty();
    Optional<SenseCode> except = Optional.empty();
    if (c.isPresent() && c.get().label().isPresent()) {
      Label l = c.get().label().get();
      boolean readable = l.readable() && !personality.quirks().unreadableBarcodes().contains(l.primary());
      if (readable) {
        primary = Optional.of(l.primary());
        alternate = l.alternate();
      } else {
        except = personality.quirks().unreadableLabelSense();
      }
    }
    Optional<String> serial = drives.containsKey(address)
        ? Optional.of(drives.get(address).serial()) : Optional.empty();
    return new ElementState(address, e.kind(), c.isPresent(), access,
        e.kind() == ElementKind.IMPORT_EXPORT && e.placedByOperator(), except, e.source(), primary, alternate,
        serial, c.map(x -> x.media().smcMediumType()).orElse(0));
  }

  // ---- operator side ----

  public IoStation station(int index) {
    if (index < 0 || index >= stations.size()) {
      throw new IllegalArgumentException("no I/O station " + index + "; the library has " + stations.size());
    }
    return stations.get(index);
  }

  public void openStation(int index) {
    station(index).setOpen(true);
  }

  public void closeStation(int index) {
    station(index).setOpen(false);
  }

  /** The operator puts {@code c} into I/O station cell {@code address}; the door must be open. */
  public void insert(int address, Cartridge c) {
    PhysicalElement e = existing(address);
    if (e.kind() != ElementKind.IMPORT_EXPORT) {
      throw new IllegalArgumentException(String.format("0x%04X is not an I/O station cell", address));
    }
    if (!stations.get(e.station()).isOpen()) {
      throw new IllegalStateException("open I/O station " + e.station() + " before inserting");
    }
    if (e.isFull()) {
      throw new IllegalStateException(String.format("I/O station cell 0x%04X already holds %s", address,
          e.cartridge().orElseThrow().displayName()));
    }
    checkUnique(c);
    e.put(c, -1, true);
  }

  /** The operator takes the cartridge out of I/O station cell {@code address}; the door must be open. */
  public Cartridge remove(int address) {
    PhysicalElement e = existing(address);
    if (e.kind() != ElementKind.IMPORT_EXPORT) {
      throw new IllegalArgumentException(String.format("0x%04X is not an I/O station cell", address));
    }
    if (!stations.get(e.station()).isOpen()) {
      throw new IllegalStateException("open I/O station " + e.station() + " before removing");
    }
    if (!e.isFull()) {
      throw new IllegalStateException(String.format("I/O station cell 0x%04X is empty", address));
    }
    return e.take();
  }

  /**
   * Puts a cartridge straight into a slot, I/O cell or drive bay (stocking the library, or an operator
   * with the main door open). A cartridge placed in a drive bay is unloaded.
   */
  public void place(int address, Cartridge c) {
    PhysicalElement e = existing(address);
    if (e.kind() == ElementKind.MEDIUM_TRANSPORT) {
      throw new IllegalArgumentException("cartridges are not placed into the robot's gripper");
    }
    if (e.isFull()) {
      throw new IllegalStateException(String.format("element 0x%04X already holds %s", address,
          e.cartridge().orElseThrow().displayName()));
    }
    checkUnique(c);
    e.put(c, -1, e.kind() == ElementKind.IMPORT_EXPORT);
    if (drives.containsKey(address)) {
      drives.get(address).restore(TapeDrive.Mechanism.UNLOADED, 0, 0);
    }
  }

  /** Takes a cartridge straight out of any slot or unloaded drive (main door open). */
  public Cartridge takeOut(int address) {
    PhysicalElement e = existing(address);
    if (!e.isFull() || e.kind() == ElementKind.MEDIUM_TRANSPORT) {
      throw new IllegalStateException(String.format("nothing to take at 0x%04X", address));
    }
    TapeDrive d = drives.get(address);
    if (d != null && d.state() != TapeDrive.Mechanism.UNLOADED) {
      throw new IllegalStateException("drive " + d.index() + " has not ejected its cartridge");
    }
    dropDrive(address);
    return e.take();
  }

  /** Flips the write-protect tab of the cartridge at {@code address}; not while a drive has it loaded. */
  public void setWriteProtect(int address, boolean on) {
    PhysicalElement e = existing(address);
    if (!e.isFull()) {
      throw new IllegalStateException(String.format("no cartridge at 0x%04X", address));
    }
    TapeDrive d = drives.get(address);
    if (d != null && d.state() != TapeDrive.Mechanism.UNLOADED) {
      throw new IllegalStateException("unload drive " + d.index() + " before touching its cartridge");
    }
    e.replace(e.cartridge().orElseThrow().withWriteProtect(on));
  }

  private void checkUnique(Cartridge c) {
    for (PhysicalElement e : elements.values()) {
      if (e.cartridge().map(x -> x.serial().equals(c.serial())).orElse(false)) {
        throw new IllegalStateException("cartridge " + c.serial() + " is already in the library at "
            + String.format("0x%04X", e.address()));
      }
    }
  }

  /** A new serial for an unlabelled cartridge: {@code UNLBL001}, {@code UNLBL002}... */
  public String nextUnlabelledSerial() {
    unlabelledCount++;
    return String.format("UNLBL%03d", unlabelledCount);
  }

  int unlabelledCount() {
    return unlabelledCount;
  }

  void setUnlabelledCount(int n) {
    unlabelledCount = n;
  }

  /** Power loss and return: moves in flight finish, drives rewind, the pause ends. */
  public void powerCycle(Instant now) {
    for (Transit t : List.copyOf(transits)) {
      transits.remove(t);
      arrive(new Transit(t.transport(), t.source(), t.destination(), now));
    }
    busyUntil.clear();
    for (TapeDrive d : drives.values()) {
      d.powerCycle(now);
    }
    paused = false;
  }

  /** Finishes every transit at once (used on restore, when the robot completed them meanwhile). */
  void completeTransits(Instant at) {
    for (Transit t : List.copyOf(transits)) {
      transits.remove(t);
      arrive(new Transit(t.transport(), t.source(), t.destination(), at));
    }
  }

  void addTransit(Transit t, Cartridge c) {
    elements.get(t.transport()).put(c, t.source(), false);
    transits.add(t);
  }

  OptionalInt stationOf(int address) {
    PhysicalElement e = elements.get(address);
    return e == null || e.station() < 0 ? OptionalInt.empty() : OptionalInt.of(e.station());
  }
}
