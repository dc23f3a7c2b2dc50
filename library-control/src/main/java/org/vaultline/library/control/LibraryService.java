package org.vaultline.library.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.tinylog.Logger;
import org.vaultline.library.events.EventPayload;
import org.vaultline.library.inventory.DriveMatch;
import org.vaultline.library.inventory.DriveMatcher;
import org.vaultline.library.inventory.InventoryElement;
import org.vaultline.library.inventory.InventoryReader;
import org.vaultline.library.inventory.InventoryWarning;
import org.vaultline.library.inventory.LibraryInventory;
import org.vaultline.library.robot.MoveJournal;
import org.vaultline.library.robot.MoveRequest;
import org.vaultline.library.robot.Robot;
import org.vaultline.library.robot.RobotException;
import org.vaultline.library.store.DeviceIdentity;
import org.vaultline.library.store.Drive;
import org.vaultline.library.store.ElementSnapshot;
import org.vaultline.library.store.EventCategory;
import org.vaultline.library.store.Library;
import org.vaultline.library.store.Message;
import org.vaultline.library.store.MessageTemplate;
import org.vaultline.library.store.Messages;
import org.vaultline.library.store.Move;
import org.vaultline.library.store.MovePurpose;
import org.vaultline.library.store.OperatorRequest;
import org.vaultline.library.store.Origin;
import org.vaultline.library.store.RequestKind;
import org.vaultline.library.store.RequestState;
import org.vaultline.library.store.Store;
import org.vaultline.library.store.Tx;
import org.vaultline.scsi.sense.ScsiException;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.ElementType;
import org.vaultline.scsi.spc.Inquiry;
import org.vaultline.scsi.spc.StandardInquiry;
import org.vaultline.scsi.spc.TestUnitReady;
import org.vaultline.scsi.transport.ScsiExecutor;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * One defined SCSI library at work: its changer and drives reached, its inventory read and kept in the store,
 * its robot, and what the library commands need from it (free slots and I/O cells, a free drive to read or
 * write a label, and waiting for the operator). Started by {@link LibraryControl}; thread-safe.
 *
 * <p>{@link #start} takes a full inventory, matches the defined drives to data transfer elements by serial
 * number, settles every move a crash left open from what the library shows (the cartridge is where the library
 * says it is, never where we hoped: {@link Settlement}), cancels requests whose waiting process is gone, and
 * records the element snapshot. The changer's executor is {@link ScsiExecutor#standard} with a unit-attention
 * listener that marks the inventory stale and wakes anyone waiting for the operator (6/28/01: the I/O station
 * was used).
 */
public final class LibraryService implements AutoCloseable {
  private final Store store;
  private final String name;
  private final ControlOptions options;
  private final ScsiTransport changerTransport;
  private final List<ScsiTransport> driveTransports;
  private final ScsiExecutor changer;
  private final InventoryReader reader;
  private volatile Robot robot;
  private final Map<ElementAddress, String> driveNames = new ConcurrentHashMap<>();
  private final Object monitor = new Object();
  private volatile boolean stationAttention;
  /** The same attention for the station watcher (automatic check-in), which consumes it separately. */
  private volatile boolean watcherAttention;
  private volatile boolean closed;
  private final Set<ElementAddress> reserved = new HashSet<>();
  /** Requests raised without anyone waiting for them ({@link #raiseStanding}), by number. */
  private final Map<Long, Standing> standing = new ConcurrentHashMap<>();
  private final Set<ElementAddress> drivesInUse = new HashSet<>();
  private final AtomicInteger busy = new AtomicInteger();
  private volatile String deviceType = "";

  private LibraryService(Store store, String name, ControlOptions options, ScsiTransport changer,
      List<ScsiTransport> drives) {
    this.store = store;
    this.name = name;
    this.options = options;
    this.changerTransport = changer;
    this.driveTransports = List.copyOf(drives);
    this.changer = ScsiExecutor.standard(changer, options.clock().sleeper(), this::heard);
    this.reader = new InventoryReader(this.changer, options.inventory());
  }

  /**
   * Reaches the library and gets it ready (see the class comment).
   *
   * @param changer the changer's transport (the library's path)
   * @param drives the tape drives' transports by drive name (their paths); a drive without one cannot be
   *     unloaded or used for labels
   * @param out the messages logged on the way
   * @throws CommandException when the library cannot be reached or its inventory cannot be read; the
   *     transports are closed then
   */
  static LibraryService start(Store store, String name, ControlOptions options, ScsiTransport changer,
      Map<String, ScsiTransport> drives, Origin origin, List<Message> out) throws CommandException {
    return start(store, name, options, changer, drives, Map.of(), origin, out);
  }

  /**
   * {@link #start(Store, String, ControlOptions, ScsiTransport, Map, Origin, List)} for a library started again
   * while the server runs: the requests nobody waits for ({@code standing}, from its previous service) stay
   * outstanding and are this service's to satisfy.
   */
  static LibraryService start(Store store, String name, ControlOptions options, ScsiTransport changer,
      Map<String, ScsiTransport> drives, Map<Long, Standing> standing, Origin origin, List<Message> out)
      throws CommandException {
    LibraryService s = new LibraryService(store, name, options, changer, new ArrayList<>(drives.values()));
    s.standing.putAll(standing);
    try {
      s.startUp(drives, origin, out);
      return s;
    } catch (CommandException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  public String name() {
    return name;
  }

  /** The robot (moves, mounts), for the tape layer. */
  public Robot robot() {
    return robot;
  }

  /** The inventory as last read and kept current by the robot's moves. */
  public LibraryInventory inventory() {
    return robot.inventory();
  }

  /** Whether an operation is running (definitions may then not be reloaded). */
  boolean isBusy() {
    return busy.get() > 0;
  }

  void enter() {
    busy.incrementAndGet();
  }

  void leave() {
    busy.decrementAndGet();
  }

  // ---- start ----

  private void startUp(Map<String, ScsiTransport> driveTransports, Origin origin, List<Message> out)
      throws CommandException {
    DeviceIdentity identity;
    LibraryInventory inventory;
    try {
      StandardInquiry inq = changer.execute(Inquiry.standard(96));
      Optional<String> serial = Optional.empty();
      try {
        serial = Optional.of(changer.execute(Inquiry.unitSerialNumber(0xFF)).trimmedSerialNumber())
            .filter(x -> !x.isEmpty());
      } catch (ScsiException e) {
        Logger.info("Library {}: no unit serial number (VPD 80h): {}", name, e.getMessage());
      }
      identity = new DeviceIdentity(Optional.of(inq.vendor()), Optional.of(inq.product()),
          Optional.of(inq.revision()), serial);
      inventory = reader.read();
    } catch (ScsiException e) {
      throw CommandException.of(ControlMessages.LIBRARY_UNREACHABLE, name, changerTransport.describe(),
          e.getMessage());
    }

    Robot.Builder rb = Robot.builder(reader).clock(options.clock()).options(options.robot()).inventory(inventory);
    matchDrives(driveTransports, inventory, rb, origin, out);
    try {
      robot = rb.build();
    } catch (ScsiException e) {
      throw new AssertionError("the robot was given its inventory", e);
    }
    int settled = settleUnfinishedMoves(origin, out);
    LibraryInventory now = robot.inventory();
    store.transact(origin, tx -> {
      Library lib = tx.libraries().find(name).orElseThrow();
      if (!lib.identity().equals(identity)) {
        tx.libraries().update(lib.withIdentity(identity, tx.now()));
        out.add(tx.log(Messages.LIBRARY_UPDATED, name, identity.vendor().orElse("") + " "
            + identity.product().orElse("") + " " + identity.revision().orElse("") + ", serial "
            + identity.serial().orElse("unknown")));
      }
      for (OperatorRequest r : tx.requests().outstanding(name)) {
        if (standing.containsKey(r.number())) {
          continue;
        }
        tx.requests().cancel(r.number(), Optional.of("the server restarted"));
        Message m = tx.log(ControlMessages.REQUEST_ABANDONED, r.number(), name);
        out.add(m);
        tx.event(EventCategory.REQUESTS, EventPayload.of("request.cancelled", m.text()).with("request", r.number())
            .with("library", name).json());
      }
      for (InventoryWarning w : now.warnings()) {
        if (w.kind() != InventoryWarning.Kind.UNREADABLE_LABEL) {
          out.add(tx.log(ControlMessages.INVENTORY_WARNING, name, w.toString()));
        }
      }
      recordSnapshot(tx, now, out);
      Message m = tx.log(ControlMessages.LIBRARY_STARTED, name, changerTransport.describe(), now.storage().size(),
          now.dataTransfer().size(), now.importExport().size(), settled);
      out.add(m);
      tx.event(EventCategory.LIBRARY, EventPayload.of("library.started", m.text()).with("library", name)
          .with("slots", now.storage().size()).with("drives", now.dataTransfer().size())
          .with("ioCells", now.importExport().size()).json());
    });
  }

  /**
   * Finds each defined drive's data transfer element: by serial number (DVCID against VPD 80h/83h), else the
   * element it was defined with. The store learns the element and the drive's identity.
   */
  private void matchDrives(Map<String, ScsiTransport> transports, LibraryInventory inventory, Robot.Builder rb,
      Origin origin, List<Message> out) {
    List<Drive> defined = store.read(r -> r.drives().list(name));
    Map<String, ScsiExecutor> tapes = new LinkedHashMap<>();
    Map<String, org.vaultline.device.discovery.DeviceIdentity> ids = new LinkedHashMap<>();
    Map<String, DeviceIdentity> identities = new LinkedHashMap<>();
    for (Drive d : defined) {
      ScsiTransport t = transports.get(d.name());
      if (t == null) {
        continue;
      }
      ScsiExecutor tape = ScsiExecutor.standard(t, options.clock().sleeper(), s -> { });
      tapes.put(d.name(), tape);
      org.vaultline.device.discovery.DeviceIdentity id = DriveMatcher.identify(tape);
      ids.put(d.name(), id);
      try {
        StandardInquiry inq = tape.execute(Inquiry.standard(96));
        identities.put(d.name(), new DeviceIdentity(Optional.of(inq.vendor()), Optional.of(inq.product()),
            Optional.of(inq.revision()), id.unitSerial().or(() -> d.identity().serial())));
        if (deviceType.isEmpty()) {
          deviceType = DeviceTypes.ofDrive(inq.product());
        }
      } catch (ScsiException e) {
        identities.put(d.name(), d.identity());
        Logger.warn("Drive {} of library {}: INQUIRY failed: {}", d.name(), name, e.getMessage());
      }
    }
    Map<String, ElementAddress> matched = new LinkedHashMap<>();
    Map<String, String> why = new LinkedHashMap<>();
    for (DriveMatch<String> m : DriveMatcher.matchIdentities(inventory.dataTransfer(), ids)) {
      if (m.device().isPresent()) {
        matched.put(m.device().get(), m.element());
        why.put(m.device().get(), m.explanation());
      }
    }
    store.transact(origin, tx -> {
      for (Drive d : defined) {
        Optional<ElementAddress> element = Optional.ofNullable(matched.get(d.name()));
        String how = why.getOrDefault(d.name(), "");
        if (element.isEmpty() && d.element().isPresent()
            && inventory.element(d.element().get()).filter(e -> e.type() == ElementType.DATA_TRANSFER).isPresent()) {
          element = d.element();
          how = "as defined";
        }
        if (element.isPresent() && tapes.containsKey(d.name())) {
          rb.drive(element.get(), tapes.get(d.name()));
        }
        element.ifPresent(e -> driveNames.put(e, d.name()));
        DeviceIdentity identity = identities.getOrDefault(d.name(), d.identity());
        if (!element.equals(d.element()) || !identity.equals(d.identity())) {
          Drive changed = d.withElement(element.or(d::element), tx.now()).withIdentity(identity, tx.now());
          if (element.isPresent()) {
            tx.drives().findByElement(name, element.get()).filter(o -> !o.name().equals(d.name()))
                .ifPresent(o -> tx.drives().update(o.withElement(Optional.empty(), tx.now())));
          }
          tx.drives().update(changed);
          out.add(tx.log(Messages.DRIVE_UPDATED, d.name(), name, "element "
              + changed.element().map(Object::toString).orElse("unknown") + ", serial "
              + changed.identity().serial().orElse("unknown")));
        }
        if (element.isPresent()) {
          out.add(tx.log(ControlMessages.DRIVE_MATCHED, d.name(), name, element.get(), how));
        } else if (tapes.containsKey(d.name())) {
          out.add(tx.log(ControlMessages.DRIVE_NOT_MATCHED, d.name(), name, ids.get(d.name()).unitSerial()
              .map(s -> "no data transfer element reports serial " + s).orElse("its serial number is unknown")));
        }
      }
    });
  }

  // ---- crash recovery ----

  /** Settles every INTENDED move of this library from what the library shows now. */
  private int settleUnfinishedMoves(Origin origin, List<Message> out) {
    List<Move> open = store.read(r -> r.moves().unfinished(name));
    for (Move m : open) {
      Optional<Settlement.Place> at = locateAfterCrash(m);
      String where = at.map(Settlement.Place::toString).orElse("nowhere in the library");
      store.transact(origin, tx -> {
        Move resolved = tx.moves().resolved(m.id(), at.map(Settlement.Place::address), "the library shows the"
            + " cartridge " + where);
        Message msg = tx.log(Messages.MOVE_RESOLVED, m.id(), name, "the cartridge " + where);
        out.add(msg);
        tx.event(EventCategory.LIBRARY, EventPayload.of("library.move.resolved", msg.text()).with("library", name)
            .with("move", m.id()).with("volume", m.volume().orElse("")).with("purpose", m.purpose().name())
            .with("at", at.map(p -> (long) p.address().value()).orElse(-1L)).json());
        Settlement.apply(tx, resolved, at, out);
      });
    }
    return open.size();
  }

  /**
   * Where the cartridge of an unfinished move is: found by its barcode when it has one, else by looking at
   * the move's source and destination. While it is in a robot's hand (the library is finishing the move the
   * crashed server started), element status is read again until it is put down or time runs out.
   */
  private Optional<Settlement.Place> locateAfterCrash(Move m) {
    Instant deadline = options.clock().now().plus(options.robot().completionTimeout());
    Duration pause = Duration.ofMillis(200);
    while (true) {
      LibraryInventory inv = robot.inventory();
      Optional<Settlement.Place> at = locate(m, inv);
      boolean inHand = at.map(p -> p.type() == ElementType.MEDIUM_TRANSPORT).orElse(false)
          || at.isEmpty() && inv.transports().stream().anyMatch(InventoryElement::full);
      if (!inHand || !options.clock().now().isBefore(deadline)) {
        return at.filter(p -> p.type() != ElementType.MEDIUM_TRANSPORT);
      }
      Logger.info("Library {}: the cartridge of move {} is in the robot's hand; waiting for the library to put it"
          + " down", name, m.id());
      try {
        options.clock().sleep(pause);
        robot.refresh();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return at.filter(p -> p.type() != ElementType.MEDIUM_TRANSPORT);
      } catch (ScsiException e) {
        Logger.warn("Library {}: cannot read element status while settling move {}: {}", name, m.id(),
            e.getMessage());
      }
    }
  }

  private Optional<Settlement.Place> locate(Move m, LibraryInventory inv) {
    Optional<String> barcode = m.volume().flatMap(v -> store.read(r -> r.volumes().find(v))
        .flatMap(x -> x.barcode()).or(() -> Optional.of(v)));
    if (barcode.isPresent()) {
      List<InventoryElement> found = inv.find(barcode.get());
      if (found.isEmpty() && m.volume().isPresent()) {
        found = inv.find(m.volume().get());
      }
      if (found.size() == 1) {
        return Optional.of(new Settlement.Place(found.get(0).address(), found.get(0).type()));
      }
      if (found.isEmpty() && m.volume().isPresent()) {
        return Optional.empty();
      }
    }
    Optional<InventoryElement> src = inv.element(m.source());
    Optional<InventoryElement> dst = inv.element(m.destination());
    if (dst.filter(InventoryElement::full).isPresent() && src.filter(e -> !e.full()).isPresent()) {
      return Optional.of(new Settlement.Place(m.destination(), dst.get().type()));
    }
    if (src.filter(InventoryElement::full).isPresent()) {
      return Optional.of(new Settlement.Place(m.source(), src.get().type()));
    }
    return inv.transports().stream().filter(InventoryElement::full).findFirst()
        .map(t -> new Settlement.Place(t.address(), t.type()));
  }

  // ---- the inventory ----

  /** Takes a new inventory and records it. */
  LibraryInventory refresh(Origin origin, List<Message> out) throws CommandException {
    LibraryInventory inv;
    try {
      inv = robot.refresh();
    } catch (ScsiException e) {
      throw CommandException.of(ControlMessages.LIBRARY_UNREACHABLE, name, changerTransport.describe(),
          e.getMessage());
    }
    store.transact(origin, tx -> recordSnapshot(tx, inv, out));
    return inv;
  }

  /** The inventory, read again first when a unit attention said the library changed. */
  LibraryInventory current(Origin origin, List<Message> out) throws CommandException {
    return robot.isStale() ? refresh(origin, out) : robot.inventory();
  }

  private void recordSnapshot(Tx tx, LibraryInventory inv, List<Message> out) {
    List<ElementSnapshot> rows = new ArrayList<>(inv.size());
    int cartridges = 0;
    for (InventoryElement e : inv.elements(ElementType.ALL)) {
      rows.add(StoreJournal.snapshot(name, e, tx.now()));
      cartridges += e.full() ? 1 : 0;
    }
    tx.elements().replace(name, rows);
    out.add(tx.log(Messages.INVENTORY_RECORDED, name, rows.size(), cartridges));
  }

  /** The I/O station's cells as the library shows them now (empty when it exposes none). */
  List<InventoryElement> readStation() throws ScsiException {
    List<InventoryElement> cells = robot.inventory().importExport();
    if (cells.isEmpty()) {
      return List.of();
    }
    List<InventoryElement> now = reader.read(ElementType.IMPORT_EXPORT, cells.get(0).address(), cells.size());
    return now;
  }

  /** The element as the library shows it now. */
  Optional<InventoryElement> readElement(ElementType type, ElementAddress address) throws ScsiException {
    return reader.read(type, address);
  }

  Optional<ElementType> typeOf(ElementAddress address) {
    return robot.inventory().element(address).map(InventoryElement::type);
  }

  // ---- unit attention and waiting for the operator ----

  private void heard(Sense sense) {
    Robot r = robot;
    if (r != null) {
      r.unitAttention(sense);
    }
    if (sense.key() == SenseKey.UNIT_ATTENTION && (sense.asc() == 0x28 || sense.asc() == 0x29)) {
      stationAttention = true;
      watcherAttention = true;
      wake();
    }
  }

  /** Asks the changer TEST UNIT READY, which delivers a pending UNIT ATTENTION (6/28/01) to the listeners. */
  void poll() {
    try {
      changer.execute(new TestUnitReady());
    } catch (ScsiException e) {
      Logger.debug("Library {}: TEST UNIT READY: {}", name, e.getMessage());
    }
  }

  /**
   * For the station watcher: waits up to {@code timeout} for a unit attention saying the I/O station was used (or
   * the library reset), and consumes it.
   */
  boolean awaitStationAttention(Duration timeout) throws InterruptedException {
    synchronized (monitor) {
      if (!watcherAttention && !closed) {
        monitor.wait(Math.max(1, timeout.toMillis()));
      }
    }
    boolean heard = watcherAttention;
    watcherAttention = false;
    return heard;
  }

  /** Whether the service was closed (its library stopped or started again with new definitions). */
  boolean isClosed() {
    return closed;
  }

  /** Whether the process the work runs in (if any) was asked to stop by CANCEL PROCESS or a server stop. */
  boolean cancelled(Work w) {
    return w.origin().process().map(p -> store.read(r -> r.processes().find(p))
        .map(org.vaultline.library.store.BackgroundProcess::cancelRequested).orElse(false)).orElse(false);
  }

  /** Wakes operations waiting for the operator (a REPLY or CANCEL REQUEST was given). */
  void wake() {
    synchronized (monitor) {
      monitor.notifyAll();
    }
  }

  /** How a wait for the operator ended. */
  enum Answer {
    /** The library showed the condition met. */
    SATISFIED,
    /** REPLY n. */
    ANSWERED,
    /** CANCEL REQUEST n (or the request was cancelled some other way). */
    CANCELLED,
    /** The wait time ran out; the request was cancelled. */
    EXPIRED;

    boolean goOn() {
      return this == SATISFIED || this == ANSWERED;
    }
  }

  /** What the library must show for a request to be satisfied without a reply. */
  @FunctionalInterface
  interface Condition {
    /** Reads what it needs from the library; true when the operator has done what was asked. */
    boolean met() throws ScsiException;
  }

  /**
   * Raises an operator request and waits until the library shows {@code condition} met, the operator replies
   * or cancels, or {@code waitTime} (empty: no limit) runs out. While waiting, the changer is asked with TEST
   * UNIT READY every {@link ControlOptions#attentionPoll()} so that an attention 6/28/01 (the I/O station was
   * used) arrives and the condition is checked at once; without one the condition is checked every
   * {@link ControlOptions#rescanInterval()}. When the work's process is cancelled (CANCEL PROCESS, a server stop)
   * the request is cancelled with it (VLN0507I) and the answer is {@link Answer#CANCELLED}.
   */
  Answer ask(Work w, RequestKind kind, String text, Optional<String> volume, Optional<Duration> waitTime,
      Condition condition) throws CommandException {
    return waitForOperator(w, kind, text, volume, waitTime, condition);
  }

  private Answer waitForOperator(Work w, RequestKind kind, String text, Optional<String> volume,
      Optional<Duration> waitTime, Condition condition) throws CommandException {
    long number = raise(w, kind, text, volume, waitTime, List.of());
    Optional<Instant> expires = store.read(r -> r.requests().find(number)).flatMap(OperatorRequest::expires);
    Instant nextRescan = store.clock().instant(); // look once at once: the operator may have been quick
    while (true) {
      OperatorRequest r = store.read(x -> x.requests().find(number)).orElseThrow();
      if (!r.outstanding()) {
        return r.state() == RequestState.ANSWERED ? Answer.ANSWERED
            : r.state() == RequestState.SATISFIED ? Answer.SATISFIED : Answer.CANCELLED;
      }
      if (cancelled(w)) {
        // CANCEL PROCESS (or a server stop) ends the wait: the request goes with the process
        long process = w.origin().process().orElseThrow();
        boolean ended = store.write(w.origin(), tx -> {
          if (!tx.requests().cancel(number, Optional.of("process " + process + " cancelled"))) {
            return false;
          }
          Message m = tx.log(ControlMessages.REQUEST_ENDED_WITH_PROCESS, number, process);
          w.out().add(m);
          tx.event(EventCategory.REQUESTS, EventPayload.of("request.cancelled", m.text()).with("request", number)
              .with("library", name).with("process", process).json());
          return true;
        });
        if (ended) {
          return Answer.CANCELLED;
        }
        continue;
      }
      Instant now = store.clock().instant();
      if (stationAttention || !now.isBefore(nextRescan)) {
        stationAttention = false;
        nextRescan = now.plus(options.rescanInterval());
        boolean met;
        try {
          met = condition.met();
        } catch (ScsiException e) {
          Logger.debug("Library {}: checking request {}: {}", name, number, e.getMessage());
          met = false;
        }
        if (met) {
          if (satisfy(new Origin(Optional.empty(), w.origin().process()), number, text, w.out())) {
            return Answer.SATISFIED;
          }
          continue;
        }
      } else {
        try {
          changer.execute(new TestUnitReady()); // delivers a pending UNIT ATTENTION to heard()
        } catch (ScsiException e) {
          Logger.debug("Library {}: TEST UNIT READY while waiting: {}", name, e.getMessage());
        }
      }
      if (expires.isPresent() && !now.isBefore(expires.get())) {
        boolean expired = store.write(w.origin(), tx -> {
          if (!tx.requests().cancel(number, Optional.of("wait time over"))) {
            return false;
          }
          Message m = tx.log(ControlMessages.REQUEST_EXPIRED, number, waitTime.orElseThrow().toMinutes());
          w.out().add(m);
          tx.event(EventCategory.REQUESTS, EventPayload.of("request.expired", m.text()).with("request", number)
              .with("library", name).json());
          return true;
        });
        if (expired) {
          return Answer.EXPIRED;
        }
        continue;
      }
      synchronized (monitor) {
        if (!stationAttention) {
          try {
            monitor.wait(Math.max(1, options.attentionPoll().toMillis()));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CommandException.of(ControlMessages.WAIT_ENDED, "The operation", name, number, "interrupted");
          }
        }
      }
    }
  }

  /** Raises a request with its activity-log row and its {@code request.raised} event; returns its number. */
  private long raise(Work w, RequestKind kind, String text, Optional<String> volume, Optional<Duration> waitTime,
      List<String> volumes) {
    return store.write(w.origin(), tx -> {
      OperatorRequest r = tx.requests().raise(Optional.of(name), kind, text, volume,
          waitTime.map(d -> tx.now().plus(d)));
      Message m = tx.log(Messages.REQUEST_RAISED, r.number(), text);
      w.out().add(m);
      EventPayload p = EventPayload.of("request.raised", m.text()).with("request", r.number())
          .with("library", name).with("kind", kind.name()).with("volume", volume.orElse(""));
      if (!volumes.isEmpty()) {
        p.with("volumes", volumes).with("count", volumes.size());
      }
      tx.event(EventCategory.REQUESTS, p.json());
      return r.number();
    });
  }

  /** The library shows request {@code number} done: satisfied and logged, with {@code request.satisfied}. */
  private boolean satisfy(Origin origin, long number, String text, List<Message> out) {
    return store.write(origin, tx -> {
      if (!tx.requests().satisfy(number, "the library shows it done")) {
        return false;
      }
      Message m = tx.log(Messages.REQUEST_SATISFIED, number, text);
      out.add(m);
      tx.event(EventCategory.REQUESTS, EventPayload.of("request.satisfied", m.text()).with("request", number)
          .with("library", name).json());
      return true;
    });
  }

  /**
   * A request nobody waits for: the I/O station cells it asks the operator to empty, as {@code address=barcode}.
   * It is satisfied once the station is closed and none of them holds that cartridge any more.
   */
  record Standing(String text, Set<String> cartridges) {
    Standing {
      cartridges = Set.copyOf(cartridges);
    }
  }

  /**
   * Raises a request that nobody waits for (MOVE DRMEDIA has ended; its cartridges wait in the I/O station for the
   * courier): it stays in QUERY REQUEST until {@link #settleStanding} sees the station closed without them, or
   * REPLY or CANCEL REQUEST ends it. It outlives this service when the library is started again for new definitions
   * ({@link #standingRequests}), not a server restart: the library's start then cancels it with every other
   * outstanding request of the library (VLN0233W).
   *
   * @param cartridges the I/O station cells concerned, as {@code address=barcode}: automatic check-in leaves them
   *     alone while the request is outstanding ({@link #awaitingRemoval})
   * @param volumes the volumes named, for the event
   * @return the request's number
   */
  long raiseStanding(Work w, RequestKind kind, String text, Optional<String> volume, Set<String> cartridges,
      List<String> volumes) {
    long number = raise(w, kind, text, volume, Optional.empty(), volumes);
    standing.put(number, new Standing(text, cartridges));
    return number;
  }

  /**
   * Looks at the requests raised by {@link #raiseStanding}: one whose cartridges the closed station no longer holds
   * is satisfied (VLN0143I, {@code request.satisfied}); one answered or cancelled meanwhile is forgotten. Called when
   * the I/O station has been used (6/28/01) and from time to time by the station watcher.
   *
   * @return the numbers of the requests satisfied now
   */
  List<Long> settleStanding(Origin origin, List<Message> out) {
    if (standing.isEmpty()) {
      return List.of();
    }
    List<InventoryElement> station;
    try {
      station = readStation();
    } catch (ScsiException e) {
      Logger.debug("Library {}: reading the I/O station for its requests: {}", name, e.getMessage());
      return List.of();
    }
    if (!station.stream().allMatch(InventoryElement::accessible)) {
      return List.of(); // the door is still open
    }
    Set<String> present = new HashSet<>();
    for (InventoryElement e : station) {
      // a cartridge the operator put (back) in is no longer the one the library ejected there (ImpExp bit)
      if (e.full() && !e.importedByOperator()) {
        present.add(e.address() + "=" + e.barcode().orElse(""));
      }
    }
    List<Long> satisfied = new ArrayList<>();
    for (Map.Entry<Long, Standing> e : new ArrayList<>(standing.entrySet())) {
      long number = e.getKey();
      boolean outstanding = store.read(r -> r.requests().find(number)).map(OperatorRequest::outstanding)
          .orElse(false);
      if (!outstanding) {
        standing.remove(number);
      } else if (e.getValue().cartridges().stream().noneMatch(present::contains)) {
        if (satisfy(origin, number, e.getValue().text(), out)) {
          satisfied.add(number);
        }
        standing.remove(number);
      }
    }
    return satisfied;
  }

  /** Whether a request raised by {@link #raiseStanding} may still be outstanding. */
  boolean hasStanding() {
    return !standing.isEmpty();
  }

  /** The requests raised by {@link #raiseStanding} and not yet seen resolved, for a new service of the library. */
  Map<Long, Standing> standingRequests() {
    return Map.copyOf(standing);
  }

  /** The I/O station cells ({@code address=barcode}) that outstanding standing requests ask the operator to empty. */
  Set<String> awaitingRemoval() {
    Set<String> out = new HashSet<>();
    standing.values().forEach(s -> out.addAll(s.cartridges()));
    return out;
  }

  // ---- reservations ----

  /** A storage slot nobody owns: empty, reachable, nobody's home, not promised to another move. */
  ElementAddress reserveFreeSlot(String volume) throws CommandException {
    Set<ElementAddress> homes = new HashSet<>();
    store.read(r -> r.volumes().list(name)).forEach(v -> v.homeElement().ifPresent(homes::add));
    synchronized (reserved) {
      for (InventoryElement e : robot.inventory().storage()) {
        if (!e.full() && e.accessible() && !e.disabled() && !homes.contains(e.address())
            && !reserved.contains(e.address())) {
          reserved.add(e.address());
          return e.address();
        }
      }
    }
    throw CommandException.of(ControlMessages.NO_FREE_SLOT, name, volume);
  }

  /** An empty, reachable I/O station cell of {@code station} not promised to another move. */
  Optional<ElementAddress> reserveFreeCell(List<InventoryElement> station) {
    synchronized (reserved) {
      for (InventoryElement e : station) {
        if (!e.full() && e.accessible() && !e.disabled() && !reserved.contains(e.address())) {
          reserved.add(e.address());
          return Optional.of(e.address());
        }
      }
    }
    return Optional.empty();
  }

  void release(ElementAddress a) {
    synchronized (reserved) {
      reserved.remove(a);
    }
  }

  /** An empty drive with a tape device, for reading or writing a label. */
  ElementAddress reserveDrive() throws CommandException {
    synchronized (drivesInUse) {
      List<String> why = new ArrayList<>();
      for (InventoryElement e : robot.inventory().dataTransfer()) {
        String drive = driveNames.getOrDefault(e.address(), e.address().toString());
        if (robot.drive(e.address()).isEmpty()) {
          why.add(drive + " has no path");
        } else if (e.full()) {
          why.add(drive + " holds a cartridge");
        } else if (drivesInUse.contains(e.address())) {
          why.add(drive + " is in use");
        } else {
          drivesInUse.add(e.address());
          return e.address();
        }
      }
      throw CommandException.of(ControlMessages.NO_DRIVE, name, why.isEmpty() ? "it has no drives"
          : String.join("; ", why));
    }
  }

  void releaseDrive(ElementAddress drive) {
    synchronized (drivesInUse) {
      drivesInUse.remove(drive);
    }
  }

  /** The defined drive at a data transfer element, for messages. */
  String driveName(ElementAddress element) {
    return driveNames.getOrDefault(element, element.toString());
  }

  /** TSM's device type of this library's drives ({@code LTO}), empty when unknown. */
  String deviceType() {
    return deviceType;
  }

  // ---- moves ----

  /**
   * Moves a cartridge with the store's journal for {@code purpose}; {@code atIntent} reserves in the intent's
   * transaction what the move will make true.
   */
  void move(Work w, MoveRequest request, MovePurpose purpose, Optional<String> volume, Consumer<Tx> atIntent)
      throws RobotException {
    MoveJournal journal = options.journalWrapper().apply(new StoreJournal(store, name, w.origin(), purpose, volume,
        atIntent, this::typeOf, w.out()));
    try {
      robot.move(request, journal);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RobotException(RobotException.Reason.OUTCOME_UNKNOWN, "interrupted during " + request);
    }
  }

  /** Logs {@code template} in a transaction of its own and adds it to the result. */
  Message log(Work w, MessageTemplate template, Object... args) {
    return store.write(w.origin(), tx -> {
      Message m = tx.log(template, args);
      w.out().add(m);
      return m;
    });
  }

  Store store() {
    return store;
  }

  ControlOptions options() {
    return options;
  }

  /** Closes the changer's and the drives' transports. */
  @Override
  public void close() {
    closed = true;
    wake();
    try {
      changerTransport.close();
    } catch (RuntimeException e) {
      Logger.debug("Closing {}: {}", changerTransport.describe(), e.getMessage());
    }
    for (ScsiTransport t : driveTransports) {
      try {
        t.close();
      } catch (RuntimeException e) {
        Logger.debug("Closing {}: {}", t.describe(), e.getMessage());
      }
    }
  }

  /** Who an operation runs for, and where its messages go. */
  record Work(Origin origin, List<Message> out) {
  }
}
