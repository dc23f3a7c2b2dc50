package org.vaultline.library.robot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tinylog.Logger;
import org.vaultline.library.inventory.DriveMatch;
import org.vaultline.library.inventory.InventoryElement;
import org.vaultline.library.inventory.InventoryReader;
import org.vaultline.library.inventory.LibraryInventory;
import org.vaultline.scsi.sense.CheckConditionException;
import org.vaultline.scsi.sense.MediumDestinationFullException;
import org.vaultline.scsi.sense.MediumRemovalPreventedException;
import org.vaultline.scsi.sense.MediumSourceEmptyException;
import org.vaultline.scsi.sense.NotReadyException;
import org.vaultline.scsi.sense.ScsiException;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.sense.UnitAttentionException;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.ElementType;
import org.vaultline.scsi.smc.MoveMedium;
import org.vaultline.scsi.spc.PreventAllowMediumRemoval;
import org.vaultline.scsi.spc.TestUnitReady;
import org.vaultline.scsi.ssc.LoadUnload;
import org.vaultline.scsi.ssc.Rewind;
import org.vaultline.scsi.transport.ScsiExecutor;

/**
 * The robot of one media changer: moves cartridges between slots, drives and I/O station cells with
 * MOVE MEDIUM (SMC-3 6.9, A5h), and mounts and dismounts volumes for the tape layer. One per library;
 * thread-safe. What it does about the field (REFERENCE §1.5-§1.7):
 *
 * <ul>
 *   <li>one {@link RobotQueue}: moves are serialized per medium transport, while rewinds, unloads and
 *       ready checks on different drives go on in parallel;</li>
 *   <li>a cartridge leaves a drive only after REWIND and LOAD UNLOAD (unload); if the library still
 *       answers 5/53/02, the drive is unloaded again (allowing medium removal) and the move retried;</li>
 *   <li>source and destination are read before the move, and the move counts as done only when element
 *       status shows the source empty and the destination full, polling for libraries that report a
 *       move done before it is;</li>
 *   <li>5/3B/0D, 5/3B/0E, a refusal or a transport failure: element status is read again and the
 *       failure says where the library shows the cartridge;</li>
 *   <li>UNIT ATTENTION, becoming ready and IBM's library paused are retried by the executor's chain
 *       (build it with {@link RobotClock#sleeper()}); per operation, the robot applies its own timeouts
 *       ({@link RobotOptions});</li>
 *   <li>every move is reported to a {@link MoveJournal}: intended before, completed or failed after.</li>
 * </ul>
 */
public final class Robot {
  private static final Duration TEST_UNIT_READY_TIMEOUT = Duration.ofSeconds(60);

  private final InventoryReader reader;
  private final ScsiExecutor changer;
  private final Map<ElementAddress, ScsiExecutor> drives;
  private final RobotClock clock;
  private final RobotOptions options;
  private final MoveJournal journal;
  private final RobotQueue queue;
  private final Object inventoryLock = new Object();
  private volatile LibraryInventory inventory;
  private volatile boolean stale;

  private Robot(Builder b, LibraryInventory first) {
    this.reader = b.reader;
    this.changer = b.reader.changer();
    this.drives = new ConcurrentHashMap<>(b.drives);
    this.clock = b.clock;
    this.options = b.options;
    this.journal = b.journal;
    this.inventory = first;
    List<ElementAddress> transports = new ArrayList<>();
    first.transports().forEach(t -> transports.add(t.address()));
    this.queue = new RobotQueue(transports);
  }

  /** A robot reading element status through {@code reader} (whose executor is the changer's). */
  public static Builder builder(InventoryReader reader) {
    return new Builder(reader);
  }

  /** Assembles a {@link Robot}. */
  public static final class Builder {
    private final InventoryReader reader;
    private RobotClock clock = RobotClock.system();
    private RobotOptions options = RobotOptions.DEFAULT;
    private MoveJournal journal = MoveJournal.NONE;
    private final Map<ElementAddress, ScsiExecutor> drives = new LinkedHashMap<>();
    private LibraryInventory inventory;

    private Builder(InventoryReader reader) {
      this.reader = Objects.requireNonNull(reader, "reader");
    }

    public Builder clock(RobotClock c) {
      clock = Objects.requireNonNull(c);
      return this;
    }

    public Builder options(RobotOptions o) {
      options = Objects.requireNonNull(o);
      return this;
    }

    /** The journal for moves made without one of their own. */
    public Builder journal(MoveJournal j) {
      journal = Objects.requireNonNull(j);
      return this;
    }

    /** The tape drive at data transfer element {@code element}. */
    public Builder drive(ElementAddress element, ScsiExecutor tape) {
      drives.put(element, tape);
      return this;
    }

    /** The drives {@link org.vaultline.library.inventory.DriveMatcher} matched. */
    public Builder drives(List<DriveMatch<ScsiExecutor>> matches) {
      for (DriveMatch<ScsiExecutor> m : matches) {
        m.device().ifPresent(d -> drives.put(m.element(), d));
      }
      return this;
    }

    /** Starts from an inventory just taken instead of taking one. */
    public Builder inventory(LibraryInventory i) {
      inventory = i;
      return this;
    }

    /** @throws ScsiException when no inventory was given and taking one fails */
    public Robot build() throws ScsiException {
      return new Robot(this, inventory != null ? inventory : reader.read());
    }
  }

  // ---- inventory ----

  /** The inventory as last read and kept up to date by the moves since. */
  public LibraryInventory inventory() {
    return inventory;
  }

  /** Takes a new inventory. */
  public LibraryInventory refresh() throws ScsiException {
    synchronized (inventoryLock) {
      inventory = reader.read();
      stale = false;
      return inventory;
    }
  }

  /** Whether a unit attention said the library changed behind the robot's back (I/O station, reset). */
  public boolean isStale() {
    return stale;
  }

  /**
   * Hears the changer's unit attentions (pass it to {@link ScsiExecutor#standard}): 6/28/01 (import or
   * export element accessed), 6/28/00, 6/29/xx (power on, reset), 6/2A/xx and 6/3F/xx make the inventory
   * stale, so that the next lookup by volume reads it again.
   */
  public void unitAttention(Sense sense) {
    if (sense.key() == SenseKey.UNIT_ATTENTION
        && (sense.asc() == 0x28 || sense.asc() == 0x29 || sense.asc() == 0x2A || sense.asc() == 0x3F)) {
      stale = true;
      Logger.info("{}: {}; the inventory will be read again", changer.transport().describe(), sense.description());
    }
  }

  /** The tape drive at data transfer element {@code element}, when known. */
  public Optional<ScsiExecutor> drive(ElementAddress element) {
    return Optional.ofNullable(drives.get(element));
  }

  /** Moves waiting for a medium transport. */
  public int movesWaiting() {
    return queue.movesWaiting();
  }

  /** Medium transports busy with a move now. */
  public int movesInFlight() {
    return queue.movesInFlight();
  }

  // ---- moves ----

  /** Moves a cartridge, reporting to the robot's journal. */
  public CompletedMove move(MoveRequest request) throws RobotException, InterruptedException {
    return move(request, journal);
  }

  /**
   * Moves a cartridge: waits for its elements and a medium transport, unloads the source drive if it is
   * one, checks source and destination, records the intent, sends MOVE MEDIUM and waits until element
   * status shows the move done.
   *
   * @throws RobotException when the move was refused or failed; {@link RobotException#cartridgeAt()} says
   *     where the library shows the cartridge
   */
  public CompletedMove move(MoveRequest request, MoveJournal journal) throws RobotException, InterruptedException {
    InventoryElement source = element(request.source());
    InventoryElement destination = element(request.destination());
    if (source.type() == ElementType.MEDIUM_TRANSPORT || destination.type() == ElementType.MEDIUM_TRANSPORT) {
      throw new RobotException(RobotException.Reason.INVALID_REQUEST, "Move " + request + " refused: a medium"
          + " transport is neither source nor destination of a move");
    }
    if (source.address().equals(destination.address())) {
      throw new RobotException(RobotException.Reason.INVALID_REQUEST, "Move " + request
          + " refused: source and destination are the same element");
    }
    Set<ElementAddress> elements = Set.of(source.address(), destination.address());
    queue.reserve(elements);
    try {
      return moveReserved(request, source.type(), destination.type(), journal);
    } finally {
      queue.release(elements);
    }
  }

  private CompletedMove moveReserved(MoveRequest request, ElementType sourceType, ElementType destinationType,
      MoveJournal journal) throws RobotException, InterruptedException {
    if (sourceType == ElementType.DATA_TRANSFER) {
      rewindAndUnload(request.source());
    }
    InventoryElement src = status(sourceType, request.source());
    InventoryElement dst = status(destinationType, request.destination());
    remember(List.of(src, dst));
    if (!src.full()) {
      Optional<ElementAddress> where = locate(request.volume());
      throw new RobotException(RobotException.Reason.SOURCE_EMPTY, "Move " + request + " refused: source element "
          + src.address() + " is empty" + whereIs(request.volume(), where), where, Optional.empty(), null);
    }
    if (dst.full()) {
      throw new RobotException(RobotException.Reason.DESTINATION_FULL, "Move " + request + " refused: destination "
          + dst.address() + " holds " + dst.label().map(Object::toString).orElse("a cartridge"),
          Optional.of(src.address()), Optional.empty(), null);
    }
    if (request.volume().isPresent() && !holds(src, request.volume().get())) {
      Optional<ElementAddress> where = locate(request.volume());
      throw new RobotException(RobotException.Reason.VOLUME_MISMATCH, "Move " + request + " refused: "
          + src.address() + " holds " + src.label().map(Object::toString).orElse("a cartridge") + ", not "
          + request.volume().get() + whereIs(request.volume(), where), where, Optional.empty(), null);
    }
    if (!src.accessible() && sourceType != ElementType.DATA_TRANSFER || !dst.accessible()) {
      InventoryElement closed = !dst.accessible() ? dst : src;
      throw new RobotException(RobotException.Reason.NOT_ACCESSIBLE, "Move " + request + " refused: the robot cannot"
          + " reach " + closed.type().text() + " element " + closed.address()
          + (closed.type() == ElementType.IMPORT_EXPORT ? " (the I/O station is open)" : ""),
          Optional.of(src.address()), Optional.empty(), null);
    }
    ElementAddress transport;
    try {
      transport = queue.acquireTransport(request.transport());
    } catch (IllegalArgumentException e) {
      throw new RobotException(RobotException.Reason.INVALID_REQUEST, "Move " + request + " refused: "
          + e.getMessage());
    }
    try {
      PlannedMove plan = new PlannedMove(request, sourceType, destinationType, transport, src.label());
      long id;
      try {
        id = journal.intended(plan);
      } catch (RuntimeException e) {
        throw new RobotException(RobotException.Reason.JOURNAL, plan + " not made: the move journal could not record"
            + " it (" + e.getMessage() + ")", Optional.of(src.address()), Optional.empty(), e);
      }
      try {
        journal.moving(id, plan);
      } catch (RuntimeException e) {
        Logger.warn(e, "Move journal failed to note {} as moving", plan);
      }
      return make(plan, id, journal);
    } finally {
      queue.releaseTransport(transport);
    }
  }

  /** Sends MOVE MEDIUM (again after 5/53/02 and an unload) and waits for element status to agree. */
  private CompletedMove make(PlannedMove plan, long id, MoveJournal journal)
      throws RobotException, InterruptedException {
    int attempts = 0;
    while (true) {
      attempts++;
      MoveMedium command = MoveMedium.of(plan.transport(), plan.source(), plan.destination());
      try {
        Logger.debug("{}: {}", changer.transport().describe(), plan);
        Commands.run(changer, command, options.moveTimeout());
        break;
      } catch (MediumRemovalPreventedException e) {
        if (plan.sourceType() == ElementType.DATA_TRANSFER && attempts < options.removalAttempts()
            && drives.containsKey(plan.source())) {
          Logger.info("{}: drive {} still holds its cartridge ({}); unloading it again", changer.transport().describe(),
              plan.source(), e.sense().description());
          try {
            allowRemovalAndUnload(plan.source());
          } catch (RobotException u) {
            throw failed(plan, id, journal, u.reason(), u.getMessage(), u.sense(), u, attempts);
          }
          continue;
        }
        throw failed(plan, id, journal, RobotException.Reason.REMOVAL_PREVENTED, "drive " + plan.source()
            + " keeps its cartridge (" + e.sense() + ")" + (drives.containsKey(plan.source()) ? ""
            : "; no tape device is known for the drive, so it could not be unloaded"), Optional.of(e.sense()), e,
            attempts);
      } catch (MediumSourceEmptyException e) {
        throw failed(plan, id, journal, RobotException.Reason.SOURCE_EMPTY, "the library says the source is empty ("
            + e.sense() + ")", Optional.of(e.sense()), e, attempts);
      } catch (MediumDestinationFullException e) {
        throw failed(plan, id, journal, RobotException.Reason.DESTINATION_FULL, "the library says the destination is"
            + " full (" + e.sense() + ")", Optional.of(e.sense()), e, attempts);
      } catch (NotReadyException e) {
        throw failed(plan, id, journal, RobotException.Reason.NOT_READY, "the library is not ready (" + e.sense()
            + ")", Optional.of(e.sense()), e, attempts);
      } catch (CheckConditionException e) {
        Sense s = e.sense();
        boolean noElement = s.key() == SenseKey.ILLEGAL_REQUEST && (s.asc() == 0x21 && s.ascq() == 0x01
            || s.asc() == 0x3B && s.ascq() == 0x82);
        throw failed(plan, id, journal, noElement ? RobotException.Reason.NO_SUCH_ELEMENT
            : RobotException.Reason.REFUSED, "the library refused (" + s + ")", Optional.of(s), e, attempts);
      } catch (ScsiException e) {
        // a transport failure or an answer that makes no sense: the move may or may not have been made
        Settled s = settle(plan, false);
        if (s.state() == State.DONE) {
          return completed(plan, id, journal, s, attempts, Optional.of("MOVE MEDIUM ended without an answer ("
              + e.getMessage() + "); element status shows the move made"));
        }
        throw failed(plan, id, journal, s, RobotException.Reason.OUTCOME_UNKNOWN, "MOVE MEDIUM ended without an"
            + " answer (" + e.getMessage() + ")", Optional.empty(), e, attempts);
      }
    }
    Settled s = settle(plan, true);
    if (s.state() == State.DONE) {
      return completed(plan, id, journal, s, attempts, Optional.empty());
    }
    throw failed(plan, id, journal, s, RobotException.Reason.NOT_COMPLETED, "the library reported the move done,"
        + " but element status did not show it within " + options.completionTimeout().toSeconds() + " s",
        Optional.empty(), null, attempts);
  }

  // ---- settling a move from element status ----

  private enum State {
    /** Source empty, destination full. */
    DONE,
    /** Source full, destination empty. */
    NOT_MOVED,
    /** Source and destination empty: the cartridge is in the robot's hand (or the library is mid-move). */
    IN_TRANSIT,
    /** Element status could not be read. */
    UNREADABLE
  }

  private record Settled(State state, Optional<InventoryElement> source, Optional<InventoryElement> destination,
      int polls, String detail) {
  }

  /**
   * Reads source and destination until the move shows done ({@code untilDone}, after GOOD: a library
   * may report it early), or until it is no longer in transit (after a failure), or until
   * {@link RobotOptions#completionTimeout()}.
   */
  private Settled settle(PlannedMove plan, boolean untilDone) throws InterruptedException {
    Instant deadline = clock.now().plus(options.completionTimeout());
    Duration pause = options.pollInterval();
    int polls = 0;
    while (true) {
      polls++;
      Settled s = look(plan, polls);
      boolean finished = untilDone ? s.state() == State.DONE
          : s.state() == State.DONE || s.state() == State.NOT_MOVED;
      if (finished || !clock.now().isBefore(deadline)) {
        if (polls > 1) {
          Logger.info("{}: {} settled after {} status poll(s): {}", changer.transport().describe(), plan, polls,
              s.state());
        }
        return s;
      }
      clock.sleep(pause);
      pause = pause.multipliedBy(2).compareTo(options.maxPollInterval()) > 0 ? options.maxPollInterval()
          : pause.multipliedBy(2);
    }
  }

  private Settled look(PlannedMove plan, int polls) {
    try {
      Optional<InventoryElement> src = reader.read(plan.sourceType(), plan.source());
      Optional<InventoryElement> dst = reader.read(plan.destinationType(), plan.destination());
      if (src.isEmpty() || dst.isEmpty()) {
        return new Settled(State.UNREADABLE, src, dst, polls, "the library no longer reports "
            + (src.isEmpty() ? plan.source() : plan.destination()));
      }
      boolean s = src.get().full();
      boolean d = dst.get().full();
      State state = !s && d ? State.DONE : s && !d ? State.NOT_MOVED : !s ? State.IN_TRANSIT
          : sameCartridge(plan, dst.get()) ? State.DONE : State.NOT_MOVED;
      return new Settled(state, src, dst, polls, "source " + describe(src.get()) + ", destination "
          + describe(dst.get()));
    } catch (ScsiException e) {
      return new Settled(State.UNREADABLE, Optional.empty(), Optional.empty(), polls,
          "element status unreadable: " + e.getMessage());
    }
  }

  private static boolean sameCartridge(PlannedMove plan, InventoryElement destination) {
    return plan.label().isPresent() && plan.label().get().fullTag().isPresent()
        && destination.barcode().equals(plan.label().get().fullTag());
  }

  private static String describe(InventoryElement e) {
    return e.address() + (e.full() ? " full" + e.label().map(l -> " (" + l + ")").orElse("") : " empty");
  }

  private CompletedMove completed(PlannedMove plan, long id, MoveJournal journal, Settled s, int attempts,
      Optional<String> note) throws RobotException {
    remember(List.of(s.source().orElseThrow(), s.destination().orElseThrow()));
    CompletedMove done = new CompletedMove(plan, s.source().orElseThrow(), s.destination().orElseThrow(), attempts,
        s.polls(), note);
    Logger.info("{}: {} done{}", changer.transport().describe(), plan, note.map(n -> " (" + n + ")").orElse(""));
    try {
      journal.completed(id, done);
    } catch (RuntimeException e) {
      throw new RobotException(RobotException.Reason.JOURNAL, plan + " was made, but the move journal could not"
          + " record it (" + e.getMessage() + ")", Optional.of(plan.destination()), Optional.empty(), e);
    }
    return done;
  }

  /** The move failed with an answer: read element status once to say where the cartridge is. */
  private RobotException failed(PlannedMove plan, long id, MoveJournal journal, RobotException.Reason reason,
      String what, Optional<Sense> sense, Throwable cause, int attempts) throws InterruptedException {
    return failed(plan, id, journal, look(plan, 1), reason, what, sense, cause, attempts);
  }

  private RobotException failed(PlannedMove plan, long id, MoveJournal journal, Settled s,
      RobotException.Reason reason, String what, Optional<Sense> sense, Throwable cause, int attempts) {
    s.source().ifPresent(src -> s.destination().ifPresent(dst -> remember(List.of(src, dst))));
    MoveFailure.Outcome outcome;
    Optional<ElementAddress> at;
    switch (s.state()) {
      case NOT_MOVED:
        outcome = MoveFailure.Outcome.NOT_MOVED;
        at = Optional.of(plan.source());
        break;
      case DONE:
        // refused, and yet the destination holds it: believe element status
        outcome = MoveFailure.Outcome.ELSEWHERE;
        at = Optional.of(plan.destination());
        break;
      default:
        at = inTransport(plan).or(() -> locate(plan.volume()));
        outcome = at.isPresent() ? MoveFailure.Outcome.ELSEWHERE : MoveFailure.Outcome.UNKNOWN;
        break;
    }
    String message = plan + " failed after " + attempts + " attempt(s): " + what + ". Element status: " + s.detail()
        + at.map(a -> "; the library shows the cartridge at " + a).orElse("; where the cartridge is, is not known")
        + ".";
    MoveFailure failure = new MoveFailure(plan, reason, outcome, at, message, sense);
    Logger.warn("{}: {}", changer.transport().describe(), message);
    RobotException e = new RobotException(reason, message, at, sense, cause);
    try {
      journal.failed(id, failure);
    } catch (RuntimeException j) {
      e.addSuppressed(j);
    }
    return e;
  }

  /** The transport's element, when it holds a cartridge (a move stopped half way). */
  private Optional<ElementAddress> inTransport(PlannedMove plan) {
    if (inventory.element(plan.transport()).isEmpty()) {
      return Optional.empty();
    }
    try {
      return reader.read(ElementType.MEDIUM_TRANSPORT, plan.transport()).filter(InventoryElement::full)
          .map(InventoryElement::address);
    } catch (ScsiException e) {
      return Optional.empty();
    }
  }

  /** Where a fresh inventory shows {@code volume}, when there is one such place. */
  private Optional<ElementAddress> locate(Optional<String> volume) {
    if (volume.isEmpty()) {
      return Optional.empty();
    }
    try {
      List<InventoryElement> found = refresh().find(volume.get());
      return found.size() == 1 ? Optional.of(found.get(0).address()) : Optional.empty();
    } catch (ScsiException e) {
      Logger.warn("Cannot look for {}: {}", volume.get(), e.getMessage());
      return Optional.empty();
    }
  }

  private static String whereIs(Optional<String> volume, Optional<ElementAddress> where) {
    return where.map(a -> "; the library shows " + volume.orElseThrow() + " at " + a).orElse("");
  }

  private static boolean holds(InventoryElement e, String volume) {
    return e.volser().filter(volume::equals).isPresent() || e.barcode().filter(volume::equals).isPresent();
  }

  // ---- drives ----

  /**
   * Rewinds the tape in drive {@code element} and unloads it, so that the robot can take it out
   * (REFERENCE §1.7). Nothing to do when the drive has no tape threaded; nothing done either when no tape
   * device is known for the drive (MOVE MEDIUM will say whether the library lets it go).
   */
  public void rewindAndUnload(ElementAddress element) throws RobotException {
    ScsiExecutor tape = drives.get(element);
    if (tape == null) {
      Logger.debug("No tape device known for drive {}; not unloading it", element);
      return;
    }
    try {
      try {
        Commands.run(tape, new Rewind(), options.driveTimeout());
      } catch (NotReadyException e) {
        if (e.sense().asc() == 0x3A) {
          return; // 3A/00: no tape threaded (empty, or already unloaded)
        }
        // unloading already, or otherwise busy: the unload below waits for it or says why not
      }
      try {
        Commands.run(tape, LoadUnload.unloadMedium(), options.driveTimeout());
      } catch (MediumRemovalPreventedException e) {
        // PREVENT MEDIUM REMOVAL is in force on the drive: lift it (SPC-4 1Eh) and unload
        Commands.run(tape, PreventAllowMediumRemoval.allowRemoval(), options.driveTimeout());
        Commands.run(tape, LoadUnload.unloadMedium(), options.driveTimeout());
      } catch (NotReadyException e) {
        if (e.sense().asc() != 0x3A) {
          throw e;
        }
      }
    } catch (ScsiException e) {
      throw new RobotException(RobotException.Reason.DRIVE_ERROR, "Drive " + element + " ("
          + tape.transport().describe() + ") could not be rewound and unloaded: " + e.getMessage(),
          Optional.of(element), Commands.senseOf(e), e);
    }
  }

  private void allowRemovalAndUnload(ElementAddress element) throws RobotException {
    ScsiExecutor tape = drives.get(element);
    try {
      Commands.run(tape, PreventAllowMediumRemoval.allowRemoval(), options.driveTimeout());
    } catch (ScsiException e) {
      Logger.debug("ALLOW MEDIUM REMOVAL on {}: {}", element, e.getMessage());
    }
    rewindAndUnload(element);
  }

  /**
   * Waits until the drive at {@code element} is ready (TEST UNIT READY), with backoff, up to
   * {@link RobotOptions#readyTimeout()}. A cartridge that sits in the drive without being threaded (no
   * autoload) is loaded with LOAD UNLOAD.
   */
  public void awaitReady(ElementAddress element) throws RobotException, InterruptedException {
    ScsiExecutor tape = drivePath(element);
    Instant deadline = clock.now().plus(options.readyTimeout());
    Duration pause = options.pollInterval();
    boolean loadSent = false;
    CheckConditionException last = null;
    while (true) {
      try {
        Commands.run(tape, new TestUnitReady(), TEST_UNIT_READY_TIMEOUT);
        return;
      } catch (NotReadyException e) {
        last = e;
        if (e.sense().asc() == 0x3A && !loadSent && cartridgeIn(element)) {
          try {
            Commands.run(tape, LoadUnload.loadMedium(), options.driveTimeout());
          } catch (ScsiException l) {
            throw new RobotException(RobotException.Reason.DRIVE_NOT_READY, "Drive " + element + " holds a cartridge"
                + " but could not load it: " + l.getMessage(), Optional.of(element), Commands.senseOf(l), l);
          }
          loadSent = true;
          continue;
        }
      } catch (UnitAttentionException e) {
        last = e;
      } catch (ScsiException e) {
        throw new RobotException(RobotException.Reason.DRIVE_NOT_READY, "Drive " + element + " ("
            + tape.transport().describe() + ") is not usable: " + e.getMessage(), Optional.of(element),
            Commands.senseOf(e), e);
      }
      if (!clock.now().isBefore(deadline)) {
        throw new RobotException(RobotException.Reason.DRIVE_NOT_READY, "Drive " + element + " ("
            + tape.transport().describe() + ") not ready after " + options.readyTimeout().toSeconds() + " s: "
            + last.sense(), Optional.of(element), Optional.of(last.sense()), last);
      }
      clock.sleep(pause);
      pause = pause.multipliedBy(2).compareTo(options.maxPollInterval()) > 0 ? options.maxPollInterval()
          : pause.multipliedBy(2);
    }
  }

  private boolean cartridgeIn(ElementAddress drive) {
    try {
      return reader.read(ElementType.DATA_TRANSFER, drive).map(InventoryElement::full).orElse(false);
    } catch (ScsiException e) {
      return false;
    }
  }

  private ScsiExecutor drivePath(ElementAddress element) throws RobotException {
    ScsiExecutor tape = drives.get(element);
    if (tape == null) {
      throw new RobotException(RobotException.Reason.NO_DRIVE_PATH, "No tape device is known for drive " + element
          + " (not matched by serial number; see the inventory's warnings)");
    }
    return tape;
  }

  // ---- mount and dismount ----

  /** Mounts the cartridge at {@code source} in {@code drive} and waits until the drive is ready. */
  public MountedVolume mount(ElementAddress source, ElementAddress drive) throws RobotException, InterruptedException {
    return mount(MoveRequest.of(source, drive));
  }

  /**
   * Mounts {@code volume} (volser or whole barcode) in {@code drive}: finds it in the inventory (read again
   * when stale or when it is not there), moves it and waits until the drive is ready.
   */
  public MountedVolume mount(String volume, ElementAddress drive) throws RobotException, InterruptedException {
    List<InventoryElement> found = stale ? List.of() : inventory.find(volume);
    if (found.isEmpty()) {
      try {
        found = refresh().find(volume);
      } catch (ScsiException e) {
        throw new RobotException(RobotException.Reason.STATUS_UNREADABLE, "Cannot look for " + volume + ": "
            + e.getMessage(), Optional.empty(), Commands.senseOf(e), e);
      }
    }
    if (found.isEmpty()) {
      throw new RobotException(RobotException.Reason.VOLUME_NOT_FOUND, "Volume " + volume + " is not in the library");
    }
    if (found.size() > 1) {
      List<ElementAddress> where = found.stream().map(InventoryElement::address).toList();
      throw new RobotException(RobotException.Reason.VOLUME_MISMATCH, "Volume " + volume + " is on " + found.size()
          + " cartridges, at " + where + ": duplicate labels");
    }
    InventoryElement at = found.get(0);
    if (at.address().equals(drive)) {
      awaitReady(drive);
      return new MountedVolume(drive, at.label(), at.source().orElse(drive), drivePath(drive));
    }
    return mount(MoveRequest.of(at.address(), drive).withVolume(volume));
  }

  private MountedVolume mount(MoveRequest request) throws RobotException, InterruptedException {
    InventoryElement d = element(request.destination());
    if (d.type() != ElementType.DATA_TRANSFER) {
      throw new RobotException(RobotException.Reason.INVALID_REQUEST, "Mount refused: " + d.address()
          + " is a " + d.type().text() + " element, not a drive");
    }
    ScsiExecutor tape = drivePath(d.address());
    CompletedMove m = move(request);
    awaitReady(d.address());
    return new MountedVolume(d.address(), m.destination().label(), request.source(), tape);
  }

  /** Rewinds and unloads {@code drive} and puts its cartridge back into its home slot (SVALID source). */
  public CompletedMove dismount(ElementAddress drive) throws RobotException, InterruptedException {
    return dismount(drive, Optional.empty());
  }

  /** Rewinds and unloads {@code drive} and puts its cartridge into {@code destination}. */
  public CompletedMove dismount(ElementAddress drive, ElementAddress destination)
      throws RobotException, InterruptedException {
    return dismount(drive, Optional.of(destination));
  }

  private CompletedMove dismount(ElementAddress drive, Optional<ElementAddress> destination)
      throws RobotException, InterruptedException {
    InventoryElement d = element(drive);
    if (d.type() != ElementType.DATA_TRANSFER) {
      throw new RobotException(RobotException.Reason.INVALID_REQUEST, "Dismount refused: " + drive + " is a "
          + d.type().text() + " element, not a drive");
    }
    InventoryElement now = status(ElementType.DATA_TRANSFER, drive);
    if (!now.full()) {
      throw new RobotException(RobotException.Reason.SOURCE_EMPTY, "Dismount refused: drive " + drive + " is empty");
    }
    ElementAddress to;
    if (destination.isPresent()) {
      to = destination.get();
    } else {
      to = now.source().filter(a -> inventory.element(a).filter(e -> e.type() == ElementType.STORAGE).isPresent())
          .orElseThrow(() -> new RobotException(RobotException.Reason.INVALID_REQUEST, "The cartridge in drive "
              + drive + " has no home slot the library knows of (no storage source element); name a destination"));
    }
    return move(MoveRequest.of(drive, to));
  }

  // ---- element lookups ----

  private InventoryElement element(ElementAddress address) throws RobotException {
    Optional<InventoryElement> e = inventory.element(address);
    if (e.isEmpty() && stale) {
      try {
        e = refresh().element(address);
      } catch (ScsiException x) {
        throw new RobotException(RobotException.Reason.STATUS_UNREADABLE, "Cannot read the inventory: "
            + x.getMessage(), Optional.empty(), Commands.senseOf(x), x);
      }
    }
    return e.orElseThrow(() -> new RobotException(RobotException.Reason.NO_SUCH_ELEMENT, "The library has no element "
        + address + (inventory.hasImportExport() ? "" : " (it exposes no I/O station over SCSI)")));
  }

  /** The element as the library shows it now. */
  private InventoryElement status(ElementType type, ElementAddress address) throws RobotException {
    try {
      return reader.read(type, address).orElseThrow(() -> new RobotException(RobotException.Reason.NO_SUCH_ELEMENT,
          "The library does not report " + type.text() + " element " + address));
    } catch (NotReadyException e) {
      throw new RobotException(RobotException.Reason.NOT_READY, "The library is not ready: " + e.sense(),
          Optional.empty(), Optional.of(e.sense()), e);
    } catch (ScsiException e) {
      throw new RobotException(RobotException.Reason.STATUS_UNREADABLE, "Cannot read the status of " + type.text()
          + " element " + address + ": " + e.getMessage(), Optional.empty(), Commands.senseOf(e), e);
    }
  }

  private void remember(List<InventoryElement> elements) {
    synchronized (inventoryLock) {
      try {
        inventory = inventory.with(elements);
      } catch (IllegalArgumentException e) {
        stale = true;
      }
    }
  }
}
