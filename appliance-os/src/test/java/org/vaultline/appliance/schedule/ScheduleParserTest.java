package org.vaultline.appliance.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vaultline.appliance.schedule.Recurrence.Classic;
import org.vaultline.appliance.schedule.Recurrence.Enhanced;
import org.vaultline.library.control.CommandException;

class ScheduleParserTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  /** Sunday 11/22/2026 17:36:31 in Berlin. */
  private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 22, 17, 36, 31, 0, BERLIN);
  private final ScheduleParser parser = new ScheduleParser(new ManualClock(NOW.toInstant(), BERLIN), BERLIN);

  private ScheduleDefinition define(String line) throws CommandException {
    ScheduleCommand c = parser.parse(line);
    assertThat(c).isInstanceOf(ScheduleCommand.Define.class);
    return ((ScheduleCommand.Define) c).definition();
  }

  private static int messageNumber(ThrowingRunnable r) {
    try {
      r.run();
    } catch (CommandException e) {
      return e.message().id().number();
    } catch (Exception e) {
      fail("not a CommandException: " + e);
    }
    return fail("no CommandException");
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  void aDefinitionWithOnlyTheCommandTakesTsmDefaults() throws Exception {
    ScheduleDefinition d = define("define schedule daily_vault type=administrative"
        + " cmd=\"move drmedia * wherestate=mountable tostate=vault remove=bulk\"");
    assertThat(d.name()).isEqualTo("DAILY_VAULT");
    assertThat(d.command()).isEqualTo("move drmedia * wherestate=mountable tostate=vault remove=bulk");
    assertThat(d.active()).isFalse();
    assertThat(d.description()).isEmpty();
    assertThat(d.priority()).isEqualTo(5);
    assertThat(d.startDate()).isEqualTo(LocalDate.of(2026, 11, 22));
    assertThat(d.startTime()).isEqualTo(LocalTime.of(17, 36, 31));
    assertThat(d.duration()).isEqualTo(1);
    assertThat(d.durationUnit()).isEqualTo(DurationUnit.HOURS);
    assertThat(d.maxRunTime()).isZero();
    assertThat(d.recurrence()).isEqualTo(new Classic(1, PeriodUnit.DAYS, DaySelector.ANY));
    assertThat(d.expiration()).isEmpty();
  }

  @Test
  void keywordsAndValuesTakeTsmsMinimumAbbreviations() throws Exception {
    ScheduleDefinition d = define("DEF SCH vault T=A CMD='q drm' ACTIVE=Y DESC=\"Nightly vault\" PRI=2 STARTD=+2"
        + " STARTT=06:00 DUR=30 DURU=M MAXRUN=120 SCHEDS=C PER=4 PERU=H DAY=WEEKD EXP=12/31/2027");
    assertThat(d.name()).isEqualTo("VAULT");
    assertThat(d.command()).isEqualTo("q drm");
    assertThat(d.active()).isTrue();
    assertThat(d.description()).contains("Nightly vault");
    assertThat(d.priority()).isEqualTo(2);
    assertThat(d.startDate()).isEqualTo(LocalDate.of(2026, 11, 24));
    assertThat(d.startTime()).isEqualTo(LocalTime.of(6, 0));
    assertThat(d.duration()).isEqualTo(30);
    assertThat(d.durationUnit()).isEqualTo(DurationUnit.MINUTES);
    assertThat(d.maxRunTime()).isEqualTo(120);
    assertThat(d.recurrence()).isEqualTo(new Classic(4, PeriodUnit.HOURS, DaySelector.WEEKDAY));
    assertThat(d.expiration()).contains(LocalDate.of(2027, 12, 31));
  }

  @Test
  void nowPlusAnOffsetPastMidnightStartsTomorrow() throws Exception {
    ScheduleDefinition d = define("def sched late cmd=\"q drm\" starttime=now+07:00");
    assertThat(d.startDate()).isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat(d.startTime()).isEqualTo(LocalTime.of(0, 36, 31));
    ScheduleDefinition fixed = define("def sched late cmd=\"q drm\" startdate=12/01/2026 starttime=+07:00");
    assertThat(fixed.startDate()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(fixed.startTime()).isEqualTo(LocalTime.of(0, 36, 31));
  }

  @Test
  void anEnhancedScheduleTakesListsOfMonthsDaysAndWeeks() throws Exception {
    ScheduleDefinition d = define("def sch q1 type=admin cmd=\"q drm\" schedstyle=enhanced month=ja,apr,jul,oct"
        + " dayofmonth=1,-1 starttime=03:00");
    Enhanced e = (Enhanced) d.recurrence();
    assertThat(e.months()).containsExactly(Month.JANUARY, Month.APRIL, Month.JULY, Month.OCTOBER);
    assertThat(e.daysOfMonth()).containsExactlyInAnyOrder(1, -1);
    assertThat(e.weeks()).isEmpty();
    assertThat(e.days()).isEmpty();
    ScheduleDefinition w = define("def sch firstmon cmd=\"q drm\" scheds=e weekofmonth=first,third dayofweek=monday"
        + " active=yes");
    Enhanced f = (Enhanced) w.recurrence();
    assertThat(f.weeks()).containsExactly(WeekOfMonth.FIRST, WeekOfMonth.THIRD);
    assertThat(f.days()).containsExactly(DaySelector.MONDAY);
    assertThat(f.matches(LocalDate.of(2026, 12, 7))).isTrue();
    assertThat(f.matches(LocalDate.of(2026, 12, 14))).isFalse();
  }

  @Test
  void theCanonicalTextRoundTripsToAnEqualDefinition() throws Exception {
    List<String> lines = List.of(
        "def sch a cmd=\"move drmedia * wherestate=mountable tostate=vault\" active=yes starttime=06:00",
        "def sch b cmd='q drm \"x\"' desc=\"it's \"\"quoted\"\"\" peru=onetime duru=indefinite dur=5",
        "def sch c cmd=\"q drm\" per=2 peru=weeks dayofweek=sunday exp=+30 pri=10 maxrun=5",
        "def sch d cmd=\"q drm\" scheds=e month=feb dayofmonth=29 starttime=00:00:01",
        "def sch e cmd=\"q drm\" scheds=e weekofmonth=last dayofweek=weekday dur=90 duru=minutes",
        "def sch f cmd=\"q drm\" scheds=e dayofweek=sat,sun,mon",
        "def sch 'Mixed.Case-1' cmd=\"q drm\" per=3 peru=months",
        "def sch g cmd=\"q drm\" per=1 peru=years dayofweek=weekend");
    for (String line : lines) {
      ScheduleDefinition d = define(line);
      ScheduleDefinition back = ScheduleParser.parseDefinition(d.toCommand());
      assertThat(back).as(line).isEqualTo(d);
      assertThat(back.toCommand()).isEqualTo(d.toCommand());
    }
  }

  @Test
  void theCanonicalTextSpellsEveryParameterOut() throws Exception {
    ScheduleDefinition d = define("def sch vault cmd=\"move drmedia *\" active=yes starttime=06:00");
    assertThat(d.toCommand()).isEqualTo("DEFINE SCHEDULE VAULT TYPE=ADMINISTRATIVE CMD=\"move drmedia *\" ACTIVE=YES"
        + " PRIORITY=5 STARTDATE=11/22/2026 STARTTIME=06:00:00 DURATION=1 DURUNITS=HOURS MAXRUNTIME=0"
        + " SCHEDSTYLE=CLASSIC PERIOD=1 PERUNITS=DAYS DAYOFWEEK=ANY EXPIRATION=NEVER");
  }

  @Test
  void seededRandomDefinitionsThatParseRoundTrip() throws Exception {
    Random r = new Random(20261122);
    String[][] pool = {
        {"active=yes", "active=no", ""},
        {"pri=1", "pri=7", ""},
        {"startd=01/31/2027", "startd=+3", "startd=today", ""},
        {"startt=02:30", "startt=00:00", "startt=23:59:59", "startt=now+01:00", ""},
        {"dur=1", "dur=15", "dur=3", ""},
        {"duru=m", "duru=h", "duru=d", "duru=ind", ""},
        {"exp=12/31/2030", "exp=never", ""},
    };
    String[] classic = {"per=1 peru=d", "per=6 peru=h", "per=2 peru=w", "per=1 peru=mo", "per=1 peru=y", "peru=o",
        "dayofweek=weekday", "dayofweek=fri", ""};
    String[] enhanced = {"scheds=e month=mar,oct", "scheds=e dayofmonth=15,-2", "scheds=e weekofmonth=fourth"
        + " dayofweek=tue", "scheds=e dayofweek=weekend", "scheds=e weekofmonth=first dayofweek=weekday"};
    int parsed = 0;
    for (int i = 0; i < 3000; i++) {
      StringBuilder line = new StringBuilder("define schedule s" + i + " cmd=\"query drmedia *\"");
      for (String[] p : pool) {
        line.append(' ').append(p[r.nextInt(p.length)]);
      }
      line.append(' ').append(r.nextBoolean() ? classic[r.nextInt(classic.length)]
          : enhanced[r.nextInt(enhanced.length)]);
      ScheduleDefinition d;
      try {
        d = define(line.toString());
      } catch (CommandException e) {
        assertThat(e.message().id().number()).as(line.toString()).isBetween(900, 949);
        continue;
      }
      parsed++;
      assertThat(ScheduleParser.parseDefinition(d.toCommand())).as(line.toString()).isEqualTo(d);
    }
    assertThat(parsed).isGreaterThan(500);
  }

  @ParameterizedTest(name = "{0} gives VLN0{1}")
  @CsvSource(delimiter = '|', value = {
      "define schedule x active=yes | 901",
      "define schedule x cmd=\"q drm\" foo=1 | 902",
      "define schedule x cmd=\"q drm\" priority=11 | 903",
      "define schedule x cmd=\"q drm\" pri=1 priority=2 | 904",
      "define schedule x cmd=\"q drm | 905",
      "define schedule x cmd=move drmedia * | 907",
      "define schedule x cmd=\"q drm\" scheds=enhanced period=2 | 907",
      "define schedule x cmd=\"q drm\" month=january | 907",
      "define schedule x cmd=\"q drm\" durunits=indefinite | 907",
      "define schedule x cmd=\"q drm\" duration=2 durunits=days | 907",
      "define schedule x cmd=\"q drm\" duration=1 durunits=hours period=1 perunits=hours | 907",
      "define schedule x cmd=\"q drm\" startdate=13/45/2026 | 908",
      "define schedule x cmd=\"q drm\" starttime=25:00 | 909",
      "define schedule x type=client cmd=\"q drm\" | 900",
      "define schedule standard daily cmd=\"q drm\" | 900",
      "define schedule x cmd=\"macro backup.mac\" | 913",
      "define schedule x cmd=\"q actlog\" | 913",
      "define schedule x cmd=\"q drm\" scheds=e month=february dayofmonth=30,31 | 914",
      "define schedule x cmd=\"q drm\" scheds=e dayofmonth=1 dayofweek=monday | 907",
      "define schedule x cmd=\"q drm\" scheds=e weekofmonth=second dayofweek=weekday | 907",
      "define schedule x cmd=\"q drm\" scheds=e dayofmonth=0 | 903",
      "define schedule x cmd=\"q drm\" scheds=e month=any,june | 907",
      "define schedule x cmd=\"q drm\" dayofweek=monday,friday | 907",
      "define schedule x cmd=\"q drm\" startdate=01/10/2027 expiration=01/01/2027 | 907",
      "define schedule x cmd=\"q drm\" per=7 peru=days dayofweek=saturday startdate=11/23/2026 | 914",
      "define schedule abcdefghijabcdefghijabcdefghijK cmd=\"q drm\" | 903",
      "define schedule a*b cmd=\"q drm\" | 903",
      "update schedule x type=administrative | 901",
      "query event * | 901",
      "delete schedule | 901",
      "query schedule * format=wide | 903",
      "define schedule x cmd=\"q drm\" active=maybe | 903",
      "define schedule x cmd=\"\" | 903",
  })
  void aWrongCommandSaysWhatIsWrongWithItsMessageId(String line, int number) {
    assertThat(messageNumber(() -> parser.parse(line))).isEqualTo(number);
  }

  @Test
  void aWindowMayBeAlmostAsLongAsThePeriod() throws Exception {
    assertThat(define("def sch x cmd=y dur=23 duru=hours").duration()).isEqualTo(23);
    assertThat(define("def sch x cmd=y dur=27 duru=days per=1 peru=months").duration()).isEqualTo(27);
    assertThat(define("def sch x cmd=y dur=59 duru=minutes per=1 peru=hours").duration()).isEqualTo(59);
  }

  @Test
  void aSyntaxErrorShowsTheCorrectForm() {
    assertThatThrownBy(() -> parser.parse("def sch x cmd=\"q drm\" bogus=1"))
        .isInstanceOf(CommandException.class)
        .hasMessageContaining("VLN0902E DEFINE SCHEDULE: unknown parameter BOGUS=")
        .hasMessageContaining("Syntax: DEFINE SCHEDULE schedule_name TYPE=ADMINISTRATIVE CMD=");
    assertThatThrownBy(() -> parser.parse("def sch x cmd=move drmedia *"))
        .hasMessageContaining("a command with blanks goes in quotes: CMD=\"move drmedia ...\"");
  }

  @Test
  void updateKeepsTheParametersItDoesNotName() throws Exception {
    ScheduleDefinition base = define("def sch vault cmd=\"q drm\" starttime=06:00 per=2 peru=days");
    ScheduleCommand.Update u = (ScheduleCommand.Update) parser.parse("upd sch vault active=yes starttime=07:30");
    ScheduleDefinition d = u.changes().applyTo(base, "UPDATE SCHEDULE", ScheduleCommand.Update.USAGE);
    assertThat(d.active()).isTrue();
    assertThat(d.startTime()).isEqualTo(LocalTime.of(7, 30));
    assertThat(d.recurrence()).isEqualTo(new Classic(2, PeriodUnit.DAYS, DaySelector.ANY));
    assertThat(d.command()).isEqualTo("q drm");
    ScheduleCommand.Update toEnhanced = (ScheduleCommand.Update) parser.parse("upd sch vault scheds=enh dayofw=fri");
    ScheduleDefinition e = toEnhanced.changes().applyTo(d, "UPDATE SCHEDULE", ScheduleCommand.Update.USAGE);
    assertThat(e.recurrence()).isEqualTo(new Enhanced(Set.of(), Set.of(), Set.of(), Set.of(DaySelector.FRIDAY)));
    ScheduleCommand.Update clear = (ScheduleCommand.Update) parser.parse("upd sch vault desc=\"\"");
    assertThat(clear.changes().applyTo(define("def sch v cmd=x desc=y"), "U", "u").description()).isEmpty();
  }

  @Test
  void queryDeleteAndQueryEventTakeNamesWithWildcards() throws Exception {
    assertThat(parser.parse("q sch")).isEqualTo(new ScheduleCommand.Query("*", false));
    assertThat(parser.parse("query schedule va* type=administrative format=detailed"))
        .isEqualTo(new ScheduleCommand.Query("VA*", true));
    assertThat(parser.parse("del sch vault t=a")).isEqualTo(new ScheduleCommand.Delete("VAULT"));
    ScheduleCommand.QueryEvent e = (ScheduleCommand.QueryEvent) parser.parse("q ev * type=a begind=today-1"
        + " endd=+1 exceptionsonly=yes");
    assertThat(e.begin()).isEqualTo(LocalDate.of(2026, 11, 21).atStartOfDay());
    assertThat(e.end()).isEqualTo(LocalDate.of(2026, 11, 23).atTime(23, 59, 59));
    assertThat(e.exceptionsOnly()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "define schedule x cmd=y | DEFINE SCHEDULE",
      "DEF SCH x | DEFINE SCHEDULE",
      "upd schedule x | UPDATE SCHEDULE",
      "delete sched x | DELETE SCHEDULE",
      "q sch | QUERY SCHEDULE",
      "query event * t=a | QUERY EVENT",
  })
  void commandNameRecognisesTheScheduleCommands(String line, String name) {
    assertThat(ScheduleParser.commandName(line)).contains(name);
  }

  @Test
  void commandNameIgnoresOtherCommands() {
    for (String line : List.of("q drmedia *", "define library lib1", "move drmedia *", "", "q", "de sch x",
        "query \"sch\"", "define \"unterminated")) {
      assertThat(ScheduleParser.commandName(line)).as(line).isEmpty();
    }
  }

  @Test
  void anyLineGivesACommandOrACommandExceptionAndNothingElse() {
    Random r = new Random(42);
    String[] words = {"define", "def", "update", "upd", "delete", "query", "q", "schedule", "sch", "event", "x",
        "*", "cmd=\"q drm\"", "cmd=", "active=yes", "t=a", "type=client", "scheds=e", "scheds=c", "per=0",
        "per=999", "peru=o", "peru=mo", "duru=ind", "duru=d", "dur=999", "dur=1", "month=feb", "dayofm=-31",
        "dayofm=31,-1", "dayofm=", "weekofm=last", "weekofm=first,second", "dayofw=weekday", "dayofw=sun,any",
        "startd=02/29/2027", "startd=02/29/2028", "startd=+9999", "startt=now-23:59", "startt=24:00",
        "exp=01/01/1970", "exp=never", "exp=12/31/9999", "pri=0", "maxrun=-1", "desc=", "'", "\"", "=", ",",
        "format=d", "begind=-9999", "endt=now", "exceptionsonly=n", "a=b=c"};
    for (int i = 0; i < 10_000; i++) {
      StringBuilder line = new StringBuilder();
      int n = r.nextInt(12);
      for (int j = 0; j < n; j++) {
        if (r.nextInt(20) == 0) {
          line.append((char) (r.nextInt(95) + 32));
        } else {
          line.append(words[r.nextInt(words.length)]).append(' ');
        }
      }
      try {
        ScheduleCommand c = parser.parse(line.toString());
        if (c instanceof ScheduleCommand.Define) {
          ScheduleDefinition d = ((ScheduleCommand.Define) c).definition();
          assertThat(ScheduleParser.parseDefinition(d.toCommand())).isEqualTo(d);
        }
      } catch (CommandException e) {
        assertThat(e.message().id().number()).isBetween(900, 949);
      }
    }
  }

  @Test
  void weekdaySelectorsMatchTheirDays() {
    assertThat(DaySelector.WEEKDAY.matches(DayOfWeek.FRIDAY)).isTrue();
    assertThat(DaySelector.WEEKDAY.matches(DayOfWeek.SATURDAY)).isFalse();
    assertThat(DaySelector.WEEKEND.matches(DayOfWeek.SUNDAY)).isTrue();
    assertThat(DaySelector.TUESDAY.matches(DayOfWeek.TUESDAY)).isTrue();
    assertThat(DaySelector.TUESDAY.matches(DayOfWeek.WEDNESDAY)).isFalse();
    assertThat(Optional.of(DaySelector.ANY).map(d -> d.matches(DayOfWeek.MONDAY))).contains(true);
  }
}
