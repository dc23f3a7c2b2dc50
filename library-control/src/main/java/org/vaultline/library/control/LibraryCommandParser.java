package org.vaultline.library.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vaultline.library.command.CommandTokens;
import org.vaultline.library.command.CommandTokens.Token;
import org.vaultline.library.command.Keyword;
import org.vaultline.library.command.TsmDate;
import org.vaultline.library.command.TsmTime;
import org.vaultline.library.control.LibraryCommand.AuditLibrary;
import org.vaultline.library.control.LibraryCommand.CancelRequest;
import org.vaultline.library.control.LibraryCommand.CheckLabel;
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
import org.vaultline.library.control.LibraryCommand.Remove;
import org.vaultline.library.control.LibraryCommand.Reply;
import org.vaultline.library.control.LibraryCommand.Search;
import org.vaultline.library.control.LibraryCommand.VolumeNames;
import org.vaultline.library.store.MessageTemplate;
import org.vaultline.library.store.VolumeStatus;
import org.vaultline.scsi.smc.ElementAddress;

/**
 * Parses the library commands in TSM syntax: case-insensitive, keywords and values abbreviated to TSM's
 * minimum (the capitals of IBM's syntax diagrams: {@code CHECKIn LIBVolume}, {@code STATus=SCRatch}),
 * {@code KEY=VALUE} parameters in any order, values with blanks in quotes (the tokenizer is the one DRM uses,
 * {@link CommandTokens}). Unquoted names are upper-cased as TSM does; device URLs and search texts are kept as
 * typed. Anything wrong gives a {@link CommandException} with a VLN020xE message and the command's syntax.
 */
public final class LibraryCommandParser {
  static final int MAX_NAME = 30;
  static final int MAX_VOLUME = 32;

  private static final String COMMANDS = "DEFINE LIBRARY|DRIVE|PATH, QUERY LIBRARY|DRIVE|PATH|LIBVOLUME|REQUEST"
      + "|ACTLOG, CHECKIN LIBVOLUME, CHECKOUT LIBVOLUME, AUDIT LIBRARY, LABEL LIBVOLUME, REPLY, CANCEL REQUEST";

  // Verbs and objects.
  private static final Keyword DEFINE = Keyword.of("DEFine");
  private static final Keyword QUERY = Keyword.of("Query");
  private static final Keyword CHECKIN = Keyword.of("CHECKIn");
  private static final Keyword CHECKOUT = Keyword.of("CHECKOut");
  private static final Keyword AUDIT = Keyword.of("AUDit");
  private static final Keyword LABEL = Keyword.of("LABEl");
  private static final Keyword REPLY = Keyword.of("REPly");
  private static final Keyword CANCEL = Keyword.of("CANcel");
  private static final Keyword LIBRARY = Keyword.of("LIBRary");
  private static final Keyword DRIVE = Keyword.of("DRive");
  private static final Keyword PATH = Keyword.of("PATH");
  private static final Keyword LIBVOLUME = Keyword.of("LIBVolume");
  private static final Keyword REQUEST = Keyword.of("REQuest");
  private static final Keyword ACTLOG = Keyword.of("ACtlog");

  // Parameters.
  private static final Keyword LIBTYPE = Keyword.of("LIBType");
  private static final Keyword ELEMENT = Keyword.of("ELEMent");
  private static final Keyword SERIAL = Keyword.of("SERial");
  private static final Keyword ONLINE = Keyword.of("ONLine");
  private static final Keyword SRCTYPE = Keyword.of("SRCType");
  private static final Keyword DESTTYPE = Keyword.of("DESTType");
  private static final Keyword LIBRARY_PARAM = Keyword.of("LIBRary");
  private static final Keyword DEVICE = Keyword.of("DEVIce");
  private static final Keyword SEARCH = Keyword.of("SEArch");
  private static final Keyword STATUS = Keyword.of("STATus");
  private static final Keyword CHECKLABEL = Keyword.of("CHECKLabel");
  private static final Keyword VOLRANGE = Keyword.of("VOLRange");
  private static final Keyword VOLLIST = Keyword.of("VOLList");
  private static final Keyword WAITTIME = Keyword.of("WAITTime");
  private static final Keyword CLEANINGS = Keyword.of("CLEanings");
  private static final Keyword REMOVE = Keyword.of("REMove");
  private static final Keyword LABELSOURCE = Keyword.of("LABELSource");
  private static final Keyword CHECKIN_PARAM = Keyword.of("CHECKIN");
  private static final Keyword OVERWRITE = Keyword.of("OVERWRITE");
  private static final Keyword LABEL_PARAM = Keyword.of("LABEL");
  private static final Keyword BEGINDATE = Keyword.of("BEGINDate");
  private static final Keyword BEGINTIME = Keyword.of("BEGINTime");
  private static final Keyword ENDDATE = Keyword.of("ENDDate");
  private static final Keyword ENDTIME = Keyword.of("ENDTime");
  private static final Keyword MSGNO = Keyword.of("MSGno");
  private static final Keyword ACTLOG_SEARCH = Keyword.of("SEARCH");

  // Values.
  private static final Keyword YES = Keyword.of("Yes");
  private static final Keyword NO = Keyword.of("No");
  private static final Keyword BULK = Keyword.of("Bulk");
  private static final Keyword BARCODE = Keyword.of("BARcode");
  private static final Keyword SCRATCH = Keyword.of("SCRatch");
  private static final Keyword PRIVATE = Keyword.of("PRIvate");
  private static final Keyword CLEANER = Keyword.of("CLEaner");
  private static final Keyword SCSI = Keyword.of("SCSI");
  private static final Keyword SERVER = Keyword.of("SERVer");
  private static final Keyword AUTODETECT = Keyword.of("AUTODetect");
  private static final Keyword ALL = Keyword.of("ALl");

  /** TSM's WAITTIME default: an hour. */
  static final Duration DEFAULT_WAIT = Duration.ofMinutes(60);

  /** Parses one command line. */
  public LibraryCommand parse(String line) throws CommandException {
    List<Token> tokens;
    try {
      tokens = CommandTokens.tokenize(line);
    } catch (CommandTokens.UnterminatedQuote e) {
      throw CommandException.of(ControlMessages.UNTERMINATED_QUOTE, e.column());
    }
    if (tokens.isEmpty() || !positional(tokens.get(0))) {
      throw unknown(line);
    }
    String verb = tokens.get(0).value();
    if (REPLY.matches(verb)) {
      return reply(tokens.subList(1, tokens.size()));
    }
    if (tokens.size() < 2 || !positional(tokens.get(1))) {
      throw unknown(line);
    }
    String object = tokens.get(1).value();
    List<Token> rest = tokens.subList(2, tokens.size());
    if (DEFINE.matches(verb)) {
      if (LIBRARY.matches(object)) {
        return defineLibrary(rest);
      }
      if (DRIVE.matches(object)) {
        return defineDrive(rest);
      }
      if (PATH.matches(object)) {
        return definePath(rest);
      }
    } else if (QUERY.matches(verb)) {
      if (LIBRARY.matches(object)) {
        Params p = new Params("QUERY LIBRARY", QueryLibrary.USAGE, rest);
        p.positionals(0, 1);
        return new QueryLibrary(p.name(0, MAX_NAME));
      }
      if (DRIVE.matches(object)) {
        Params p = new Params("QUERY DRIVE", QueryDrive.USAGE, rest);
        p.positionals(0, 2);
        return new QueryDrive(p.name(0, MAX_NAME), p.name(1, MAX_NAME));
      }
      if (PATH.matches(object)) {
        Params p = new Params("QUERY PATH", QueryPath.USAGE, rest);
        p.positionals(0, 2);
        return new QueryPath(p.name(0, MAX_NAME), p.name(1, MAX_NAME));
      }
      if (LIBVOLUME.matches(object)) {
        Params p = new Params("QUERY LIBVOLUME", QueryLibvolume.USAGE, rest);
        p.positionals(0, 2);
        return new QueryLibvolume(p.name(0, MAX_NAME), p.name(1, MAX_VOLUME));
      }
      if (REQUEST.matches(object)) {
        Params p = new Params("QUERY REQUEST", QueryRequest.USAGE, rest);
        p.positionals(0, 1);
        return new QueryRequest(p.positional(0).isEmpty() ? Optional.empty()
            : Optional.of(p.number(p.positional(0).get(), "the request number", 1, Integer.MAX_VALUE)));
      }
      if (ACTLOG.matches(object)) {
        return queryActlog(rest);
      }
    } else if (CHECKIN.matches(verb) && LIBVOLUME.matches(object)) {
      return checkin(rest);
    } else if (CHECKOUT.matches(verb) && LIBVOLUME.matches(object)) {
      return checkout(rest);
    } else if (AUDIT.matches(verb) && LIBRARY.matches(object)) {
      Params p = new Params("AUDIT LIBRARY", AuditLibrary.USAGE, rest, CHECKLABEL);
      p.positionals(1, 1);
      boolean checkLabel = p.choice(CHECKLABEL, YES, BARCODE).map(k -> k == YES).orElse(true);
      return new AuditLibrary(p.requiredName(0, "the library name", MAX_NAME), checkLabel);
    } else if (LABEL.matches(verb) && LIBVOLUME.matches(object)) {
      return label(rest);
    } else if (CANCEL.matches(verb) && REQUEST.matches(object)) {
      Params p = new Params("CANCEL REQUEST", CancelRequest.USAGE, rest);
      p.positionals(1, 1);
      Token t = p.positional(0).orElseThrow();
      if (!t.quoted() && ALL.matches(t.value())) {
        return new CancelRequest(Optional.empty());
      }
      return new CancelRequest(Optional.of(p.number(t, "the request number", 1, Integer.MAX_VALUE)));
    }
    throw unknown(line);
  }

  private static boolean positional(Token t) {
    return t.key().isEmpty() && !t.quoted();
  }

  private static CommandException unknown(String line) {
    String typed = line.strip();
    if (typed.length() > 40) {
      typed = typed.substring(0, 40) + "...";
    }
    return CommandException.of(ControlMessages.UNKNOWN_COMMAND, typed, COMMANDS);
  }

  // ---- definitions ----

  private static DefineLibrary defineLibrary(List<Token> tokens) throws CommandException {
    Params p = new Params("DEFINE LIBRARY", DefineLibrary.USAGE, tokens, LIBTYPE);
    p.positionals(1, 1);
    p.choice(LIBTYPE, SCSI);
    return new DefineLibrary(p.requiredName(0, "the library name", MAX_NAME));
  }

  private static DefineDrive defineDrive(List<Token> tokens) throws CommandException {
    Params p = new Params("DEFINE DRIVE", DefineDrive.USAGE, tokens, ELEMENT, SERIAL, ONLINE);
    p.positionals(2, 2);
    String library = p.requiredName(0, "the library name", MAX_NAME);
    String drive = p.requiredName(1, "the drive name", MAX_NAME);
    Optional<ElementAddress> element = Optional.empty();
    Optional<Token> e = p.get(ELEMENT);
    if (e.isPresent() && !(!e.get().quoted() && AUTODETECT.matches(e.get().value()))) {
      element = Optional.of(ElementAddress.of(p.number(e.get(), "ELEMENT", 0, 0xFFFF).intValue()));
    }
    Optional<String> serial = Optional.empty();
    Optional<Token> s = p.get(SERIAL);
    if (s.isPresent() && !(!s.get().quoted() && AUTODETECT.matches(s.get().value()))) {
      serial = Optional.of(s.get().value());
    }
    return new DefineDrive(library, drive, element, serial, p.yesNo(ONLINE).orElse(true));
  }

  private static DefinePath definePath(List<Token> tokens) throws CommandException {
    Params p = new Params("DEFINE PATH", DefinePath.USAGE, tokens, SRCTYPE, DESTTYPE, LIBRARY_PARAM, DEVICE, ONLINE);
    p.positionals(2, 2);
    String source = p.requiredName(0, "the source name", MAX_NAME);
    String destination = p.requiredName(1, "the destination name", MAX_NAME);
    p.required(SRCTYPE);
    p.choice(SRCTYPE, SERVER);
    Keyword dest = p.choice(DESTTYPE, LIBRARY, DRIVE).orElseThrow(() -> p.missing(DESTTYPE.word() + "="));
    DestinationType type = dest == LIBRARY ? DestinationType.LIBRARY : DestinationType.DRIVE;
    Optional<String> library = p.get(LIBRARY_PARAM).isPresent()
        ? Optional.of(p.nameValue(p.get(LIBRARY_PARAM).get(), LIBRARY_PARAM.word(), MAX_NAME)) : Optional.empty();
    if (type == DestinationType.DRIVE && library.isEmpty()) {
      throw p.missing("LIBRARY= (the drive's library)");
    }
    if (type == DestinationType.LIBRARY && library.isPresent() && !library.get().equals(destination)) {
      throw p.conflict("LIBRARY=" + library.get() + " does not name the destination library " + destination);
    }
    String device = p.required(DEVICE).value().strip();
    return new DefinePath(source, destination, type, library, device, p.yesNo(ONLINE).orElse(true));
  }

  // ---- volumes ----

  private static CheckinLibvolume checkin(List<Token> tokens) throws CommandException {
    Params p = new Params("CHECKIN LIBVOLUME", CheckinLibvolume.USAGE, tokens, SEARCH, STATUS, CHECKLABEL,
        VOLRANGE, VOLLIST, WAITTIME, CLEANINGS);
    p.positionals(1, 2);
    String library = p.requiredName(0, "the library name", MAX_NAME);
    Search search = p.choice(SEARCH, YES, NO, BULK).map(k -> k == YES ? Search.YES : k == BULK ? Search.BULK
        : Search.NO).orElse(Search.NO);
    VolumeNames volumes = p.volumes(search == Search.NO);
    p.required(STATUS);
    Keyword st = p.choice(STATUS, SCRATCH, PRIVATE, CLEANER).orElseThrow();
    VolumeStatus status = st == SCRATCH ? VolumeStatus.SCRATCH : st == PRIVATE ? VolumeStatus.PRIVATE
        : VolumeStatus.CLEANER;
    CheckLabel checkLabel = p.choice(CHECKLABEL, YES, NO, BARCODE)
        .map(k -> k == YES ? CheckLabel.YES : k == NO ? CheckLabel.NO : CheckLabel.BARCODE).orElse(CheckLabel.YES);
    Optional<Integer> cleanings = p.get(CLEANINGS).isPresent()
        ? Optional.of(p.number(p.get(CLEANINGS).get(), CLEANINGS.word(), 0, 9999).intValue()) : Optional.empty();
    if (cleanings.isPresent() && status != VolumeStatus.CLEANER) {
      throw p.conflict("CLEANINGS= is for STATUS=CLEANER");
    }
    if (status == VolumeStatus.CLEANER && checkLabel == CheckLabel.YES && p.get(CHECKLABEL).isPresent()) {
      throw p.conflict("a cleaning cartridge has no tape label: use CHECKLABEL=NO or BARCODE");
    }
    if (status == VolumeStatus.CLEANER) {
      checkLabel = checkLabel == CheckLabel.YES ? CheckLabel.BARCODE : checkLabel;
    }
    return new CheckinLibvolume(library, search, volumes, status, checkLabel, p.waitTime(), cleanings);
  }

  private static CheckoutLibvolume checkout(List<Token> tokens) throws CommandException {
    Params p = new Params("CHECKOUT LIBVOLUME", CheckoutLibvolume.USAGE, tokens, VOLRANGE, VOLLIST, REMOVE,
        CHECKLABEL);
    p.positionals(1, 2);
    String library = p.requiredName(0, "the library name", MAX_NAME);
    VolumeNames volumes = p.volumes(true);
    Remove remove = p.choice(REMOVE, BULK, YES, NO).map(k -> k == YES ? Remove.YES : k == NO ? Remove.NO
        : Remove.BULK).orElse(Remove.BULK);
    return new CheckoutLibvolume(library, volumes, remove, p.yesNo(CHECKLABEL).orElse(true));
  }

  private static LabelLibvolume label(List<Token> tokens) throws CommandException {
    Params p = new Params("LABEL LIBVOLUME", LabelLibvolume.USAGE, tokens, SEARCH, LABELSOURCE, CHECKIN_PARAM,
        OVERWRITE, VOLRANGE, VOLLIST, WAITTIME);
    p.positionals(1, 2);
    String library = p.requiredName(0, "the library name", MAX_NAME);
    Search search = p.choice(SEARCH, YES, BULK).map(k -> k == YES ? Search.YES : Search.BULK).orElse(Search.NO);
    VolumeNames volumes = p.volumes(search == Search.NO);
    p.choice(LABELSOURCE, BARCODE);
    Optional<VolumeStatus> checkin = p.choice(CHECKIN_PARAM, SCRATCH, PRIVATE)
        .map(k -> k == SCRATCH ? VolumeStatus.SCRATCH : VolumeStatus.PRIVATE);
    return new LabelLibvolume(library, search, volumes, checkin, p.yesNo(OVERWRITE).orElse(false), p.waitTime());
  }

  // ---- requests and the activity log ----

  private static Reply reply(List<Token> tokens) throws CommandException {
    Params p = new Params("REPLY", Reply.USAGE, tokens, LABEL_PARAM);
    p.positionals(1, 1);
    long number = p.number(p.positional(0).orElseThrow(), "the request number", 1, Integer.MAX_VALUE);
    Optional<String> label = p.get(LABEL_PARAM).isPresent()
        ? Optional.of(p.nameValue(p.get(LABEL_PARAM).get(), LABEL_PARAM.word(), MAX_VOLUME)) : Optional.empty();
    return new Reply(number, label);
  }

  private static QueryActlog queryActlog(List<Token> tokens) throws CommandException {
    Params p = new Params("QUERY ACTLOG", QueryActlog.USAGE, tokens, BEGINDATE, BEGINTIME, ENDDATE, ENDTIME, MSGNO,
        ACTLOG_SEARCH);
    p.positionals(0, 0);
    Optional<Integer> msgno = p.get(MSGNO).isPresent()
        ? Optional.of(p.number(p.get(MSGNO).get(), MSGNO.word(), 0, 9999).intValue()) : Optional.empty();
    Optional<String> search = p.get(ACTLOG_SEARCH).map(Token::value);
    return new QueryActlog(p.date(BEGINDATE), p.time(BEGINTIME), p.date(ENDDATE), p.time(ENDTIME), msgno, search);
  }

  // ---- parameters ----

  /** The tokens after the command's verb and object, sorted into positionals and known KEY=VALUE pairs. */
  private static final class Params {
    final String command;
    final String usage;
    final List<Keyword> allowed;
    final List<Token> positional = new ArrayList<>();
    final Map<Keyword, Token> named = new LinkedHashMap<>();

    Params(String command, String usage, List<Token> tokens, Keyword... allowed) throws CommandException {
      this.command = command;
      this.usage = usage;
      this.allowed = List.of(allowed);
      for (Token t : tokens) {
        if (t.key().isEmpty()) {
          positional.add(t);
          continue;
        }
        String key = t.key().get();
        Keyword match = null;
        for (Keyword k : this.allowed) {
          if (k.matches(key)) {
            match = k;
            break;
          }
        }
        if (match == null) {
          List<String> names = new ArrayList<>();
          this.allowed.forEach(k -> names.add(k.diagram() + "="));
          throw CommandException.of(ControlMessages.UNKNOWN_PARAMETER, command, key.toUpperCase(Locale.ROOT) + "=",
              names.isEmpty() ? "none" : String.join(", ", names), usage);
        }
        if (named.containsKey(match)) {
          throw CommandException.of(ControlMessages.DUPLICATE_PARAMETER, command, match.word() + "=");
        }
        named.put(match, t);
      }
    }

    CommandException missing(String what) {
      return CommandException.of(ControlMessages.MISSING_PARAMETER, command, what, usage);
    }

    CommandException conflict(String what) {
      return CommandException.of(ControlMessages.CONFLICTING_PARAMETERS, command, what, usage);
    }

    CommandException invalid(String value, String what, String expected) {
      return CommandException.of(ControlMessages.INVALID_VALUE, command, value, what, expected);
    }

    void positionals(int min, int max) throws CommandException {
      if (positional.size() > max) {
        Token extra = positional.get(max);
        throw CommandException.of(ControlMessages.EXTRA_POSITIONAL, command, extra.typed(), extra.column(), usage);
      }
      if (positional.size() < min) {
        throw missing(min == 1 ? "a name" : min + " names");
      }
    }

    Optional<Token> positional(int i) {
      return i < positional.size() ? Optional.of(positional.get(i)) : Optional.empty();
    }

    Optional<Token> get(Keyword k) {
      return Optional.ofNullable(named.get(k));
    }

    Token required(Keyword k) throws CommandException {
      Token t = named.get(k);
      if (t == null) {
        throw missing(k.word() + "=");
      }
      if (t.value().isEmpty()) {
        throw invalid("\"\"", k.word(), "a value");
      }
      return t;
    }

    Optional<String> name(int i, int max) throws CommandException {
      Optional<Token> t = positional(i);
      return t.isEmpty() ? Optional.empty() : Optional.of(nameValue(t.get(), "the name", max));
    }

    String requiredName(int i, String what, int max) throws CommandException {
      Token t = positional(i).orElseThrow(() -> missing(what));
      return nameValue(t, what, max);
    }

    String nameValue(Token t, String what, int max) throws CommandException {
      if (t.value().isEmpty() || t.value().length() > max) {
        throw invalid(t.typed(), what, "1 to " + max + " characters");
      }
      return t.name();
    }

    Long number(Token t, String what, long min, long max) throws CommandException {
      String v = t.value().strip();
      try {
        long n = v.toLowerCase(Locale.ROOT).startsWith("0x") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
        if (n >= min && n <= max) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw invalid(t.typed(), what, "a number from " + min + " to " + max);
    }

    /** The value of {@code key} as one of {@code choices}; empty when the parameter is not given. */
    Optional<Keyword> choice(Keyword key, Keyword... choices) throws CommandException {
      Optional<Token> t = get(key);
      if (t.isEmpty()) {
        return Optional.empty();
      }
      List<String> names = new ArrayList<>();
      for (Keyword k : choices) {
        if (!t.get().quoted() && k.matches(t.get().value())) {
          return Optional.of(k);
        }
        names.add(k.word());
      }
      throw invalid(t.get().value(), key.word(), String.join(" or ", names));
    }

    Optional<Boolean> yesNo(Keyword key) throws CommandException {
      return choice(key, YES, NO).map(k -> k == YES);
    }

    /** The volume name in position 1 (required when {@code named}), and VOLRANGE / VOLLIST. */
    VolumeNames volumes(boolean named) throws CommandException {
      Optional<String> name = name(1, MAX_VOLUME);
      Optional<List<String>> range = get(VOLRANGE).map(t -> split(t.name()));
      Optional<List<String>> list = get(VOLLIST).map(t -> split(t.name()));
      if (range.isPresent() && list.isPresent()) {
        throw conflict("VOLRANGE= and VOLLIST= exclude each other");
      }
      if (range.isPresent() && (range.get().size() != 2 || range.get().get(0).length() != range.get().get(1).length()
          || range.get().get(0).compareTo(range.get().get(1)) > 0)) {
        throw invalid(get(VOLRANGE).get().value(), VOLRANGE.word(), "two volume names of the same length, the lower"
            + " first (A00001,A00020)");
      }
      if (list.isPresent() && list.get().isEmpty()) {
        throw invalid("\"\"", VOLLIST.word(), "volume names separated by commas");
      }
      if (named && name.isEmpty() && range.isEmpty() && list.isEmpty()) {
        throw missing("a volume name, VOLRANGE= or VOLLIST=");
      }
      if (!named && name.isPresent()) {
        throw conflict("a volume name and SEARCH= exclude each other; use VOLRANGE= or VOLLIST= to narrow the"
            + " search");
      }
      if (named && name.isPresent() && (range.isPresent() || list.isPresent())) {
        throw conflict("a volume name and VOLRANGE=/VOLLIST= exclude each other");
      }
      return new VolumeNames(name, range, list);
    }

    private static List<String> split(String v) {
      List<String> out = new ArrayList<>();
      for (String s : v.split(",")) {
        if (!s.isBlank()) {
          out.add(s.strip());
        }
      }
      return out;
    }

    /** WAITTIME in minutes; TSM's default an hour. */
    Duration waitTime() throws CommandException {
      Optional<Token> t = get(WAITTIME);
      return t.isEmpty() ? DEFAULT_WAIT : Duration.ofMinutes(number(t.get(), WAITTIME.word(), 0, 9999));
    }

    Optional<TsmDate> date(Keyword key) throws CommandException {
      return TsmDate.parameter(get(key).map(Token::value),
          v -> CommandException.of(ControlMessages.INVALID_DATE, command, key.word() + "=" + v));
    }

    Optional<TsmTime> time(Keyword key) throws CommandException {
      return TsmTime.parameter(get(key).map(Token::value),
          v -> CommandException.of(ControlMessages.INVALID_TIME, command, key.word() + "=" + v));
    }
  }

  /** The message template of every syntax error this parser gives (for tests and documentation). */
  static List<MessageTemplate> syntaxMessages() {
    return List.of(ControlMessages.UNKNOWN_COMMAND, ControlMessages.MISSING_PARAMETER,
        ControlMessages.UNKNOWN_PARAMETER, ControlMessages.INVALID_VALUE, ControlMessages.DUPLICATE_PARAMETER,
        ControlMessages.UNTERMINATED_QUOTE, ControlMessages.EXTRA_POSITIONAL, ControlMessages.CONFLICTING_PARAMETERS,
        ControlMessages.INVALID_DATE, ControlMessages.INVALID_TIME);
  }
}
