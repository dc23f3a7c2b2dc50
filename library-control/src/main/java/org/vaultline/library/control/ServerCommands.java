package org.vaultline.library.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tinylog.Logger;
import org.vaultline.library.command.CommandTokens;
import org.vaultline.library.command.CommandTokens.Token;
import org.vaultline.library.command.Keyword;
import org.vaultline.library.drm.CmdOutput;
import org.vaultline.library.drm.DrmCommand;
import org.vaultline.library.drm.DrmCommandParser;
import org.vaultline.library.drm.DrmLedger;
import org.vaultline.library.drm.DrmMessageId;
import org.vaultline.library.drm.DrmMessages;
import org.vaultline.library.drm.DrmRegistration;
import org.vaultline.library.drm.DrmSyntaxException;
import org.vaultline.library.drm.DrmVolume;
import org.vaultline.library.drm.MoveDrMedia;
import org.vaultline.library.drm.MoveDrMediaRun;
import org.vaultline.library.drm.QueryDrMedia;
import org.vaultline.library.drm.QueryDrmStatus;
import org.vaultline.library.drm.SetDrm;
import org.vaultline.library.store.BackgroundProcess;
import org.vaultline.library.store.DevicePath;
import org.vaultline.library.store.Library;
import org.vaultline.library.store.Message;
import org.vaultline.library.store.Messages;
import org.vaultline.library.store.OperatorRequest;
import org.vaultline.library.store.Origin;
import org.vaultline.library.store.Store;

/**
 * The server's command surface: every administrative command line in TSM syntax, one entry for the daemon, its
 * administrative API and console. It routes a line to the library commands ({@link LibraryControl}), the DRM
 * commands ({@link DrmCommandParser}, {@link DrmLedger}, {@link MoveDrMediaRun} on {@link DrmOnLibrary}) or the
 * process commands it runs itself (QUERY PROCESS, CANCEL PROCESS), and gives back a {@link CommandResult}: messages
 * with their stable IDs (DRM's VLN04xx kept as they are) and, for a query, a {@link ResultTable} so that JSON has
 * rows.
 *
 * <p>Lifecycle: {@link #start} once when the server starts (libraries reached and settled, interrupted MOVE DRMEDIA
 * ejects reconciled, the I/O-station watchers started: automatic check-in, {@link StationWatcher}); {@link #quiesce}
 * on SIGTERM; {@link #close} last. Thread-safe: commands may run concurrently, each in its caller's thread, except
 * MOVE DRMEDIA WAIT=NO (TSM's default), which runs as a background process on a thread of its own.
 *
 * <pre>
 * try (ServerCommands server = new ServerCommands(store, DeviceOpener.standard()::open, options, zone)) {
 *   server.start(Origin.SERVER).forEach(m -&gt; log.info(m.render()));
 *   CommandInfo info = server.describe(line);          // authority check with info.kind()
 *   System.out.print(server.execute(line, Origin.admin("ADMIN")).text());
 * }
 * </pre>
 */
public final class ServerCommands implements AutoCloseable {
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.ROOT);

  static final String COMMANDS = "QUERY LIBRARY|DRIVE|PATH|LIBVOLUME|REQUEST|ACTLOG|PROCESS|DRMEDIA|DRMSTATUS,"
      + " DEFINE LIBRARY|DRIVE|PATH|DRMVOLUME, UPDATE DRMVOLUME, DELETE DRMVOLUME, CHECKIN LIBVOLUME,"
      + " CHECKOUT LIBVOLUME, AUDIT LIBRARY, LABEL LIBVOLUME, REPLY, CANCEL REQUEST|PROCESS, MOVE DRMEDIA, SET DRM...";
  /** OPERATE commands that help a stop rather than start work: still accepted while the server stops. */
  private static final Set<String> STOPPING_ALLOWED = Set.of("REPLY", "CANCEL REQUEST", "CANCEL PROCESS");
  static final String QUERY_PROCESS_USAGE = "QUERY PROCESS [process_number]";
  static final String CANCEL_PROCESS_USAGE = "CANCEL PROCESS process_number";

  // Verbs and objects, with TSM's minimum abbreviations (the same as the parsers behind them).
  private static final Keyword QUERY = Keyword.of("Query");
  private static final Keyword MOVE = Keyword.of("MOVe");
  private static final Keyword SET = Keyword.of("Set");
  private static final Keyword DEFINE = Keyword.of("DEFine");
  private static final Keyword UPDATE = Keyword.of("UPDate");
  private static final Keyword DELETE = Keyword.of("DELete");
  private static final Keyword CHECKIN = Keyword.of("CHECKIn");
  private static final Keyword CHECKOUT = Keyword.of("CHECKOut");
  private static final Keyword AUDIT = Keyword.of("AUDit");
  private static final Keyword LABEL = Keyword.of("LABEl");
  private static final Keyword REPLY = Keyword.of("REPly");
  private static final Keyword CANCEL = Keyword.of("CANcel");
  private static final Keyword DRMEDIA = Keyword.of("DRMedia");
  private static final Keyword DRMSTATUS = Keyword.of("DRMSTatus");
  private static final Keyword DRMVOLUME = Keyword.of("DRMVOLume");
  private static final Keyword PROCESS = Keyword.of("PRocess");
  private static final Keyword LIBRARY = Keyword.of("LIBRary");
  private static final Keyword DRIVE = Keyword.of("DRive");
  private static final Keyword PATH = Keyword.of("PATH");
  private static final Keyword LIBVOLUME = Keyword.of("LIBVolume");
  private static final Keyword REQUEST = Keyword.of("REQuest");
  private static final Keyword ACTLOG = Keyword.of("ACtlog");

  private final Store store;
  private final ControlOptions options;
  private final ZoneId zone;
  private final LibraryControl control;
  private final DrmLedger ledger;
  private final DrmOnLibrary drm;
  private final MoveDrMediaRun runs;
  private final DrmCommandParser drmParser;
  private final LibraryCommandParser libraryParser = new LibraryCommandParser();
  private final Map<LibraryService, StationWatcher> watchers = new ConcurrentHashMap<>();
  private final Object watching = new Object();
  private volatile boolean started;
  private volatile boolean quiescing;
  private volatile boolean closed;

  /**
   * @param connector opens a path's device URL
   * @param zone the administrators' time zone: DRM dates and times, QUERY PROCESS
   */
  public ServerCommands(Store store, Connector connector, ControlOptions options, ZoneId zone) {
    this.store = Objects.requireNonNull(store, "store");
    this.options = Objects.requireNonNull(options, "options");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.control = new LibraryControl(store, connector, options);
    this.ledger = new DrmLedger(store, zone);
    this.drm = new DrmOnLibrary(control);
    this.runs = new MoveDrMediaRun(ledger, drm);
    this.drmParser = new DrmCommandParser(zone, store.clock()); // DEFINE DRMVOLUME DATE=TODAY-1: the server's day
    control.onStart(this::watch);
  }

  public LibraryControl libraries() {
    return control;
  }

  public DrmLedger drm() {
    return ledger;
  }

  // ---- start ----

  /**
   * Server start: every defined library with a path from this server is started (reached, inventoried, drives
   * matched, moves a crash left open settled from element status); a library that cannot be reached is reported
   * (its message, logged) and left for its first use. Then MOVE DRMEDIA ejects interrupted by the last stop are
   * reconciled (completed when the cartridge left, dropped when not; those of unreachable libraries wait), and every
   * started library gets its I/O-station watcher (automatic check-in).
   *
   * @return what happened, in order, ending with VLN0506I
   */
  public List<Message> start(Origin origin) {
    List<Message> out = new ArrayList<>();
    int ready = 0;
    Set<String> unavailable = new LinkedHashSet<>();
    for (Library l : store.read(r -> r.libraries().list())) {
      Optional<DevicePath> path = store.read(r -> r.paths().toLibrary(options.serverName(), l.name()));
      if (path.isEmpty()) {
        continue;
      }
      try {
        out.addAll(control.start(l.name(), origin));
        ready++;
      } catch (CommandException e) {
        unavailable.add(l.name());
        store.transact(origin, tx -> tx.log(e.message()));
        out.add(e.message());
      }
    }
    List<String> completed = ledger.reconcile(origin, unavailable);
    started = true; // from now on every library started gets its watcher
    for (LibraryService s : control.running()) {
      watch(s);
    }
    int r = ready;
    out.add(store.write(origin, tx -> tx.log(ControlMessages.SERVER_STARTED, r, unavailable.size(),
        completed.size())));
    return out;
  }

  /** Starts the station watcher of a library service (once the server has started, not while it stops). */
  private void watch(LibraryService s) {
    if (!started || quiescing || closed) {
      return;
    }
    synchronized (watching) {
      watchers.entrySet().removeIf(e -> !e.getValue().isAlive());
      if (!watchers.containsKey(s)) {
        watchers.put(s, new StationWatcher(s, ledger, () -> !store.read(r -> r.processes().running()).isEmpty())
            .start());
      }
    }
  }

  // ---- describe ----

  /** A parsed line: what it is and the parsed command of its parser. */
  private record Parsed(CommandInfo info, Object command) {}

  /** The process commands this class runs itself. */
  private record QueryProcess(Optional<Long> number) {}

  private record CancelProcess(long number) {}

  /**
   * Which command {@code line} is and what it needs. The line is parsed in full, so a line that describes without
   * an exception runs without a syntax error.
   *
   * @throws CommandException for an unknown command (VLN0500E, naming what was not understood and listing the
   *     commands) or a syntax error (the message of the command's parser: what is wrong and the correct form)
   */
  public CommandInfo describe(String line) throws CommandException {
    return parse(line).info();
  }

  private Parsed parse(String line) throws CommandException {
    Objects.requireNonNull(line, "line");
    List<Token> tokens;
    try {
      tokens = CommandTokens.tokenize(line);
    } catch (CommandTokens.UnterminatedQuote e) {
      throw CommandException.of(ControlMessages.UNTERMINATED_QUOTE, e.column());
    }
    if (tokens.isEmpty()) {
      throw unknown(line, "the line is empty");
    }
    Token first = tokens.get(0);
    if (!positional(first)) {
      throw unknown(line, first.typed() + " is not a command");
    }
    String verb = first.value();
    if (REPLY.matches(verb)) {
      return library(line);
    }
    if (tokens.size() < 2 || !positional(tokens.get(1))) {
      if (isVerb(verb)) {
        throw unknown(line, verb.toUpperCase(Locale.ROOT) + " needs what to act on");
      }
      throw unknown(line, "the command " + verb.toUpperCase(Locale.ROOT) + " is not known");
    }
    String object = tokens.get(1).value();
    if (QUERY.matches(verb)) {
      if (DRMEDIA.matches(object) || DRMSTATUS.matches(object)) {
        return drm(line);
      }
      if (PROCESS.matches(object)) {
        return queryProcess(tokens.subList(2, tokens.size()));
      }
      if (LIBRARY.matches(object) || DRIVE.matches(object) || PATH.matches(object) || LIBVOLUME.matches(object)
          || REQUEST.matches(object) || ACTLOG.matches(object)) {
        return library(line);
      }
    } else if (MOVE.matches(verb)) {
      if (DRMEDIA.matches(object)) {
        return drm(line);
      }
    } else if (SET.matches(verb)) {
      if (object.toUpperCase(Locale.ROOT).startsWith("DRM")) {
        return drm(line);
      }
    } else if (DEFINE.matches(verb)) {
      if (DRMVOLUME.matches(object)) {
        return drm(line);
      }
      if (LIBRARY.matches(object) || DRIVE.matches(object) || PATH.matches(object)) {
        return library(line);
      }
    } else if (UPDATE.matches(verb) || DELETE.matches(verb)) {
      if (DRMVOLUME.matches(object)) {
        return drm(line);
      }
    } else if (CHECKIN.matches(verb) || CHECKOUT.matches(verb) || LABEL.matches(verb)) {
      if (LIBVOLUME.matches(object)) {
        return library(line);
      }
    } else if (AUDIT.matches(verb)) {
      if (LIBRARY.matches(object)) {
        return library(line);
      }
    } else if (CANCEL.matches(verb)) {
      if (REQUEST.matches(object)) {
        return library(line);
      }
      if (PROCESS.matches(object)) {
        return cancelProcess(tokens.subList(2, tokens.size()));
      }
    } else {
      throw unknown(line, "the command " + verb.toUpperCase(Locale.ROOT) + " is not known");
    }
    throw unknown(line, object.toUpperCase(Locale.ROOT) + " is not something "
        + canonicalVerb(verb) + " works on here");
  }

  private static boolean isVerb(String verb) {
    for (Keyword k : List.of(QUERY, MOVE, SET, DEFINE, UPDATE, DELETE, CHECKIN, CHECKOUT, AUDIT, LABEL, CANCEL)) {
      if (k.matches(verb)) {
        return true;
      }
    }
    return false;
  }

  private static String canonicalVerb(String verb) {
    for (Keyword k : List.of(QUERY, MOVE, SET, DEFINE, UPDATE, DELETE, CHECKIN, CHECKOUT, AUDIT, LABEL, CANCEL)) {
      if (k.matches(verb)) {
        return k.word();
      }
    }
    return verb.toUpperCase(Locale.ROOT);
  }

  private static boolean positional(Token t) {
    return t.key().isEmpty() && !t.quoted();
  }

  private static CommandException unknown(String line, String why) {
    String typed = line.strip();
    if (typed.length() > 40) {
      typed = typed.substring(0, 40) + "...";
    }
    return CommandException.of(ControlMessages.UNKNOWN_SERVER_COMMAND, typed, why, COMMANDS);
  }

  private Parsed library(String line) throws CommandException {
    LibraryCommand c = libraryParser.parse(line);
    String name = c.name();
    CommandKind kind = name.startsWith("QUERY ") ? CommandKind.QUERY
        : name.startsWith("DEFINE ") ? CommandKind.CONFIGURE : CommandKind.OPERATE;
    return new Parsed(new CommandInfo(name, kind), c);
  }

  private Parsed drm(String line) throws CommandException {
    DrmCommand c;
    try {
      c = drmParser.parse(line);
    } catch (DrmSyntaxException e) {
      Message m = e.drmMessage().toMessage();
      if (!e.usage().isEmpty()) {
        m = new Message(m.id(), m.text() + " Syntax: " + e.usage());
      }
      throw new CommandException(m, e);
    }
    String[] words = c.commandText(zone).split(" ", 3);
    String name = words[0] + " " + words[1];
    CommandKind kind = c instanceof QueryDrMedia || c instanceof QueryDrmStatus ? CommandKind.QUERY
        : c instanceof SetDrm ? CommandKind.CONFIGURE : CommandKind.OPERATE;
    return new Parsed(new CommandInfo(name, kind), c);
  }

  private static Parsed queryProcess(List<Token> rest) throws CommandException {
    if (rest.size() > 1) {
      throw CommandException.of(ControlMessages.QUERY_PROCESS_SYNTAX, "QUERY PROCESS", "unexpected "
          + rest.get(1).typed(), QUERY_PROCESS_USAGE);
    }
    Optional<Long> number = rest.isEmpty() ? Optional.empty()
        : Optional.of(processNumber("QUERY PROCESS", rest.get(0), QUERY_PROCESS_USAGE));
    return new Parsed(new CommandInfo("QUERY PROCESS", CommandKind.QUERY), new QueryProcess(number));
  }

  private static Parsed cancelProcess(List<Token> rest) throws CommandException {
    if (rest.isEmpty()) {
      throw CommandException.of(ControlMessages.QUERY_PROCESS_SYNTAX, "CANCEL PROCESS",
          "the process number is required", CANCEL_PROCESS_USAGE);
    }
    if (rest.size() > 1) {
      throw CommandException.of(ControlMessages.QUERY_PROCESS_SYNTAX, "CANCEL PROCESS", "unexpected "
          + rest.get(1).typed(), CANCEL_PROCESS_USAGE);
    }
    long n = processNumber("CANCEL PROCESS", rest.get(0), CANCEL_PROCESS_USAGE);
    return new Parsed(new CommandInfo("CANCEL PROCESS", CommandKind.OPERATE), new CancelProcess(n));
  }

  private static long processNumber(String command, Token t, String usage) throws CommandException {
    String v = t.value();
    if (t.key().isPresent() || v.isEmpty() || v.length() > 18 || !v.chars().allMatch(Character::isDigit)
        || Long.parseLong(v) < 1) {
      throw CommandException.of(ControlMessages.QUERY_PROCESS_SYNTAX, command, t.typed()
          + " is not a process number (1 or more)", usage);
    }
    return Long.parseLong(v);
  }

  // ---- execute ----

  /**
   * Runs one command line. While the server stops ({@link #quiesce}) commands of kind {@link CommandKind#OPERATE}
   * are refused (VLN0504E), except REPLY, CANCEL REQUEST and CANCEL PROCESS.
   *
   * @throws CommandException when the line is not a command ({@link #describe}), or the command could not run at
   *     all (an undefined library, an unknown request or process number, the server stopping). What went wrong
   *     while it ran is in the result's error messages ({@link CommandResult#hasErrors()}).
   */
  public CommandResult execute(String line, Origin origin) throws CommandException {
    Objects.requireNonNull(origin, "origin");
    Parsed p = parse(line);
    if (quiescing && p.info().kind() == CommandKind.OPERATE && !STOPPING_ALLOWED.contains(p.info().name())) {
      throw CommandException.of(ControlMessages.STOPPING_REFUSED, p.info().name());
    }
    Object c = p.command();
    if (c instanceof LibraryCommand l) {
      return control.execute(l, origin);
    }
    if (c instanceof QueryProcess q) {
      return queryProcess(q);
    }
    if (c instanceof CancelProcess x) {
      return cancelProcess(x, origin);
    }
    return drm(p.info().name(), (DrmCommand) c, origin);
  }

  private CommandResult drm(String name, DrmCommand c, Origin origin) {
    if (c instanceof MoveDrMedia || c instanceof QueryDrMedia) {
      // TSM decides which VAULT volumes are VAULTRETRIEVE when QUERY or MOVE DRMEDIA runs (REFERENCE §3):
      // copy-pool volumes emptied, database-backup series past DRMDBBACKUPEXPIREDAYS (never the latest)
      ledger.deriveVaultRetrieve();
    }
    if (c instanceof MoveDrMedia m) {
      MoveDrMediaRun.Started s = runs.start(m, origin);
      if (s.result().isEmpty()) {
        return CommandResult.of(name, ControlMessages.MOVE_DRMEDIA_STARTED.format(s.process()));
      }
      MoveDrMediaRun.Result r = s.result().get();
      if (r.cmdLines().isEmpty()) {
        return CommandResult.of(name, r.messages());
      }
      return CommandResult.table(name, lines(r.cmdLines()), r.messages());
    }
    if (c instanceof QueryDrMedia q) {
      List<DrmVolume> selected = ledger.selected(q);
      List<Message> ms = selected.isEmpty() ? List.of(DrmMessages.noMatch(name).toMessage()) : List.of();
      if (q.format() == QueryDrMedia.Format.CMD) {
        CmdOutput out = q.cmd().orElseThrow();
        List<String> lines = selected.isEmpty() ? List.of() : out.cmd().lines(selected);
        Optional<String> target = out.target(ledger.settings());
        if (target.isPresent() && !lines.isEmpty()) {
          ms = List.of(writeLines(name, target.get(), lines, out.append()));
        }
        return CommandResult.table(name, lines(lines), ms);
      }
      ResultTable t;
      if (q.format() == QueryDrMedia.Format.DETAILED) {
        List<List<String>> rows = new ArrayList<>();
        for (DrmVolume v : selected) {
          List<String> row = new ArrayList<>();
          QueryDrMedia.detailedFields(v, zone).forEach(f -> row.add(f[1]));
          rows.add(row);
        }
        t = new ResultTable(QueryDrMedia.DETAILED_COLUMNS, rows, ResultTable.Layout.LABELLED);
      } else {
        List<List<String>> rows = new ArrayList<>();
        selected.forEach(v -> rows.add(QueryDrMedia.standardRow(v, zone)));
        t = new ResultTable(QueryDrMedia.STANDARD_COLUMNS, rows);
      }
      return CommandResult.table(name, t, ms);
    }
    if (c instanceof QueryDrmStatus) {
      List<String> columns = new ArrayList<>();
      List<String> row = new ArrayList<>();
      for (String[] f : QueryDrmStatus.fields(ledger.settings())) {
        columns.add(f[0]);
        row.add(f[1]);
      }
      return CommandResult.table(name, new ResultTable(columns, List.of(row), ResultTable.Layout.LABELLED),
          List.of());
    }
    if (c instanceof SetDrm s) {
      ledger.set(s, origin);
      return CommandResult.of(name, DrmMessageId.SETTING_CHANGED.with(s.commandText(zone) + ": done.").toMessage());
    }
    return CommandResult.of(name, ledger.register((DrmRegistration) c, origin).message().toMessage());
  }

  /** CMDFILENAME= (or SET DRMCMDFILENAME): the lines written to the file, replacing it unless APPEND=YES. */
  private static Message writeLines(String command, String file, List<String> lines, boolean append) {
    StringBuilder b = new StringBuilder();
    lines.forEach(l -> b.append(l).append('\n'));
    try {
      if (append) {
        Files.writeString(Path.of(file), b, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } else {
        Files.writeString(Path.of(file), b, StandardCharsets.UTF_8);
      }
      return ControlMessages.CMD_FILE_WRITTEN.format(command, lines.size(), file);
    } catch (IOException | RuntimeException e) {
      return ControlMessages.CMD_FILE_FAILED.format(command, file, e.toString());
    }
  }

  /** Command lines (CMD=) as a one-column table printed without headers. */
  private static ResultTable lines(List<String> lines) {
    List<List<String>> rows = new ArrayList<>();
    lines.forEach(l -> rows.add(List.of(l)));
    return new ResultTable(List.of("Command"), rows, ResultTable.Layout.LINES);
  }

  // ---- processes ----

  private CommandResult queryProcess(QueryProcess q) throws CommandException {
    List<BackgroundProcess> running = store.read(r -> r.processes().running());
    if (q.number().isPresent()) {
      running = running.stream().filter(p -> p.number() == q.number().get()).toList();
      if (running.isEmpty()) {
        throw CommandException.of(ControlMessages.PROCESS_NOT_RUNNING, "QUERY PROCESS", q.number().get());
      }
    }
    List<OperatorRequest> waiting = store.read(r -> r.requests().outstanding());
    ResultTable.Builder t = ResultTable.builder("Process\nNumber", "Process Description", "Process Status");
    for (BackgroundProcess p : running) {
      StringBuilder status = new StringBuilder(p.status().isEmpty()
          ? "Started " + dateTime(p.started()) + p.admin().map(a -> " by " + a).orElse("") + "." : p.status());
      for (OperatorRequest r : waiting) {
        if (r.process().equals(Optional.of(p.number()))) {
          status.append(" Waiting for the operator: request ").append(r.number()).append(": ").append(r.text());
        }
      }
      if (p.cancelRequested()) {
        status.append(" Cancel pending.");
      }
      t.row(Long.toString(p.number()), p.description(), status.toString());
    }
    List<Message> ms = running.isEmpty() ? List.of(ControlMessages.NO_PROCESSES.format()) : List.of();
    return CommandResult.table("QUERY PROCESS", t.build(), ms);
  }

  private CommandResult cancelProcess(CancelProcess c, Origin origin) throws CommandException {
    Optional<Message> m = store.write(origin, tx -> {
      Optional<BackgroundProcess> p = tx.processes().find(c.number());
      if (p.isEmpty() || !tx.processes().requestCancel(c.number())) {
        return Optional.<Message>empty();
      }
      return Optional.of(tx.log(Messages.PROCESS_CANCEL_REQUESTED, c.number(), p.get().description()));
    });
    if (m.isEmpty()) {
      throw CommandException.of(ControlMessages.PROCESS_NOT_RUNNING, "CANCEL PROCESS", c.number());
    }
    control.wakeAll();
    return CommandResult.of("CANCEL PROCESS", m.get());
  }

  private String dateTime(Instant t) {
    return DATE_TIME.format(t.atZone(zone));
  }

  // ---- stop ----

  /**
   * Graceful stop (the daemon's SIGTERM): new OPERATE commands are refused (VLN0504E), every running process is
   * asked to stop after the volume or move in progress (as CANCEL PROCESS: one waiting for the operator has its
   * request cancelled and ends at once), the station watchers stop after the check-in in progress; then waits up to
   * {@code timeout} for all of them.
   *
   * @return true when every process and watcher ended in time
   */
  public boolean quiesce(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    quiescing = true;
    List<BackgroundProcess> asked = store.read(r -> r.processes().running());
    for (BackgroundProcess p : asked) {
      store.transact(Origin.SERVER, tx -> {
        if (tx.processes().requestCancel(p.number())) {
          tx.log(ControlMessages.PROCESS_STOPPING, p.number(), p.description());
        }
      });
    }
    control.wakeAll();
    List<StationWatcher> ws;
    synchronized (watching) {
      ws = new ArrayList<>(watchers.values());
    }
    ws.forEach(StationWatcher::stop);
    boolean ended;
    try {
      while (true) {
        boolean processes = store.read(r -> r.processes().running()).isEmpty();
        boolean watchersDone = ws.stream().noneMatch(StationWatcher::isAlive);
        ended = processes && watchersDone;
        if (ended || !Instant.now().isBefore(deadline)) {
          break;
        }
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ended = false;
    }
    long left = store.read(r -> r.processes().running()).size();
    long done = Math.max(0, asked.size() - left);
    store.transact(Origin.SERVER, tx -> tx.log(ControlMessages.SERVER_QUIESCED, done, left, timeout.toSeconds()));
    if (!ended) {
      Logger.warn("Server stop: {} processes still running after {}", left, timeout);
    }
    return ended;
  }

  /** Stops the station watchers and closes every library's transports. */
  @Override
  public void close() {
    closed = true;
    synchronized (watching) {
      watchers.values().forEach(StationWatcher::stop);
      watchers.clear();
    }
    control.close();
  }
}
