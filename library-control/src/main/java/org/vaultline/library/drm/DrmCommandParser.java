package org.vaultline.library.drm;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vaultline.library.command.CommandTokens;
import org.vaultline.library.command.Keyword;
import org.vaultline.library.command.TsmDate;
import org.vaultline.library.command.TsmTime;

/**
 * Parses DRM commands typed in TSM syntax: case-insensitive, keywords and values abbreviated to TSM's minimum
 * (the capitals of IBM's syntax diagrams: {@code MOVe DRMedia}, {@code WHERESTate=VAULTRetrieve}), {@code KEY=VALUE}
 * parameters in any order, values with blanks in quotes. Unquoted names (volumes, pools, locations) are upper-cased
 * as TSM does; command strings and file names are kept as typed.
 *
 * <p>Anything wrong gives a {@link DrmSyntaxException} with a VLN04xxE message saying what, and the command's
 * correct form. The request rules of MOVE DRMEDIA (VLN0420E..VLN0425E) are checked here too, so an impossible move
 * is refused before it starts.
 */
public final class DrmCommandParser {
  private final ZoneId zone;
  private final Clock clock;

  /**
   * A parser whose relative dates in DEFINE DRMVOLUME ({@code DATE=TODAY-1}) are resolved against the system clock.
   *
   * @param zone the server's time zone, for the dates of DEFINE DRMVOLUME
   */
  public DrmCommandParser(ZoneId zone) {
    this(zone, Clock.systemUTC());
  }

  /**
   * @param zone the server's time zone, for the dates of DEFINE DRMVOLUME
   * @param clock the server's clock. DEFINE DRMVOLUME's {@code DATE=}/{@code UPDDATE=} take TSM's relative dates
   *     ({@code TODAY}, {@code TODAY-n}, {@code -n}) and its {@code TIME=}/{@code UPDTIME=} {@code NOW[-HH:MM]}, as
   *     administrators and scripts write them; they are resolved against this clock when the command is parsed,
   *     which for a typed or scheduled command is when it runs, and the volume keeps the calendar date. (MOVE and
   *     QUERY DRMEDIA keep theirs relative: their window is resolved each time they select.)
   */
  public DrmCommandParser(ZoneId zone, Clock clock) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  static final int MAX_VOLUME_NAME = 256;
  static final int MAX_POOL_NAME = 30;
  static final int MAX_FILE_NAME = 1024;
  static final int MAX_LIBRARY_NAME = 30;

  private static final String COMMANDS = "MOVE DRMEDIA, QUERY DRMEDIA, QUERY DRMSTATUS, SET DRM..., DEFINE DRMVOLUME,"
      + " UPDATE DRMVOLUME, DELETE DRMVOLUME";

  // Verbs and objects.
  private static final Keyword MOVE = Keyword.of("MOVe");
  private static final Keyword QUERY = Keyword.of("Query");
  private static final Keyword SET = Keyword.of("Set");
  private static final Keyword DEFINE = Keyword.of("DEFine");
  private static final Keyword UPDATE = Keyword.of("UPDate");
  private static final Keyword DELETE = Keyword.of("DELete");
  private static final Keyword DRMEDIA = Keyword.of("DRMedia");
  private static final Keyword DRMSTATUS = Keyword.of("DRMSTatus");
  private static final Keyword DRMVOLUME = Keyword.of("DRMVOLume");

  // MOVE DRMEDIA and QUERY DRMEDIA parameters.
  static final Keyword WHERESTATE = Keyword.of("WHERESTate");
  static final Keyword TOSTATE = Keyword.of("TOSTate");
  static final Keyword REMOVE = Keyword.of("REMove");
  static final Keyword SOURCE = Keyword.of("Source");
  static final Keyword COPYSTGPOOL = Keyword.of("COPYstgpool");
  static final Keyword ACTIVEDATASTGPOOL = Keyword.of("ACTIVEDatastgpool");
  static final Keyword WHERELOCATION = Keyword.of("WHERELOcation");
  static final Keyword TOLOCATION = Keyword.of("TOLOcation");
  static final Keyword BEGINDATE = Keyword.of("BEGINDate");
  static final Keyword ENDDATE = Keyword.of("ENDDate");
  static final Keyword BEGINTIME = Keyword.of("BEGINTime");
  static final Keyword ENDTIME = Keyword.of("ENDTime");
  static final Keyword CMD = Keyword.of("CMd");
  static final Keyword CMDFILENAME = Keyword.of("CMDFilename");
  static final Keyword APPEND = Keyword.of("APPend");
  static final Keyword WAIT = Keyword.of("Wait");
  static final Keyword FORMAT = Keyword.of("Format");

  static final List<Keyword> MOVE_PARAMETERS = List.of(WHERESTATE, TOSTATE, REMOVE, SOURCE, COPYSTGPOOL,
      ACTIVEDATASTGPOOL, WHERELOCATION, TOLOCATION, BEGINDATE, ENDDATE, BEGINTIME, ENDTIME, CMD, CMDFILENAME, APPEND,
      WAIT);
  static final List<Keyword> QUERY_PARAMETERS = List.of(WHERESTATE, BEGINDATE, ENDDATE, BEGINTIME, ENDTIME,
      COPYSTGPOOL, ACTIVEDATASTGPOOL, SOURCE, WHERELOCATION, FORMAT, CMD, CMDFILENAME, APPEND);

  // DEFINE / UPDATE DRMVOLUME parameters (Vaultline's, in the same style).
  static final Keyword TYPE = Keyword.of("Type");
  static final Keyword POOL = Keyword.of("POol");
  static final Keyword SERIES = Keyword.of("SERies");
  static final Keyword OPERATION = Keyword.of("OPeration");
  static final Keyword SEQUENCE = Keyword.of("SEQuence");
  static final Keyword DATE = Keyword.of("DATE");
  static final Keyword TIME = Keyword.of("TIME");
  static final Keyword DEVCLASS = Keyword.of("DEVClass");
  static final Keyword DEVTYPE = Keyword.of("DEVType");
  static final Keyword PREFIX = Keyword.of("PREfix");
  static final Keyword LIBRARY = Keyword.of("LIBrary");
  static final Keyword STATE = Keyword.of("STATE");
  static final Keyword STATUS = Keyword.of("STATUS");
  static final Keyword LOCATION = Keyword.of("LOcation");
  static final Keyword UPDDATE = Keyword.of("UPDDate");
  static final Keyword UPDTIME = Keyword.of("UPDTime");

  static final List<Keyword> DEFINE_PARAMETERS = List.of(TYPE, POOL, SERIES, OPERATION, SEQUENCE, DATE, TIME,
      STATUS, DEVCLASS, DEVTYPE, PREFIX, STATE, LOCATION, LIBRARY, UPDDATE, UPDTIME);
  static final List<Keyword> UPDATE_PARAMETERS = List.of(STATUS, LOCATION);

  // SET DRM... settings.
  static final Keyword DRMCOURIERNAME = Keyword.of("DRMCOUriername");
  static final Keyword DRMVAULTNAME = Keyword.of("DRMVAultname");
  static final Keyword DRMNOTMOUNTABLENAME = Keyword.of("DRMNOTMOuntablename");
  static final Keyword DRMDBBACKUPEXPIREDAYS = Keyword.of("DRMDBBackupexpiredays");
  static final Keyword DRMCHECKLABEL = Keyword.of("DRMCHECKLabel");
  static final Keyword DRMFILEPROCESS = Keyword.of("DRMFILEProcess");
  static final Keyword DRMCMDFILENAME = Keyword.of("DRMCMDFilename");
  static final Keyword DRMPLANPREFIX = Keyword.of("DRMPLANPrefix");
  static final Keyword DRMINSTRPREFIX = Keyword.of("DRMINSTRPrefix");
  static final Keyword DRMPRIMSTGPOOL = Keyword.of("DRMPRIMstgpool");
  static final Keyword DRMCOPYSTGPOOL = Keyword.of("DRMCOPYstgpool");
  static final Keyword DRMACTIVEDATASTGPOOL = Keyword.of("DRMACTIVEDatastgpool");
  static final Keyword DRMRPFEXPIREDAYS = Keyword.of("DRMRPFEXpiredays");
  static final Keyword DRMAUTOCHECKIN = Keyword.of("DRMAUTOcheckin");

  static final List<Keyword> SETTINGS = List.of(DRMCOURIERNAME, DRMVAULTNAME, DRMNOTMOUNTABLENAME,
      DRMDBBACKUPEXPIREDAYS, DRMCHECKLABEL, DRMFILEPROCESS, DRMCMDFILENAME, DRMPLANPREFIX, DRMINSTRPREFIX,
      DRMPRIMSTGPOOL, DRMCOPYSTGPOOL, DRMACTIVEDATASTGPOOL, DRMRPFEXPIREDAYS, DRMAUTOCHECKIN);

  // Values.
  private static final Keyword YES = Keyword.of("Yes");
  private static final Keyword NO = Keyword.of("No");
  private static final Keyword ON = Keyword.of("ON");
  private static final Keyword OFF = Keyword.of("OFf");
  private static final Keyword ALL = Keyword.of("All");
  private static final Keyword TAPE = Keyword.of("TAPE");
  private static final Keyword FILE = Keyword.of("FILE");
  private static final Keyword BACKUPFULL = Keyword.of("BACKUPFull");
  private static final Keyword BACKUPINCR = Keyword.of("BACKUPIncr");
  private static final Keyword DBSNAPSHOT = Keyword.of("DBSnapshot");
  private static final Keyword TYPE_COPY = Keyword.of("COPYstgpool");
  private static final Keyword TYPE_ACTIVEDATA = Keyword.of("ACTIVEDatastgpool");
  private static final Keyword SCRATCH = Keyword.of("SCRatch");
  private static final Keyword PRIVATE = Keyword.of("PRIvate");

  /** Parses one command line. */
  public DrmCommand parse(String line) throws DrmSyntaxException {
    List<CommandTokens.Token> tokens;
    try {
      tokens = CommandTokens.tokenize(line);
    } catch (CommandTokens.UnterminatedQuote e) {
      throw new DrmSyntaxException(DrmMessageId.UNTERMINATED_QUOTE.with("The quote at column " + e.column()
          + " is not closed; end a quoted value with the same quote, and double it to include it."), "");
    }
    if (tokens.size() < 2 || tokens.get(0).key().isPresent() || tokens.get(1).key().isPresent()
        || tokens.get(0).quoted() || tokens.get(1).quoted()) {
      throw unknownCommand(line);
    }
    String verb = tokens.get(0).value();
    String object = tokens.get(1).value();
    List<CommandTokens.Token> rest = tokens.subList(2, tokens.size());
    if (MOVE.matches(verb) && DRMEDIA.matches(object)) {
      return moveDrMedia(rest);
    }
    if (QUERY.matches(verb) && DRMEDIA.matches(object)) {
      return queryDrMedia(rest);
    }
    if (QUERY.matches(verb) && DRMSTATUS.matches(object)) {
      new Params(QueryDrmStatus.NAME, QueryDrmStatus.USAGE, rest, List.of()).positionals(0, 0);
      return new QueryDrmStatus();
    }
    if (SET.matches(verb)) {
      for (Keyword k : SETTINGS) {
        if (k.matches(object)) {
          return set(k, rest);
        }
      }
    }
    if (DEFINE.matches(verb) && DRMVOLUME.matches(object)) {
      return define(rest);
    }
    if (UPDATE.matches(verb) && DRMVOLUME.matches(object)) {
      return update(rest);
    }
    if (DELETE.matches(verb) && DRMVOLUME.matches(object)) {
      Params p = new Params(DeleteDrmVolume.NAME, DeleteDrmVolume.USAGE, rest, List.of());
      return new DeleteDrmVolume(p.volumeName(true));
    }
    throw unknownCommand(line);
  }

  private static DrmSyntaxException unknownCommand(String line) {
    String typed = line.strip();
    if (typed.length() > 40) {
      typed = typed.substring(0, 40) + "...";
    }
    return new DrmSyntaxException(DrmMessageId.UNKNOWN_COMMAND.with("Unknown command \"" + typed
        + "\"; the DRM commands are " + COMMANDS + "."), "");
  }

  // ---- MOVE DRMEDIA ----

  private MoveDrMedia moveDrMedia(List<CommandTokens.Token> tokens) throws DrmSyntaxException {
    Params p = new Params(MoveDrMedia.NAME, MoveDrMedia.USAGE, tokens, MOVE_PARAMETERS);
    NamePattern volume = new NamePattern(p.volumeName(true));
    Optional<DrmState> where = p.state(WHERESTATE, false);
    Optional<DrmState> to = p.state(TOSTATE, false);
    RemoveMode remove = p.keywordValue(REMOVE, RemoveMode.values(), RemoveMode::keyword).orElse(RemoveMode.YES);
    Source source = p.keywordValue(SOURCE, Source.values(), Source::keyword).orElse(Source.DBBACKUP);
    Optional<List<String>> copy = p.poolList(COPYSTGPOOL, false);
    Optional<List<String>> active = p.poolList(ACTIVEDATASTGPOOL, false);
    Optional<String> whereLocation = p.location(WHERELOCATION);
    Optional<String> toLocation = p.location(TOLOCATION);
    DateTimeWindow window = p.window();
    Optional<CmdOutput> cmd = p.cmd();
    boolean wait = p.yesNo(WAIT).orElse(false);
    MoveDrMedia m = new MoveDrMedia(volume, where, to, remove, source, copy, active, whereLocation, toLocation,
        window, cmd, wait);
    Optional<DrmMessage> error = m.requestError();
    if (error.isPresent()) {
      throw new DrmSyntaxException(error.get(), MoveDrMedia.USAGE);
    }
    return m;
  }

  // ---- QUERY DRMEDIA ----

  private QueryDrMedia queryDrMedia(List<CommandTokens.Token> tokens) throws DrmSyntaxException {
    Params p = new Params(QueryDrMedia.NAME, QueryDrMedia.USAGE, tokens, QUERY_PARAMETERS);
    NamePattern volume = new NamePattern(p.volumeName(false));
    Optional<DrmState> where = p.state(WHERESTATE, true);
    DateTimeWindow window = p.window();
    Optional<List<String>> copy = p.poolList(COPYSTGPOOL, false);
    Optional<List<String>> active = p.poolList(ACTIVEDATASTGPOOL, false);
    Source source = p.keywordValue(SOURCE, Source.values(), Source::keyword).orElse(Source.DBBACKUP);
    Optional<String> whereLocation = p.location(WHERELOCATION);
    QueryDrMedia.Format format = p.keywordValue(FORMAT, QueryDrMedia.Format.values(), QueryDrMedia.Format::keyword)
        .orElse(QueryDrMedia.Format.STANDARD);
    Optional<CmdOutput> cmd = p.cmd();
    if (format == QueryDrMedia.Format.CMD && cmd.isEmpty()) {
      throw p.error(DrmMessageId.PARAMETER_REQUIRES, "FORMAT=CMD requires CMD=\"command\".");
    }
    if (format != QueryDrMedia.Format.CMD && cmd.isPresent()) {
      throw p.error(DrmMessageId.PARAMETER_REQUIRES, "CMD is used only with FORMAT=CMD.");
    }
    QueryDrMedia q = new QueryDrMedia(volume, where, source, copy, active, whereLocation, window, format, cmd);
    if (window.emptyAlways()) {
      throw new DrmSyntaxException(DrmMessages.emptyWindow(QueryDrMedia.NAME, window, DateTimeWindow.FIXED_NOW),
          QueryDrMedia.USAGE);
    }
    return q;
  }

  // ---- SET DRM... ----

  private SetDrm set(Keyword setting, List<CommandTokens.Token> tokens) throws DrmSyntaxException {
    String name = "SET " + setting.word();
    String usage = setUsage(setting);
    Params p = new Params(name, usage, tokens, List.of());
    boolean optional = setting == DRMCHECKLABEL || setting == DRMFILEPROCESS;
    p.positionals(optional ? 0 : 1, 1);
    Optional<CommandTokens.Token> v = p.positional(0);
    if (setting == DRMCHECKLABEL) {
      return new SetDrm.CheckLabel(v.isEmpty() || p.yesNoValue(v.get(), "the value"));
    }
    if (setting == DRMFILEPROCESS) {
      return new SetDrm.FileProcess(v.isPresent() && p.yesNoValue(v.get(), "the value"));
    }
    CommandTokens.Token t = v.orElseThrow();
    if (setting == DRMCOURIERNAME) {
      return new SetDrm.CourierName(p.nameValue(t, "The courier name", DrmSettings.MAX_NAME_LENGTH));
    }
    if (setting == DRMVAULTNAME) {
      return new SetDrm.VaultName(p.nameValue(t, "The vault name", DrmSettings.MAX_NAME_LENGTH));
    }
    if (setting == DRMNOTMOUNTABLENAME) {
      return new SetDrm.NotMountableName(p.nameValue(t, "The location name", DrmSettings.MAX_NAME_LENGTH));
    }
    if (setting == DRMDBBACKUPEXPIREDAYS) {
      return new SetDrm.DbBackupExpireDays((int) p.number(t, "The number of days", 0, DrmSettings.MAX_EXPIRE_DAYS));
    }
    if (setting == DRMRPFEXPIREDAYS) {
      return new SetDrm.RpfExpireDays((int) p.number(t, "The number of days", 0, DrmSettings.MAX_EXPIRE_DAYS));
    }
    if (setting == DRMCMDFILENAME) {
      return new SetDrm.CmdFileName(p.clearable(t, "The file name", MAX_FILE_NAME));
    }
    if (setting == DRMPLANPREFIX) {
      return new SetDrm.PlanPrefix(p.clearable(t, "The prefix", DrmSettings.MAX_PREFIX_LENGTH));
    }
    if (setting == DRMINSTRPREFIX) {
      return new SetDrm.InstrPrefix(p.clearable(t, "The prefix", DrmSettings.MAX_PREFIX_LENGTH));
    }
    if (setting == DRMPRIMSTGPOOL) {
      return new SetDrm.PrimaryPools(p.poolListValue(t, "The pool list", true));
    }
    if (setting == DRMCOPYSTGPOOL) {
      return new SetDrm.CopyPools(p.poolListValue(t, "The pool list", true));
    }
    if (setting == DRMACTIVEDATASTGPOOL) {
      return new SetDrm.ActiveDataPools(p.poolListValue(t, "The pool list", true));
    }
    // DRMAUTOCHECKIN
    if (!t.quoted() && ON.matches(t.value())) {
      return new SetDrm.AutoCheckin(true);
    }
    if (!t.quoted() && OFF.matches(t.value())) {
      return new SetDrm.AutoCheckin(false);
    }
    throw p.error(DrmMessageId.INVALID_VALUE, t.typed() + " is not valid; use ON or OFF.");
  }

  static String setUsage(Keyword setting) {
    String word = setting.word();
    if (setting == DRMCHECKLABEL) {
      return "SET " + word + " [YES|NO]";
    }
    if (setting == DRMFILEPROCESS) {
      return "SET " + word + " [NO|YES]";
    }
    if (setting == DRMDBBACKUPEXPIREDAYS || setting == DRMRPFEXPIREDAYS) {
      return "SET " + word + " days (0-9999)";
    }
    if (setting == DRMCMDFILENAME) {
      return "SET " + word + " file_name|\"\"";
    }
    if (setting == DRMPLANPREFIX || setting == DRMINSTRPREFIX) {
      return "SET " + word + " prefix|\"\"";
    }
    if (setting == DRMPRIMSTGPOOL || setting == DRMCOPYSTGPOOL || setting == DRMACTIVEDATASTGPOOL) {
      return "SET " + word + " pool_name[,pool_name...]|\"\"";
    }
    if (setting == DRMAUTOCHECKIN) {
      return "SET " + word + " ON|OFF";
    }
    return "SET " + word + " name (up to 255 characters; quote it if it has blanks)";
  }

  // ---- DEFINE / UPDATE DRMVOLUME ----

  private DefineDrmVolume define(List<CommandTokens.Token> tokens) throws DrmSyntaxException {
    Params p = new Params(DefineDrmVolume.NAME, DefineDrmVolume.USAGE, tokens, DEFINE_PARAMETERS);
    String name = p.volumeName(true);
    CommandTokens.Token typeToken = p.get(TYPE).orElseThrow(
        () -> p.error(DrmMessageId.MISSING_PARAMETER, "TYPE= is required."));
    Keyword type = p.oneOf(typeToken, "TYPE", BACKUPFULL, BACKUPINCR, DBSNAPSHOT, TYPE_COPY, TYPE_ACTIVEDATA, SCRATCH,
        PRIVATE);
    boolean database = type == BACKUPFULL || type == BACKUPINCR || type == DBSNAPSHOT;
    boolean pool = type == TYPE_COPY || type == TYPE_ACTIVEDATA;
    for (Keyword k : List.of(SERIES, OPERATION, SEQUENCE, DATE, TIME)) {
      if (!database && p.get(k).isPresent()) {
        throw p.error(DrmMessageId.PARAMETER_REQUIRES,
            k.word() + "= applies to TYPE=BACKUPFULL, BACKUPINCR or DBSNAPSHOT.");
      }
    }
    if (type == DBSNAPSHOT && p.get(OPERATION).isPresent()) {
      throw p.error(DrmMessageId.PARAMETER_REQUIRES, "OPERATION= applies to TYPE=BACKUPFULL or BACKUPINCR.");
    }
    for (Keyword k : List.of(POOL, STATUS)) {
      if (!pool && p.get(k).isPresent()) {
        throw p.error(DrmMessageId.PARAMETER_REQUIRES, k.word() + "= applies to TYPE=COPYSTGPOOL or ACTIVEDATASTGPOOL.");
      }
    }
    DrmVolumeKind kind;
    if (database) {
      long series = p.number(p.required(SERIES), "SERIES", 0, Integer.MAX_VALUE);
      int sequence = (int) p.numberOr(SEQUENCE, 0, Integer.MAX_VALUE, 1);
      Instant date = p.dateTime(DATE, TIME, true, now()).orElseThrow();
      if (type == DBSNAPSHOT) {
        kind = new DrmVolumeKind.DatabaseSnapshot(series, sequence, date);
      } else {
        DrmVolumeKind.BackupType bt =
            type == BACKUPFULL ? DrmVolumeKind.BackupType.FULL : DrmVolumeKind.BackupType.INCREMENTAL;
        int operation = (int) p.numberOr(OPERATION, 0, Integer.MAX_VALUE, bt == DrmVolumeKind.BackupType.FULL ? 0 : 1);
        kind = new DrmVolumeKind.DatabaseBackup(bt, series, operation, sequence, date);
      }
    } else if (pool) {
      String poolName = p.nameValue(p.required(POOL), "POOL", MAX_POOL_NAME);
      PoolVolumeStatus status = p.keywordValue(STATUS, PoolVolumeStatus.values(), PoolVolumeStatus::keyword)
          .orElse(PoolVolumeStatus.FILLING);
      kind = type == TYPE_COPY ? new DrmVolumeKind.CopyPoolVolume(poolName, status)
          : new DrmVolumeKind.ActiveDataPoolVolume(poolName, status);
    } else {
      kind = type == SCRATCH ? new DrmVolumeKind.ScratchVolume() : new DrmVolumeKind.PrivateVolume();
    }
    String deviceClass = p.get(DEVCLASS).isPresent() ? p.nameValue(p.get(DEVCLASS).get(), "DEVCLASS", MAX_POOL_NAME)
        : "";
    Device.DeviceType deviceType = Device.DeviceType.TAPE;
    if (p.get(DEVTYPE).isPresent()) {
      deviceType = p.oneOf(p.get(DEVTYPE).get(), "DEVTYPE", TAPE, FILE) == FILE ? Device.DeviceType.FILE
          : Device.DeviceType.TAPE;
    }
    String prefix = p.get(PREFIX).isPresent() ? p.nameValue(p.get(PREFIX).get(), "PREFIX", 8) : Device.DEFAULT_PREFIX;
    DrmState state = p.state(STATE, false).orElse(DrmState.MOUNTABLE);
    if (state == DrmState.ONSITERETRIEVE) {
      throw p.error(DrmMessageId.INVALID_VALUE, "STATE=ONSITERETRIEVE is not valid; such a volume has left DRM.");
    }
    Optional<String> location = p.location(LOCATION);
    Optional<String> library = p.get(LIBRARY).isPresent()
        ? Optional.of(p.nameValue(p.get(LIBRARY).get(), "LIBRARY", MAX_LIBRARY_NAME)) : Optional.empty();
    if (library.isPresent() && state != DrmState.MOUNTABLE) {
      throw p.error(DrmMessageId.PARAMETER_REQUIRES, "LIBRARY= applies to MOUNTABLE volumes only; a " + state
          + " volume is not in a library.");
    }
    Optional<Instant> updated = p.dateTime(UPDDATE, UPDTIME, false, now());
    return new DefineDrmVolume(name, kind, state, location, library, updated,
        new Device(deviceClass, deviceType, prefix));
  }

  /** The server's time now in its zone, for DEFINE DRMVOLUME's relative dates. */
  private ZonedDateTime now() {
    return clock.instant().atZone(zone);
  }

  private UpdateDrmVolume update(List<CommandTokens.Token> tokens) throws DrmSyntaxException {
    Params p = new Params(UpdateDrmVolume.NAME, UpdateDrmVolume.USAGE, tokens, UPDATE_PARAMETERS);
    String name = p.volumeName(true);
    Optional<PoolVolumeStatus> status = p.keywordValue(STATUS, PoolVolumeStatus.values(), PoolVolumeStatus::keyword);
    Optional<String> location = Optional.empty();
    if (p.get(LOCATION).isPresent()) {
      location = Optional.of(p.clearable(p.get(LOCATION).get(), "LOCATION", DrmSettings.MAX_NAME_LENGTH).orElse(""));
    }
    if (status.isEmpty() && location.isEmpty()) {
      throw p.error(DrmMessageId.MISSING_PARAMETER, "nothing to update; give STATUS= or LOCATION=.");
    }
    return new UpdateDrmVolume(name, status, location);
  }

  // ---- parameters ----

  /** The tokens of one command after its verb and object, sorted into positionals and known keywords. */
  private static final class Params {
    final String command;
    final String usage;
    final List<CommandTokens.Token> positional = new ArrayList<>();
    final Map<Keyword, CommandTokens.Token> named = new LinkedHashMap<>();

    Params(String command, String usage, List<CommandTokens.Token> tokens, List<Keyword> allowed)
        throws DrmSyntaxException {
      this.command = command;
      this.usage = usage;
      for (CommandTokens.Token t : tokens) {
        if (t.key().isEmpty()) {
          positional.add(t);
          continue;
        }
        String key = t.key().get();
        Keyword match = null;
        for (Keyword k : allowed) {
          if (k.matches(key)) {
            match = k;
            break;
          }
        }
        if (match == null) {
          throw error(DrmMessageId.UNKNOWN_PARAMETER, allowed.isEmpty()
              ? "takes no KEY=VALUE parameter; " + key.toUpperCase(Locale.ROOT) + "= is not valid."
              : "unknown parameter " + key.toUpperCase(Locale.ROOT) + "=.");
        }
        if (named.containsKey(match)) {
          throw error(DrmMessageId.DUPLICATE_PARAMETER, match.word() + " is given twice.");
        }
        if (!t.quoted() && t.value().isEmpty()) {
          throw error(DrmMessageId.EMPTY_VALUE, match.word() + "= needs a value.");
        }
        named.put(match, t);
      }
    }

    DrmSyntaxException error(DrmMessageId id, String text) {
      return new DrmSyntaxException(id.with(command + ": " + text), usage);
    }

    Optional<CommandTokens.Token> get(Keyword k) {
      return Optional.ofNullable(named.get(k));
    }

    CommandTokens.Token required(Keyword k) throws DrmSyntaxException {
      CommandTokens.Token t = named.get(k);
      if (t == null) {
        throw error(DrmMessageId.MISSING_PARAMETER, k.word() + "= is required.");
      }
      return t;
    }

    void positionals(int min, int max) throws DrmSyntaxException {
      if (positional.size() > max) {
        CommandTokens.Token extra = positional.get(max);
        throw error(DrmMessageId.EXTRA_POSITIONAL, "unexpected " + extra.typed() + " at column " + extra.column()
            + (max == 0 ? "; this command takes no positional parameter." : max == 1
                ? "; only one value is allowed here." : "."));
      }
      if (positional.size() < min) {
        throw error(DrmMessageId.MISSING_PARAMETER, "a value is required.");
      }
    }

    Optional<CommandTokens.Token> positional(int i) {
      return i < positional.size() ? Optional.of(positional.get(i)) : Optional.empty();
    }

    /** The volume name (or pattern) in first position; {@code *} when optional and absent. */
    String volumeName(boolean required) throws DrmSyntaxException {
      if (positional.size() > 1) {
        CommandTokens.Token extra = positional.get(1);
        throw error(DrmMessageId.EXTRA_POSITIONAL, "unexpected " + extra.typed() + " at column " + extra.column()
            + "; only one volume name is allowed (use * and ? to name several).");
      }
      if (positional.isEmpty()) {
        if (required) {
          throw error(DrmMessageId.MISSING_PARAMETER, "the volume name is missing (use * for all volumes).");
        }
        return "*";
      }
      CommandTokens.Token t = positional.get(0);
      if (t.value().isEmpty()) {
        throw error(DrmMessageId.EMPTY_VALUE, "the volume name is empty.");
      }
      if (t.value().length() > MAX_VOLUME_NAME) {
        throw error(DrmMessageId.VALUE_TOO_LONG, "the volume name is longer than " + MAX_VOLUME_NAME + " characters.");
      }
      return t.name();
    }

    <E> Optional<E> keywordValue(Keyword key, E[] values, java.util.function.Function<E, Keyword> keyword)
        throws DrmSyntaxException {
      Optional<CommandTokens.Token> t = get(key);
      if (t.isEmpty()) {
        return Optional.empty();
      }
      List<String> names = new ArrayList<>();
      for (E e : values) {
        Keyword k = keyword.apply(e);
        if (!t.get().quoted() && k.matches(t.get().value())) {
          return Optional.of(e);
        }
        names.add(k.word());
      }
      throw error(DrmMessageId.INVALID_VALUE, key.word() + "=" + t.get().value() + " is not valid; use "
          + DrmText.orList(names) + ".");
    }

    Keyword oneOf(CommandTokens.Token t, String what, Keyword... choices) throws DrmSyntaxException {
      List<String> names = new ArrayList<>();
      for (Keyword k : choices) {
        if (!t.quoted() && k.matches(t.value())) {
          return k;
        }
        names.add(k.word());
      }
      throw error(DrmMessageId.INVALID_VALUE, what + "=" + t.value() + " is not valid; use " + DrmText.orList(names)
          + ".");
    }

    /**
     * WHERESTATE / TOSTATE / STATE: any DRM state keyword (MOVE DRMEDIA's own rules come after), or for QUERY
     * DRMEDIA also ALL (empty) and not ONSITERETRIEVE.
     */
    Optional<DrmState> state(Keyword key, boolean query) throws DrmSyntaxException {
      Optional<CommandTokens.Token> t = get(key);
      if (t.isEmpty()) {
        return Optional.empty();
      }
      String v = t.get().value();
      if (query && !t.get().quoted() && ALL.matches(v)) {
        return Optional.empty();
      }
      Optional<DrmState> s = t.get().quoted() ? Optional.empty() : DrmState.byKeyword(v);
      if (s.isPresent() && !(query && s.get() == DrmState.ONSITERETRIEVE)) {
        return s;
      }
      List<String> names = new ArrayList<>();
      if (query) {
        names.add("ALL");
      }
      for (DrmState d : DrmState.values()) {
        if (!(query && d == DrmState.ONSITERETRIEVE)) {
          names.add(d.name());
        }
      }
      throw error(DrmMessageId.INVALID_VALUE, key.word() + "=" + v + " is not valid; use " + DrmText.orList(names)
          + ".");
    }

    Optional<Boolean> yesNo(Keyword key) throws DrmSyntaxException {
      Optional<CommandTokens.Token> t = get(key);
      if (t.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(yesNoValue(t.get(), key.word()));
    }

    boolean yesNoValue(CommandTokens.Token t, String what) throws DrmSyntaxException {
      if (!t.quoted() && YES.matches(t.value())) {
        return true;
      }
      if (!t.quoted() && NO.matches(t.value())) {
        return false;
      }
      throw error(DrmMessageId.INVALID_VALUE, (t.key().isPresent() ? what + "=" + t.value() : t.typed())
          + " is not valid; use YES or NO.");
    }

    Optional<String> location(Keyword key) throws DrmSyntaxException {
      Optional<CommandTokens.Token> t = get(key);
      if (t.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(nameValue(t.get(), key.word(), DrmSettings.MAX_NAME_LENGTH));
    }

    /** A name: upper-cased unless quoted, not empty, at most {@code max} characters. */
    String nameValue(CommandTokens.Token t, String what, int max) throws DrmSyntaxException {
      if (t.value().isEmpty()) {
        throw error(DrmMessageId.EMPTY_VALUE, what + (t.key().isPresent() ? "=" : "") + " needs a value.");
      }
      if (t.value().length() > max) {
        throw error(DrmMessageId.VALUE_TOO_LONG, what + " is longer than " + max + " characters.");
      }
      return t.name();
    }

    /** A value kept as typed; {@code ""} gives empty (removes the setting). */
    Optional<String> clearable(CommandTokens.Token t, String what, int max) throws DrmSyntaxException {
      if (t.value().length() > max) {
        throw error(DrmMessageId.VALUE_TOO_LONG, what + " is longer than " + max + " characters.");
      }
      return t.value().isEmpty() ? Optional.empty() : Optional.of(t.value());
    }

    Optional<List<String>> poolList(Keyword key, boolean clearable) throws DrmSyntaxException {
      Optional<CommandTokens.Token> t = get(key);
      if (t.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(poolListValue(t.get(), key.word(), clearable));
    }

    /** {@code A,B*,C}: names separated by commas without blanks, wildcards allowed; {@code ""} for none. */
    List<String> poolListValue(CommandTokens.Token t, String what, boolean clearable) throws DrmSyntaxException {
      if (t.value().isEmpty()) {
        if (clearable && t.quoted()) {
          return List.of();
        }
        throw error(DrmMessageId.EMPTY_VALUE, what + " needs at least one pool name.");
      }
      List<String> out = new ArrayList<>();
      for (String item : t.name().split(",", -1)) {
        String s = item.strip();
        if (s.isEmpty()) {
          throw error(DrmMessageId.INVALID_VALUE, what + " \"" + t.value()
              + "\" has an empty name; separate pool names with single commas.");
        }
        if (s.length() > MAX_POOL_NAME) {
          throw error(DrmMessageId.VALUE_TOO_LONG, "pool name " + s + " is longer than " + MAX_POOL_NAME
              + " characters.");
        }
        out.add(s);
      }
      return out;
    }

    long number(CommandTokens.Token t, String what, long min, long max) throws DrmSyntaxException {
      String v = t.value();
      boolean digits = !v.isEmpty() && v.length() <= 18;
      for (int i = 0; i < v.length() && digits; i++) {
        digits = Character.isDigit(v.charAt(i)) && v.charAt(i) < 128;
      }
      if (!digits) {
        throw error(DrmMessageId.INVALID_VALUE, what + (t.key().isPresent() ? "=" : " ") + v
            + " is not a whole number.");
      }
      long n = Long.parseLong(v);
      if (n < min || n > max) {
        throw error(DrmMessageId.OUT_OF_RANGE, what + (t.key().isPresent() ? "=" : " ") + v
            + " is out of range; use a whole number from " + min + " to " + max + ".");
      }
      return n;
    }

    long numberOr(Keyword k, long min, long max, long dflt) throws DrmSyntaxException {
      Optional<CommandTokens.Token> t = get(k);
      return t.isEmpty() ? dflt : number(t.get(), k.word(), min, max);
    }

    Optional<TsmDate> date(Keyword k) throws DrmSyntaxException {
      return TsmDate.parameter(get(k).map(CommandTokens.Token::value),
          v -> error(DrmMessageId.INVALID_DATE, k.word() + "=" + v
          + " is not a date; use MM/DD/YYYY, TODAY, TODAY-n or TODAY+n."));
    }

    Optional<TsmTime> time(Keyword k) throws DrmSyntaxException {
      return TsmTime.parameter(get(k).map(CommandTokens.Token::value),
          v -> error(DrmMessageId.INVALID_TIME, k.word() + "=" + v
          + " is not a time; use HH:MM:SS, HH:MM, NOW, NOW-HH:MM or NOW+HH:MM."));
    }

    DateTimeWindow window() throws DrmSyntaxException {
      return new DateTimeWindow(date(BEGINDATE), date(ENDDATE), time(BEGINTIME), time(ENDTIME));
    }

    /**
     * A moment of DEFINE DRMVOLUME: a date (a calendar date, or TODAY-n resolved against {@code now}) and a time of
     * day (default 00:00:00), or NOW-HH:MM, which moves with the date: {@code DATE=TODAY-1 TIME=NOW} is this time
     * yesterday.
     */
    Optional<Instant> dateTime(Keyword dateKey, Keyword timeKey, boolean required, ZonedDateTime now)
        throws DrmSyntaxException {
      Optional<TsmDate> d = date(dateKey);
      Optional<TsmTime> t = time(timeKey);
      if (d.isEmpty()) {
        if (required) {
          throw error(DrmMessageId.MISSING_PARAMETER, dateKey.word() + "= is required (MM/DD/YYYY or TODAY-n).");
        }
        if (t.isPresent()) {
          throw error(DrmMessageId.PARAMETER_REQUIRES, timeKey.word() + "= requires " + dateKey.word() + "=.");
        }
        return Optional.empty();
      }
      LocalDate today = now.toLocalDate();
      LocalDate date = d.get().resolve(today);
      LocalDateTime at = date.atTime(LocalTime.MIDNIGHT);
      if (t.isPresent() && t.get() instanceof TsmTime.Absolute a) {
        at = date.atTime(a.time());
      } else if (t.isPresent()) {
        LocalDateTime moment = ((TsmTime.Now) t.get()).resolve(now.toLocalDateTime());
        at = moment.plusDays(ChronoUnit.DAYS.between(today, date));
      }
      return Optional.of(at.atZone(now.getZone()).toInstant());
    }

    Optional<CmdOutput> cmd() throws DrmSyntaxException {
      Optional<CommandTokens.Token> c = get(CMD);
      Optional<CommandTokens.Token> f = get(CMDFILENAME);
      Optional<Boolean> append = yesNo(APPEND);
      if (c.isEmpty()) {
        if (f.isPresent()) {
          throw error(DrmMessageId.PARAMETER_REQUIRES, "CMDFILENAME requires CMD=\"command\".");
        }
        if (append.isPresent()) {
          throw error(DrmMessageId.PARAMETER_REQUIRES, "APPEND requires CMD=\"command\".");
        }
        return Optional.empty();
      }
      String template = c.get().value();
      if (template.isEmpty()) {
        throw error(DrmMessageId.EMPTY_VALUE, "CMD= needs a command.");
      }
      if (template.length() > CmdTemplate.MAX_LENGTH) {
        throw error(DrmMessageId.VALUE_TOO_LONG, "CMD is longer than " + CmdTemplate.MAX_LENGTH + " characters.");
      }
      Optional<String> file = Optional.empty();
      if (f.isPresent()) {
        if (f.get().value().isEmpty()) {
          throw error(DrmMessageId.EMPTY_VALUE, "CMDFILENAME= needs a file name.");
        }
        if (f.get().value().length() > MAX_FILE_NAME) {
          throw error(DrmMessageId.VALUE_TOO_LONG, "CMDFILENAME is longer than " + MAX_FILE_NAME + " characters.");
        }
        file = Optional.of(f.get().value());
      }
      return Optional.of(new CmdOutput(new CmdTemplate(template), file, append.orElse(false)));
    }
  }
}
