package org.vaultline.appliance.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.vaultline.library.command.CommandTokens;
import org.vaultline.library.command.CommandTokens.Token;
import org.vaultline.library.command.Keyword;
import org.vaultline.library.command.TsmDate;
import org.vaultline.library.command.TsmTime;
import org.vaultline.library.control.CommandException;
import org.vaultline.library.store.MessageTemplate;

/**
 * Parses the administrative schedule commands in TSM syntax (IBM Spectrum Protect Administrator's Reference:
 * DEFINE/UPDATE/DELETE/QUERY SCHEDULE for administrative command schedules, QUERY EVENT TYPE=ADMINISTRATIVE):
 * case-insensitive, keywords and values abbreviated to the capitals of IBM's syntax diagrams ({@code DEFine
 * SCHedule}, {@code STARTTime=}, {@code PERUnits=Days}), {@code KEY=VALUE} in any order, the command in quotes
 * (the tokenizer is library-control's {@link CommandTokens}). Dates and times take TSM's forms ({@link TsmDate},
 * {@link TsmTime}); TODAY and NOW are resolved on the parser's clock in the server's time zone when the command is
 * parsed, as TSM resolves them when the schedule is defined. Anything wrong gives a {@link CommandException} with a
 * VLN090xE message saying what is wrong and the correct form.
 */
public final class ScheduleParser {
  static final int MAX_NAME = 30;
  static final int MAX_COMMAND = 512;
  static final int MAX_DESCRIPTION = 255;
  static final int MAX_MAXRUNTIME = 99999;

  // Verbs and objects.
  private static final Keyword DEFINE = Keyword.of("DEFine");
  private static final Keyword UPDATE = Keyword.of("UPDate");
  private static final Keyword DELETE = Keyword.of("DELete");
  private static final Keyword QUERY = Keyword.of("Query");
  private static final Keyword SCHEDULE = Keyword.of("SCHedule");
  private static final Keyword EVENT = Keyword.of("EVent");

  // Parameters.
  private static final Keyword TYPE = Keyword.of("Type");
  private static final Keyword CMD = Keyword.of("CMD");
  private static final Keyword ACTIVE = Keyword.of("ACTIVE");
  private static final Keyword DESCRIPTION = Keyword.of("DESCription");
  private static final Keyword PRIORITY = Keyword.of("PRIority");
  private static final Keyword STARTDATE = Keyword.of("STARTDate");
  private static final Keyword STARTTIME = Keyword.of("STARTTime");
  private static final Keyword DURATION = Keyword.of("DURation");
  private static final Keyword DURUNITS = Keyword.of("DURUnits");
  private static final Keyword MAXRUNTIME = Keyword.of("MAXRUNtime");
  private static final Keyword SCHEDSTYLE = Keyword.of("SCHEDStyle");
  private static final Keyword PERIOD = Keyword.of("PERiod");
  private static final Keyword PERUNITS = Keyword.of("PERUnits");
  private static final Keyword DAYOFWEEK = Keyword.of("DAYofweek");
  private static final Keyword EXPIRATION = Keyword.of("EXPiration");
  private static final Keyword MONTH = Keyword.of("MONth");
  private static final Keyword DAYOFMONTH = Keyword.of("DAYOFMonth");
  private static final Keyword WEEKOFMONTH = Keyword.of("WEEKofmonth");
  private static final Keyword FORMAT = Keyword.of("Format");
  private static final Keyword BEGINDATE = Keyword.of("BEGINDate");
  private static final Keyword BEGINTIME = Keyword.of("BEGINTime");
  private static final Keyword ENDDATE = Keyword.of("ENDDate");
  private static final Keyword ENDTIME = Keyword.of("ENDTime");
  private static final Keyword EXCEPTIONSONLY = Keyword.of("EXceptionsonly");

  private static final Keyword[] DEFINE_PARAMETERS = {TYPE, CMD, ACTIVE, DESCRIPTION, PRIORITY, STARTDATE, STARTTIME,
      DURATION, DURUNITS, MAXRUNTIME, SCHEDSTYLE, PERIOD, PERUNITS, DAYOFWEEK, EXPIRATION, MONTH, DAYOFMONTH,
      WEEKOFMONTH};

  // Values.
  private static final Keyword ADMINISTRATIVE = Keyword.of("Administrative");
  private static final Keyword CLIENT = Keyword.of("Client");
  private static final Keyword YES = Keyword.of("Yes");
  private static final Keyword NO = Keyword.of("No");
  private static final Keyword CLASSIC = Keyword.of("Classic");
  private static final Keyword ENHANCED = Keyword.of("Enhanced");
  private static final Keyword NEVER = Keyword.of("Never");
  private static final Keyword ANY = Keyword.of("ANY");
  private static final Keyword STANDARD = Keyword.of("Standard");
  private static final Keyword DETAILED = Keyword.of("Detailed");
  private static final Map<Month, Keyword> MONTHS = new LinkedHashMap<>();

  static {
    String[] diagrams = {"JAnuary", "February", "MARch", "APril", "May", "JUNe", "JULy", "AUgust", "September",
        "October", "November", "December"};
    for (Month m : Month.values()) {
      MONTHS.put(m, Keyword.of(diagrams[m.ordinal()]));
    }
  }

  /** Commands that TSM refuses to schedule: MACRO, and QUERY ACTLOG. */
  private static final Keyword MACRO = Keyword.of("MACRO");
  private static final Keyword ACTLOG = Keyword.of("ACtlog");

  private final Clock clock;
  private final ZoneId zone;

  /** A parser resolving TODAY and NOW on {@code clock} in {@code zone} (the server's time zone). */
  public ScheduleParser(Clock clock, ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
  }

  /**
   * The command's canonical name when {@code line} is a schedule command ({@code DEFINE SCHEDULE}, {@code UPDATE
   * SCHEDULE}, {@code DELETE SCHEDULE}, {@code QUERY SCHEDULE}, {@code QUERY EVENT}), judged by its first two words
   * only; empty for any other command. A daemon uses it to route a line here.
   */
  public static Optional<String> commandName(String line) {
    List<Token> tokens;
    try {
      tokens = CommandTokens.tokenize(line);
    } catch (CommandTokens.UnterminatedQuote e) {
      return Optional.empty();
    }
    if (tokens.size() < 2 || !positional(tokens.get(0)) || !positional(tokens.get(1))) {
      return Optional.empty();
    }
    String verb = tokens.get(0).value();
    String object = tokens.get(1).value();
    if (SCHEDULE.matches(object)) {
      if (DEFINE.matches(verb)) {
        return Optional.of("DEFINE SCHEDULE");
      }
      if (UPDATE.matches(verb)) {
        return Optional.of("UPDATE SCHEDULE");
      }
      if (DELETE.matches(verb)) {
        return Optional.of("DELETE SCHEDULE");
      }
      if (QUERY.matches(verb)) {
        return Optional.of("QUERY SCHEDULE");
      }
    }
    if (QUERY.matches(verb) && EVENT.matches(object)) {
      return Optional.of("QUERY EVENT");
    }
    return Optional.empty();
  }

  /**
   * Reads a stored canonical definition ({@link ScheduleDefinition#toCommand()}) back. It holds no relative value,
   * so no clock is needed.
   */
  public static ScheduleDefinition parseDefinition(String definition) throws CommandException {
    ScheduleCommand c = new ScheduleParser(Clock.fixed(java.time.Instant.EPOCH, ZoneOffset.UTC), ZoneOffset.UTC)
        .parse(definition);
    if (!(c instanceof ScheduleCommand.Define)) {
      throw CommandException.of(ScheduleMessages.UNKNOWN_COMMAND, shorten(definition));
    }
    return ((ScheduleCommand.Define) c).definition();
  }

  /** Parses one schedule command line. */
  public ScheduleCommand parse(String line) throws CommandException {
    List<Token> tokens;
    try {
      tokens = CommandTokens.tokenize(line);
    } catch (CommandTokens.UnterminatedQuote e) {
      throw CommandException.of(ScheduleMessages.UNTERMINATED_QUOTE, e.column());
    }
    Optional<String> name = commandName(line);
    if (name.isEmpty()) {
      throw CommandException.of(ScheduleMessages.UNKNOWN_COMMAND, shorten(line));
    }
    List<Token> rest = tokens.subList(2, tokens.size());
    LocalDateTime now = LocalDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.SECONDS);
    switch (name.get()) {
      case "DEFINE SCHEDULE":
        return define(rest, now);
      case "UPDATE SCHEDULE":
        return update(rest, now);
      case "DELETE SCHEDULE": {
        Params p = new Params("DELETE SCHEDULE", ScheduleCommand.Delete.USAGE, rest, TYPE);
        p.administrative();
        p.positionals(1, 1);
        return new ScheduleCommand.Delete(p.pattern(0, true));
      }
      case "QUERY SCHEDULE": {
        Params p = new Params("QUERY SCHEDULE", ScheduleCommand.Query.USAGE, rest, TYPE, FORMAT);
        p.administrative();
        p.positionals(0, 1);
        String pattern = p.positional(0).isPresent() ? p.pattern(0, true) : "*";
        return new ScheduleCommand.Query(pattern, p.detailed());
      }
      default:
        return queryEvent(rest, now);
    }
  }

  private ScheduleCommand define(List<Token> rest, LocalDateTime now) throws CommandException {
    Params p = new Params("DEFINE SCHEDULE", ScheduleCommand.Define.USAGE, rest, DEFINE_PARAMETERS);
    p.administrative();
    p.positionals(1, 1);
    String name = p.pattern(0, false);
    p.required(CMD);
    ScheduleChanges changes = changes(p, now);
    ScheduleDefinition base = ScheduleChanges.defaults(name, now.toLocalDate(), now.toLocalTime());
    return new ScheduleCommand.Define(changes.applyTo(base, p.command, p.usage));
  }

  private ScheduleCommand update(List<Token> rest, LocalDateTime now) throws CommandException {
    Params p = new Params("UPDATE SCHEDULE", ScheduleCommand.Update.USAGE, rest, DEFINE_PARAMETERS);
    p.administrative();
    p.positionals(1, 1);
    String name = p.pattern(0, false);
    if (p.named.keySet().stream().allMatch(k -> k == TYPE)) {
      throw p.missing("at least one parameter to change");
    }
    return new ScheduleCommand.Update(name, changes(p, now));
  }

  private ScheduleChanges changes(Params p, LocalDateTime now) throws CommandException {
    ScheduleChanges c = new ScheduleChanges();
    Optional<Token> cmd = p.get(CMD);
    if (cmd.isPresent()) {
      String v = cmd.get().value().strip();
      if (v.isEmpty() || v.length() > MAX_COMMAND) {
        throw p.invalid(cmd.get().typed(), CMD.word(), "a command of 1 to " + MAX_COMMAND + " characters, in quotes");
      }
      checkSchedulable(p, v);
      c.command = Optional.of(v);
    }
    c.active = p.yesNo(ACTIVE);
    Optional<Token> desc = p.get(DESCRIPTION);
    if (desc.isPresent()) {
      if (desc.get().value().length() > MAX_DESCRIPTION) {
        throw p.invalid(shorten(desc.get().typed()), DESCRIPTION.word(), "up to " + MAX_DESCRIPTION
            + " characters");
      }
      c.description = Optional.of(desc.get().value());
    }
    c.priority = p.number(PRIORITY, 1, 10);
    Optional<TsmTime> time = p.time(STARTTIME);
    Optional<TsmDate> date = p.date(STARTDATE);
    c.startDate = date.map(d -> d.resolve(now.toLocalDate()));
    if (time.isPresent()) {
      if (time.get() instanceof TsmTime.Absolute) {
        c.startTime = Optional.of(((TsmTime.Absolute) time.get()).time());
      } else {
        LocalDateTime at = ((TsmTime.Now) time.get()).resolve(now);
        c.startTime = Optional.of(at.toLocalTime());
        // NOW+02:00 at 23:00 is tomorrow 01:00, unless STARTDATE= says which day.
        if (date.isEmpty() && !at.toLocalDate().equals(now.toLocalDate())) {
          c.startDate = Optional.of(at.toLocalDate());
        }
      }
    }
    c.duration = p.number(DURATION, 1, 999);
    c.durationUnit = p.choice(DURUNITS, DurationUnit.values(), DurationUnit::keyword);
    c.maxRunTime = p.number(MAXRUNTIME, 0, MAX_MAXRUNTIME);
    c.style = p.choice(SCHEDSTYLE, new Keyword[] {CLASSIC, ENHANCED}, k -> k)
        .map(k -> k == CLASSIC ? ScheduleChanges.Style.CLASSIC : ScheduleChanges.Style.ENHANCED);
    c.period = p.number(PERIOD, 1, 999);
    c.periodUnit = p.choice(PERUNITS, PeriodUnit.values(), PeriodUnit::keyword);
    c.dayOfWeek = p.list(DAYOFWEEK, DaySelector.values(), DaySelector::keyword);
    Optional<Token> exp = p.get(EXPIRATION);
    if (exp.isPresent()) {
      if (!exp.get().quoted() && NEVER.matches(exp.get().value())) {
        c.expiration = Optional.of(Optional.empty());
      } else {
        c.expiration = Optional.of(Optional.of(p.date(EXPIRATION).orElseThrow().resolve(now.toLocalDate())));
      }
    }
    Optional<List<Month>> months = p.list(MONTH, Month.values(), MONTHS::get);
    if (months.isPresent()) {
      c.months = Optional.of(anyOrAll(p, MONTH, months.get()));
    }
    Optional<List<WeekOfMonth>> weeks = p.list(WEEKOFMONTH, WeekOfMonth.values(), WeekOfMonth::keyword);
    if (weeks.isPresent()) {
      c.weeks = Optional.of(anyOrAll(p, WEEKOFMONTH, weeks.get()));
    }
    c.daysOfMonth = p.daysOfMonth();
    return c;
  }

  /** A list value where ANY (a null element) stands alone and means the empty set. */
  private static <E extends Enum<E>> Set<E> anyOrAll(Params p, Keyword key, List<E> values) throws CommandException {
    if (values.contains(null)) {
      if (values.size() > 1) {
        throw p.conflict(key.word() + "=ANY stands alone");
      }
      return Set.of();
    }
    return EnumSet.copyOf(values);
  }

  private static void checkSchedulable(Params p, String command) throws CommandException {
    List<Token> t;
    try {
      t = CommandTokens.tokenize(command);
    } catch (CommandTokens.UnterminatedQuote e) {
      throw p.invalid(command, CMD.word(), "a command whose quotes are closed");
    }
    if (t.isEmpty()) {
      return;
    }
    String verb = t.get(0).value();
    boolean actlog = t.size() > 1 && QUERY.matches(verb) && ACTLOG.matches(t.get(1).value());
    if (MACRO.matches(verb) || actlog) {
      throw CommandException.of(ScheduleMessages.NOT_SCHEDULABLE, p.command, actlog ? "QUERY ACTLOG" : "MACRO");
    }
  }

  private ScheduleCommand queryEvent(List<Token> rest, LocalDateTime now) throws CommandException {
    Params p = new Params("QUERY EVENT", ScheduleCommand.QueryEvent.USAGE, rest, TYPE, BEGINDATE, BEGINTIME,
        ENDDATE, ENDTIME, EXCEPTIONSONLY, FORMAT);
    Optional<Token> type = p.get(TYPE);
    if (type.isEmpty()) {
      // Without TYPE=, TSM's QUERY EVENT is about client schedules (domain and schedule names).
      throw p.missing("TYPE=ADMINISTRATIVE");
    }
    p.administrative();
    p.positionals(1, 1);
    String pattern = p.pattern(0, true);
    LocalDate today = now.toLocalDate();
    LocalDate beginDate = p.date(BEGINDATE).map(d -> d.resolve(today)).orElse(today);
    LocalTime beginTime = p.time(BEGINTIME).map(t -> timeOf(t, now)).orElse(LocalTime.MIDNIGHT);
    LocalDate endDate = p.date(ENDDATE).map(d -> d.resolve(today)).orElse(beginDate);
    LocalTime endTime = p.time(ENDTIME).map(t -> timeOf(t, now)).orElse(LocalTime.of(23, 59, 59));
    LocalDateTime begin = LocalDateTime.of(beginDate, beginTime);
    LocalDateTime end = LocalDateTime.of(endDate, endTime);
    if (end.isBefore(begin)) {
      throw p.conflict("the end (" + end + ") is before the beginning (" + begin + ")");
    }
    return new ScheduleCommand.QueryEvent(pattern, begin, end, p.yesNo(EXCEPTIONSONLY).orElse(false), p.detailed());
  }

  private static LocalTime timeOf(TsmTime t, LocalDateTime now) {
    return t instanceof TsmTime.Absolute ? ((TsmTime.Absolute) t).time() : ((TsmTime.Now) t).resolve(now)
        .toLocalTime();
  }

  private static boolean positional(Token t) {
    return t.key().isEmpty() && !t.quoted();
  }

  private static String shorten(String line) {
    String typed = line.strip();
    return typed.length() > 60 ? typed.substring(0, 60) + "..." : typed;
  }

  /** The message template of every syntax error this parser gives (for tests and documentation). */
  static List<MessageTemplate> syntaxMessages() {
    return List.of(ScheduleMessages.CLIENT_SCHEDULE, ScheduleMessages.MISSING_PARAMETER,
        ScheduleMessages.UNKNOWN_PARAMETER, ScheduleMessages.INVALID_VALUE, ScheduleMessages.DUPLICATE_PARAMETER,
        ScheduleMessages.UNTERMINATED_QUOTE, ScheduleMessages.EXTRA_POSITIONAL,
        ScheduleMessages.CONFLICTING_PARAMETERS, ScheduleMessages.INVALID_DATE, ScheduleMessages.INVALID_TIME,
        ScheduleMessages.NOT_SCHEDULABLE, ScheduleMessages.NEVER_STARTS, ScheduleMessages.UNKNOWN_COMMAND);
  }

  // ---- parameters ----

  /** The tokens after the verb and object, sorted into positionals and known KEY=VALUE pairs. */
  private static final class Params {
    final String command;
    final String usage;
    final List<Token> positional = new ArrayList<>();
    final Map<Keyword, Token> named = new LinkedHashMap<>();

    Params(String command, String usage, List<Token> tokens, Keyword... allowed) throws CommandException {
      this.command = command;
      this.usage = usage;
      for (Token t : tokens) {
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
          List<String> names = new ArrayList<>();
          for (Keyword k : allowed) {
            names.add(k.diagram() + "=");
          }
          throw CommandException.of(ScheduleMessages.UNKNOWN_PARAMETER, command,
              key.toUpperCase(Locale.ROOT) + "=", String.join(", ", names), usage);
        }
        if (named.containsKey(match)) {
          throw CommandException.of(ScheduleMessages.DUPLICATE_PARAMETER, command, match.word() + "=");
        }
        named.put(match, t);
      }
    }

    CommandException missing(String what) {
      return CommandException.of(ScheduleMessages.MISSING_PARAMETER, command, what, usage);
    }

    CommandException conflict(String what) {
      return CommandException.of(ScheduleMessages.CONFLICTING_PARAMETERS, command, what, usage);
    }

    CommandException invalid(String value, String what, String expected) {
      return CommandException.of(ScheduleMessages.INVALID_VALUE, command, value, what, expected);
    }

    /** TYPE=ADMINISTRATIVE when given; TYPE=CLIENT is refused. */
    void administrative() throws CommandException {
      Optional<Token> t = get(TYPE);
      if (t.isPresent()) {
        if (!t.get().quoted() && CLIENT.matches(t.get().value())) {
          throw CommandException.of(ScheduleMessages.CLIENT_SCHEDULE, command, usage);
        }
        if (t.get().quoted() || !ADMINISTRATIVE.matches(t.get().value())) {
          throw invalid(t.get().value(), TYPE.word(), "ADMINISTRATIVE");
        }
      }
    }

    void positionals(int min, int max) throws CommandException {
      if (positional.size() > max) {
        Token extra = positional.get(max);
        Optional<Token> cmd = get(CMD);
        if (cmd.isPresent() && !cmd.get().quoted() && extra.column() > cmd.get().column()) {
          throw conflict("a command with blanks goes in quotes: CMD=\"" + cmd.get().value() + " "
              + extra.value() + " ...\"");
        }
        if (max == 1 && positional.size() == 2 && command.endsWith("SCHEDULE") && !command.startsWith("QUERY")) {
          // DEFINE SCHEDULE domain schedule ...: the client form.
          throw CommandException.of(ScheduleMessages.CLIENT_SCHEDULE, command, usage);
        }
        throw CommandException.of(ScheduleMessages.EXTRA_POSITIONAL, command, extra.typed(), extra.column(), usage);
      }
      if (positional.size() < min) {
        throw missing("the schedule name");
      }
    }

    Optional<Token> positional(int i) {
      return i < positional.size() ? Optional.of(positional.get(i)) : Optional.empty();
    }

    /** The schedule name at {@code i}: upper case unless quoted; with {@code *} and {@code ?} when allowed. */
    String pattern(int i, boolean wildcards) throws CommandException {
      Token t = positional.get(i);
      String v = t.name();
      if (v.isEmpty() || v.length() > MAX_NAME) {
        throw invalid(t.typed(), "the schedule name", "1 to " + MAX_NAME + " characters");
      }
      for (int j = 0; j < v.length(); j++) {
        char c = v.charAt(j);
        boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
            || "_.-+&$#@".indexOf(c) >= 0 || wildcards && (c == '*' || c == '?');
        if (!ok) {
          throw invalid(t.typed(), "the schedule name", "letters, digits and _ . - + & $ # @"
              + (wildcards ? ", with * and ? as wildcards" : ""));
        }
      }
      return v;
    }

    Optional<Token> get(Keyword k) {
      return Optional.ofNullable(named.get(k));
    }

    Token required(Keyword k) throws CommandException {
      Token t = named.get(k);
      if (t == null) {
        throw missing(k.word() + "=");
      }
      return t;
    }

    Optional<Integer> number(Keyword key, int min, int max) throws CommandException {
      Optional<Token> t = get(key);
      if (t.isEmpty()) {
        return Optional.empty();
      }
      String v = t.get().value().strip();
      try {
        int n = Integer.parseInt(v);
        if (n >= min && n <= max) {
          return Optional.of(n);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw invalid(t.get().typed(), key.word(), "a number from " + min + " to " + max);
    }

    <E> Optional<E> choice(Keyword key, E[] values, java.util.function.Function<E, Keyword> keyword)
        throws CommandException {
      Optional<Token> t = get(key);
      if (t.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(one(key, t.get().value(), t.get().quoted(), values, keyword, false));
    }

    /** One value of a list; null for ANY when {@code any}. */
    private <E> E one(Keyword key, String text, boolean quoted, E[] values,
        java.util.function.Function<E, Keyword> keyword, boolean any) throws CommandException {
      List<String> names = new ArrayList<>();
      if (any) {
        names.add("ANY");
        if (!quoted && ANY.matches(text)) {
          return null;
        }
      }
      for (E v : values) {
        Keyword k = keyword.apply(v);
        if (!quoted && k.matches(text)) {
          return v;
        }
        names.add(k.word());
      }
      throw invalid(text.isEmpty() ? "\"\"" : text, key.word(), String.join(" or ", names));
    }

    /** A comma-separated list of keywords; for DAYOFWEEK the values include ANY itself. */
    <E> Optional<List<E>> list(Keyword key, E[] values, java.util.function.Function<E, Keyword> keyword)
        throws CommandException {
      Optional<Token> t = get(key);
      if (t.isEmpty()) {
        return Optional.empty();
      }
      boolean anyIsValue = key == DAYOFWEEK;
      List<E> out = new ArrayList<>();
      for (String part : t.get().value().split(",", -1)) {
        E v = one(key, part.strip(), t.get().quoted(), values, keyword, !anyIsValue);
        if (!out.contains(v)) {
          out.add(v);
        }
      }
      return Optional.of(out);
    }

    Optional<Set<Integer>> daysOfMonth() throws CommandException {
      Optional<Token> t = get(DAYOFMONTH);
      if (t.isEmpty()) {
        return Optional.empty();
      }
      String[] parts = t.get().value().split(",", -1);
      if (parts.length == 1 && !t.get().quoted() && ANY.matches(parts[0].strip())) {
        return Optional.of(Set.of());
      }
      Set<Integer> out = new TreeSet<>();
      for (String part : parts) {
        try {
          int d = Integer.parseInt(part.strip());
          if (d != 0 && d >= -31 && d <= 31) {
            out.add(d);
            continue;
          }
        } catch (NumberFormatException e) {
          // reported below
        }
        throw invalid(part.strip().isEmpty() ? "\"\"" : part.strip(), DAYOFMONTH.word(),
            "ANY, or days 1 to 31 and -1 to -31 (from the end of the month) separated by commas");
      }
      return Optional.of(out);
    }

    Optional<Boolean> yesNo(Keyword key) throws CommandException {
      return choice(key, new Keyword[] {YES, NO}, k -> k).map(k -> k == YES);
    }

    boolean detailed() throws CommandException {
      return choice(FORMAT, new Keyword[] {STANDARD, DETAILED}, k -> k).map(k -> k == DETAILED).orElse(false);
    }

    Optional<TsmDate> date(Keyword key) throws CommandException {
      return TsmDate.parameter(get(key).map(Token::value),
          v -> CommandException.of(ScheduleMessages.INVALID_DATE, command, key.word() + "=" + v));
    }

    Optional<TsmTime> time(Keyword key) throws CommandException {
      return TsmTime.parameter(get(key).map(Token::value),
          v -> CommandException.of(ScheduleMessages.INVALID_TIME, command, key.word() + "=" + v));
    }
  }
}
