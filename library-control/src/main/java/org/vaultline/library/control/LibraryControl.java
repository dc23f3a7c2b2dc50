package org.vaultline.library.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tinylog.Logger;
import org.vaultline.device.DeviceUrl;
import org.vaultline.library.command.TsmDate;
import org.vaultline.library.command.TsmTime;
import org.vaultline.library.control.LibraryCommand.AuditLibrary;
import org.vaultline.library.control.LibraryCommand.CancelRequest;
import org.vaultline.library.control.LibraryCommand.CheckinLibvolume;
import org.vaultline.library.control.LibraryCommand.CheckoutLibvolume;
import org.vaultline.library.control.LibraryCommand.DefineDrive;
import org.vaultline.library.control.LibraryCommand.DefineLibrary;
import org.vaultline.library.control.LibraryCommand.DefinePath;
import org.vaultline.library.control.LibraryCommand.DestinationType;
import org.vaultline.library.control.LibraryCommand.LabelLibvolume;
import org.vaultline.library.control.LibraryCommand.QueryActlog;
import org.vaultline.library.control.LibraryCommand.QueryDrive;
import org.vaultline.library.control.LibraryCommand.QueryLibrary;
import org.vaultline.library.control.LibraryCommand.QueryLibvolume;
import org.vaultline.library.control.LibraryCommand.QueryPath;
import org.vaultline.library.control.LibraryCommand.QueryRequest;
import org.vaultline.library.control.LibraryCommand.Reply;
import org.vaultline.library.control.LibraryService.Work;
import org.vaultline.library.events.EventPayload;
import org.vaultline.library.store.ActivityLogEntry;
import org.vaultline.library.store.ActlogQuery;
import org.vaultline.library.store.BackgroundProcess;
import org.vaultline.library.store.ConflictException;
import org.vaultline.library.store.DeviceIdentity;
import org.vaultline.library.store.DevicePath;
import org.vaultline.library.store.Drive;
import org.vaultline.library.store.EventCategory;
import org.vaultline.library.store.Library;
import org.vaultline.library.store.LibraryVolume;
import org.vaultline.library.store.Message;
import org.vaultline.library.store.Messages;
import org.vaultline.library.store.OperatorRequest;
import org.vaultline.library.store.Origin;
import org.vaultline.library.store.ProcessState;
import org.vaultline.library.store.Store;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * Runs the library commands ({@link LibraryCommand}) against the store and the libraries: definitions and
 * queries directly on the store, CHECKIN/CHECKOUT/AUDIT/LABEL as numbered processes on the library's
 * {@link LibraryService}, which is started on first use (reached through its path's device URL, inventoried,
 * unfinished moves settled) and started again after its drives or paths change. Operations run in the calling
 * thread; one that waits for the operator returns when the request is satisfied, answered, cancelled or timed
 * out, so a CLI runs it in a thread of its own while REPLY and CANCEL REQUEST come from another. Thread-safe.
 *
 * <pre>
 * LibraryControl control = new LibraryControl(store, DeviceOpener.standard()::open, ControlOptions.DEFAULT);
 * CommandResult r = control.execute("checkin libv LIB1 search=bulk status=scratch checklabel=barcode",
 *     Origin.admin("ADMIN"));
 * System.out.print(r.text());
 * </pre>
 */
public final class LibraryControl implements AutoCloseable {
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.ROOT);

  private final Store store;
  private final Connector connector;
  private final ControlOptions options;
  private final LibraryCommandParser parser = new LibraryCommandParser();
  /** Running libraries; changed only under {@link #starting}, read without it (REPLY wakes them). */
  private final Map<String, LibraryService> services = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Boolean> redefined = new java.util.concurrent.ConcurrentHashMap<>();
  private final Object starting = new Object();
  private final List<java.util.function.Consumer<LibraryService>> startListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Processes left RUNNING by a previous run of the server are marked INTERRUPTED (their moves are settled
   * when their library starts).
   */
  public LibraryControl(Store store, Connector connector, ControlOptions options) {
    this.store = Objects.requireNonNull(store, "store");
    this.connector = Objects.requireNonNull(connector, "connector");
    this.options = Objects.requireNonNull(options, "options");
    store.transact(tx -> {
      for (BackgroundProcess p : tx.processes().interruptRunning()) {
        tx.log(Messages.PROCESS_INTERRUPTED, p.number(), p.description());
      }
    });
  }

  public ControlOptions options() {
    return options;
  }

  /** Parses and runs one command line. */
  public CommandResult execute(String line, Origin origin) throws CommandException {
    return execute(parser.parse(line), origin);
  }

  /**
   * Runs one command.
   *
   * @throws CommandException when the command could not run at all: a definition refused, an undefined or
   *     unreachable library, an unknown request number. A volume operation (CHECKIN, CHECKOUT, AUDIT, LABEL)
   *     that started runs as a numbered process; what went wrong in it, up to failing as a whole, is error
   *     messages of the result ({@link CommandResult#hasErrors()}) and the process ends FAILED. CANCEL PROCESS
   *     stops it after the volume in progress (or at once while it waits for the operator): it ends CANCELLED
   */
  public CommandResult execute(LibraryCommand c, Origin origin) throws CommandException {
    Objects.requireNonNull(origin, "origin");
    if (c instanceof DefineLibrary d) {
      return defineLibrary(d, origin);
    } else if (c instanceof DefineDrive d) {
      return defineDrive(d, origin);
    } else if (c instanceof DefinePath d) {
      return definePath(d, origin);
    } else if (c instanceof QueryLibrary q) {
      return queryLibrary(q);
    } else if (c instanceof QueryDrive q) {
      return queryDrive(q);
    } else if (c instanceof QueryPath q) {
      return queryPath(q);
    } else if (c instanceof QueryLibvolume q) {
      return queryLibvolume(q);
    } else if (c instanceof QueryRequest q) {
      return queryRequest(q);
    } else if (c instanceof Reply r) {
      return reply(r, origin);
    } else if (c instanceof CancelRequest r) {
      return cancel(r, origin);
    } else if (c instanceof QueryActlog q) {
      return queryActlog(q);
    } else if (c instanceof CheckinLibvolume x) {
      return operate(c, x.library(), origin, (ops, w) -> ops.checkin(w, x));
    } else if (c instanceof CheckoutLibvolume x) {
      return operate(c, x.library(), origin, (ops, w) -> ops.checkout(w, x));
    } else if (c instanceof AuditLibrary x) {
      return operate(c, x.library(), origin, (ops, w) -> ops.audit(w, x));
    } else {
      LabelLibvolume x = (LabelLibvolume) c;
      return operate(c, x.library(), origin, (ops, w) -> ops.label(w, x));
    }
  }

  // ---- libraries at work ----

  /**
   * The library's service, started when it is not running (or its definitions changed and it is idle).
   *
   * @throws CommandException when the library is not defined, has no path, or cannot be reached
   */
  public LibraryService library(String name) throws CommandException {
    return library(name, Origin.SERVER, new ArrayList<>());
  }

  private LibraryService library(String name, Origin origin, List<Message> out) throws CommandException {
    synchronized (starting) {
      LibraryService s = services.get(name);
      if (s != null && !(redefined.getOrDefault(name, false) && !s.isBusy())) {
        return s;
      }
      Map<Long, LibraryService.Standing> standing = Map.of();
      if (s != null) {
        services.remove(name);
        standing = s.standingRequests();
        s.close();
      }
      redefined.remove(name);
      if (store.read(r -> r.libraries().find(name)).isEmpty()) {
        throw CommandException.of(ControlMessages.LIBRARY_NOT_DEFINED, name);
      }
      DevicePath path = store.read(r -> r.paths().toLibrary(options.serverName(), name))
          .orElseThrow(() -> CommandException.of(ControlMessages.NO_LIBRARY_PATH, options.serverName(), name));
      ScsiTransport changer;
      try {
        changer = connector.open(path.device());
      } catch (TransportException | IllegalArgumentException e) {
        throw CommandException.of(ControlMessages.LIBRARY_UNREACHABLE, name, path.device(), e.getMessage());
      }
      Map<String, ScsiTransport> drives = new LinkedHashMap<>();
      for (Drive d : store.read(r -> r.drives().list(name))) {
        Optional<DevicePath> p = store.read(r -> r.paths().toDrive(options.serverName(), name, d.name()));
        if (p.isEmpty() || !p.get().online() || !d.online()) {
          continue;
        }
        try {
          drives.put(d.name(), connector.open(p.get().device()));
        } catch (TransportException | IllegalArgumentException e) {
          store.transact(origin, tx -> out.add(tx.log(ControlMessages.DRIVE_UNREACHABLE, d.name(), name,
              p.get().device(), e.getMessage())));
        }
      }
      LibraryService started = LibraryService.start(store, name, options, changer, drives, standing, origin, out);
      services.put(name, started);
      for (java.util.function.Consumer<LibraryService> l : startListeners) {
        try {
          l.accept(started);
        } catch (RuntimeException e) {
          Logger.error(e, "Library {}: a start listener failed", name);
        }
      }
      return started;
    }
  }

  /**
   * Starts the library now (when it is not running) and returns the messages of its start: reached, inventoried,
   * drives matched, unfinished moves settled.
   *
   * @throws CommandException when the library is not defined, has no path, or cannot be reached
   */
  public List<Message> start(String name, Origin origin) throws CommandException {
    List<Message> out = new ArrayList<>();
    library(name, origin, out);
    return out;
  }

  /** Tells {@code listener} about every library service started from now on (the station watcher). */
  void onStart(java.util.function.Consumer<LibraryService> listener) {
    startListeners.add(listener);
  }

  /** The library services running now. */
  List<LibraryService> running() {
    return List.copyOf(services.values());
  }

  /** Marks the library's service for a restart (new drives or paths) once it is idle. */
  private void redefined(String library) {
    synchronized (starting) {
      if (services.containsKey(library)) {
        redefined.put(library, true);
      }
    }
  }

  @FunctionalInterface
  private interface Operation {
    void run(LibraryOperations ops, Work w) throws CommandException;
  }

  /** Runs a volume operation as a numbered process of the library's service. */
  private CommandResult operate(LibraryCommand c, String library, Origin origin, Operation op)
      throws CommandException {
    List<Message> out = new ArrayList<>();
    LibraryService lib = library(library, origin, out);
    String description = c.name() + " " + library;
    long process = store.write(origin, tx -> {
      BackgroundProcess p = tx.processes().start(description);
      out.add(tx.log(Messages.PROCESS_STARTED, p.number(), description));
      return p.number();
    });
    Origin in = origin.inProcess(process);
    ProcessState end = ProcessState.FAILED;
    String how = "failed";
    lib.enter();
    try {
      Work work = new Work(in, out);
      op.run(new LibraryOperations(lib), work);
      if (lib.cancelled(work)) {
        end = ProcessState.CANCELLED;
        how = "cancelled";
      } else {
        end = ProcessState.COMPLETED;
        how = "completed";
      }
    } catch (CommandException e) {
      how = "failed: " + e.message().render();
      store.transact(in, tx -> tx.log(e.message()));
      out.add(e.message());
    } catch (RuntimeException e) {
      how = "failed: " + e;
      Logger.error(e, "{} failed", description);
      throw e;
    } finally {
      lib.leave();
      ProcessState state = end;
      String result = how;
      store.transact(in, tx -> {
        tx.processes().finish(process, state);
        out.add(tx.log(Messages.PROCESS_ENDED, process, description, result));
      });
    }
    return CommandResult.of(c.name(), out);
  }

  // ---- definitions ----

  private CommandResult defineLibrary(DefineLibrary d, Origin origin) throws CommandException {
    try {
      Message m = store.write(origin, tx -> {
        tx.libraries().insert(Library.defined(d.library(), tx.now()));
        Message msg = tx.log(Messages.LIBRARY_DEFINED, d.library());
        tx.event(EventCategory.LIBRARY, EventPayload.of("library.defined", msg.text()).with("library", d.library())
            .json());
        return msg;
      });
      return CommandResult.of(d.name(), m);
    } catch (ConflictException e) {
      throw CommandException.of(ControlMessages.LIBRARY_EXISTS, d.library());
    }
  }

  private CommandResult defineDrive(DefineDrive d, Origin origin) throws CommandException {
    requireLibrary(d.library());
    try {
      Message m = store.write(origin, tx -> {
        Drive drive = Drive.defined(d.library(), d.drive(), d.element(),
            d.serial().map(DeviceIdentity::serial).orElse(DeviceIdentity.UNKNOWN), tx.now())
            .withOnline(d.online(), tx.now());
        tx.drives().insert(drive);
        Message msg = tx.log(Messages.DRIVE_DEFINED, d.drive(), d.library());
        tx.event(EventCategory.LIBRARY, EventPayload.of("library.drive.defined", msg.text())
            .with("library", d.library()).with("drive", d.drive()).json());
        return msg;
      });
      redefined(d.library());
      return CommandResult.of(d.name(), m);
    } catch (ConflictException e) {
      throw CommandException.of(ControlMessages.DRIVE_EXISTS, d.drive(), d.library(), e.getMessage());
    }
  }

  private CommandResult definePath(DefinePath d, Origin origin) throws CommandException {
    try {
      DeviceUrl.parse(d.device());
    } catch (IllegalArgumentException e) {
      throw CommandException.of(ControlMessages.BAD_DEVICE, d.device(), e.getMessage());
    }
    String library = d.libraryName();
    requireLibrary(library);
    if (d.destinationType() == DestinationType.DRIVE
        && store.read(r -> r.drives().find(library, d.destination())).isEmpty()) {
      throw CommandException.of(ControlMessages.DRIVE_NOT_DEFINED, d.destination(), library);
    }
    try {
      Message m = store.write(origin, tx -> {
        DevicePath p = d.destinationType() == DestinationType.LIBRARY
            ? DevicePath.toLibrary(d.source(), library, d.device(), tx.now())
            : DevicePath.toDrive(d.source(), library, d.destination(), d.device(), tx.now());
        tx.paths().insert(p.withOnline(d.online(), tx.now()));
        Message msg = tx.log(Messages.PATH_DEFINED, d.source(), p.destination(), d.device());
        tx.event(EventCategory.LIBRARY, EventPayload.of("library.path.defined", msg.text()).with("library", library)
            .with("destination", p.destination()).json());
        return msg;
      });
      redefined(library);
      return CommandResult.of(d.name(), m);
    } catch (ConflictException e) {
      throw CommandException.of(ControlMessages.PATH_EXISTS, d.source(),
          d.destinationType() == DestinationType.LIBRARY ? library : library + "/" + d.destination());
    }
  }

  private void requireLibrary(String library) throws CommandException {
    if (store.read(r -> r.libraries().find(library)).isEmpty()) {
      throw CommandException.of(ControlMessages.LIBRARY_NOT_DEFINED, library);
    }
  }

  // ---- queries ----

  private CommandResult queryLibrary(QueryLibrary q) {
    ResultTable.Builder t = ResultTable.builder("Library Name", "Library Type", "Vendor", "Product", "Serial Number",
        "On-Line");
    for (Library l : store.read(r -> r.libraries().list())) {
      if (q.library().map(p -> Wildcards.matches(p, l.name())).orElse(true)) {
        t.row(l.name(), "SCSI", l.identity().vendor().orElse(""), l.identity().product().orElse(""),
            l.identity().serial().orElse(""), yes(l.online()));
      }
    }
    return result("QUERY LIBRARY", t.build(), q.library().orElse("*"));
  }

  private CommandResult queryDrive(QueryDrive q) {
    ResultTable.Builder t = ResultTable.builder("Library Name", "Drive Name", "Device Type", "On-Line", "Element",
        "Serial Number");
    for (Drive d : store.read(r -> r.drives().list())) {
      if (q.library().map(p -> Wildcards.matches(p, d.library())).orElse(true)
          && q.drive().map(p -> Wildcards.matches(p, d.name())).orElse(true)) {
        t.row(d.library(), d.name(), d.identity().product().map(DeviceTypes::ofDrive).orElse("UNKNOWN"),
            yes(d.online()), d.element().map(e -> Integer.toString(e.value())).orElse("AUTODETECT"),
            d.identity().serial().orElse(""));
      }
    }
    return result("QUERY DRIVE", t.build(), q.library().orElse("*") + " " + q.drive().orElse("*"));
  }

  private CommandResult queryPath(QueryPath q) {
    ResultTable.Builder t = ResultTable.builder("Source Name", "Source Type", "Destination Name",
        "Destination Type", "On-Line", "Device");
    for (DevicePath p : store.read(r -> r.paths().list())) {
      String destination = p.drive().orElse(p.library());
      if (q.source().map(s -> Wildcards.matches(s, p.source())).orElse(true)
          && q.destination().map(s -> Wildcards.matches(s, destination)).orElse(true)) {
        t.row(p.source(), "SERVER", destination, p.destinationType(), yes(p.online()), p.device());
      }
    }
    return result("QUERY PATH", t.build(), q.source().orElse("*"));
  }

  private CommandResult queryLibvolume(QueryLibvolume q) {
    ResultTable.Builder t = ResultTable.builder("Library Name", "Volume Name", "Status", "Owner", "Last Use",
        "Home\nElement", "Device\nType");
    for (LibraryVolume v : store.read(r -> r.volumes().query(q.library().filter(l -> !Wildcards.hasWildcards(l)),
        q.volume().orElse("*")))) {
      if (q.library().map(p -> Wildcards.matches(p, v.library())).orElse(true)) {
        t.row(v.library(), v.volume(), capitalized(v.status().name()), v.owner().orElse(""),
            v.lastUse().map(u -> u.display()).orElse(""),
            v.homeElement().map(e -> Integer.toString(e.value())).orElse(""), v.deviceType().orElse(""));
      }
    }
    return result("QUERY LIBVOLUME", t.build(), q.library().orElse("*") + " " + q.volume().orElse("*"));
  }

  private CommandResult queryRequest(QueryRequest q) throws CommandException {
    List<OperatorRequest> list = store.read(r -> r.requests().outstanding());
    if (q.number().isPresent()) {
      list = list.stream().filter(r -> r.number() == q.number().get()).toList();
      if (list.isEmpty()) {
        throw CommandException.of(ControlMessages.REQUEST_NOT_FOUND, q.number().get());
      }
    }
    ResultTable.Builder t = ResultTable.builder("Request", "Library Name", "Volume Name", "Requested", "Wait Until",
        "Request Text");
    for (OperatorRequest r : list) {
      t.row(String.format("%03d", r.number()), r.library().orElse(""), r.volume().orElse(""), dateTime(r.raised()),
          r.expires().map(this::dateTime).orElse(""), r.text());
    }
    List<Message> ms = list.isEmpty() ? List.of(ControlMessages.NO_REQUESTS.format()) : List.of();
    return CommandResult.table("QUERY REQUEST", t.build(), ms);
  }

  private CommandResult queryActlog(QueryActlog q) {
    ZonedDateTime now = ZonedDateTime.ofInstant(store.clock().instant(), options.zone());
    ActlogQuery query = ActlogQuery.all().from(begin(q, now)).to(end(q, now));
    if (q.messageNumber().isPresent()) {
      query = query.messageNumber(q.messageNumber().get());
    }
    if (q.search().isPresent()) {
      query = query.searching(q.search().get());
    }
    ActlogQuery fixed = query;
    ResultTable.Builder t = ResultTable.builder("Date/Time", "Message");
    for (ActivityLogEntry e : store.read(r -> r.activityLog().query(fixed))) {
      t.row(dateTime(e.time()), e.message().render());
    }
    return result("QUERY ACTLOG", t.build(), "the activity log");
  }

  /** TSM: without begin date and time, an hour ago; a date alone starts at 00:00:00; a time alone is today's. */
  static Instant begin(QueryActlog q, ZonedDateTime now) {
    if (q.beginDate().isEmpty() && q.beginTime().isEmpty()) {
      return now.toInstant().minus(1, ChronoUnit.HOURS);
    }
    return bound(q.beginDate(), q.beginTime(), LocalTime.MIDNIGHT, now);
  }

  /** TSM: without end date and time, now; a date alone ends at 23:59:59. */
  static Instant end(QueryActlog q, ZonedDateTime now) {
    if (q.endDate().isEmpty() && q.endTime().isEmpty()) {
      return now.toInstant();
    }
    Instant e = bound(q.endDate(), q.endTime(), LocalTime.of(23, 59, 59), now);
    return q.endTime().filter(t -> t instanceof TsmTime.Now).isPresent() ? e : e.plusMillis(999);
  }

  private static Instant bound(Optional<TsmDate> date, Optional<TsmTime> time, LocalTime otherwise,
      ZonedDateTime now) {
    LocalDate today = now.toLocalDate();
    if (time.isPresent() && time.get() instanceof TsmTime.Now n) {
      LocalDateTime moment = n.resolve(now.toLocalDateTime());
      LocalDateTime at = date.isEmpty() ? moment : LocalDateTime.of(date.get().resolve(today), moment.toLocalTime());
      return at.atZone(now.getZone()).toInstant();
    }
    LocalDate d = date.map(x -> x.resolve(today)).orElse(today);
    LocalTime t = time.map(x -> ((TsmTime.Absolute) x).time()).orElse(otherwise);
    return LocalDateTime.of(d, t).atZone(now.getZone()).toInstant();
  }

  private CommandResult result(String command, ResultTable table, String what) {
    List<Message> ms = table.rows().isEmpty() ? List.of(ControlMessages.NOTHING_FOUND.format(what)) : List.of();
    return CommandResult.table(command, table, ms);
  }

  private String dateTime(Instant t) {
    return DATE_TIME.format(t.atZone(options.zone()));
  }

  private static String yes(boolean b) {
    return b ? "Yes" : "No";
  }

  private static String capitalized(String s) {
    return s.charAt(0) + s.substring(1).toLowerCase(Locale.ROOT);
  }

  // ---- operator requests ----

  private CommandResult reply(Reply r, Origin origin) throws CommandException {
    String text = r.label().map(l -> "LABEL=" + l).orElse("done");
    Optional<Message> m = store.write(origin, tx -> {
      Optional<OperatorRequest> req = tx.requests().find(r.number());
      if (req.isEmpty() || !tx.requests().answer(r.number(), Optional.of(text))) {
        return Optional.<Message>empty();
      }
      Message msg = tx.log(Messages.REQUEST_ANSWERED, r.number(), origin.admin().orElse("SERVER"), text);
      tx.event(EventCategory.REQUESTS, EventPayload.of("request.answered", msg.text()).with("request", r.number())
          .with("library", req.get().library().orElse("")).json());
      return Optional.of(msg);
    });
    if (m.isEmpty()) {
      throw CommandException.of(ControlMessages.REQUEST_NOT_FOUND, r.number());
    }
    wakeAll();
    return CommandResult.of(r.name(), m.get());
  }

  private CommandResult cancel(CancelRequest c, Origin origin) throws CommandException {
    List<Long> numbers = c.number().map(List::of).orElseGet(() -> store.read(r -> r.requests().outstanding())
        .stream().map(OperatorRequest::number).toList());
    List<Message> out = new ArrayList<>();
    for (long n : numbers) {
      store.transact(origin, tx -> {
        Optional<OperatorRequest> req = tx.requests().find(n);
        if (req.isPresent() && tx.requests().cancel(n, Optional.of("CANCEL REQUEST"))) {
          Message msg = tx.log(Messages.REQUEST_CANCELLED, n, origin.admin().orElse("SERVER"));
          out.add(msg);
          tx.event(EventCategory.REQUESTS, EventPayload.of("request.cancelled", msg.text()).with("request", n)
              .with("library", req.get().library().orElse("")).json());
        }
      });
    }
    if (c.number().isPresent() && out.isEmpty()) {
      throw CommandException.of(ControlMessages.REQUEST_NOT_FOUND, c.number().get());
    }
    if (out.isEmpty()) {
      out.add(ControlMessages.NO_REQUESTS.format());
    }
    wakeAll();
    return CommandResult.of(c.name(), out);
  }

  /** Wakes every operation waiting for the operator (a REPLY, CANCEL REQUEST or CANCEL PROCESS was given). */
  void wakeAll() {
    services.values().forEach(LibraryService::wake);
  }

  /** Closes every library's transports. */
  @Override
  public void close() {
    synchronized (starting) {
      services.values().forEach(LibraryService::close);
      services.clear();
    }
  }
}
