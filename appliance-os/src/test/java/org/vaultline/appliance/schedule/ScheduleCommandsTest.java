package org.vaultline.appliance.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vaultline.library.control.CommandException;
import org.vaultline.library.control.CommandResult;

class ScheduleCommandsTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private final InMemoryScheduleRepository repo = new InMemoryScheduleRepository();
  private final ManualClock clock =
      new ManualClock(ZonedDateTime.of(2026, 11, 22, 17, 36, 31, 0, BERLIN).toInstant(), BERLIN);
  private final AtomicInteger changes = new AtomicInteger();
  private final ScheduleCommands commands = new ScheduleCommands(repo, clock, BERLIN, changes::incrementAndGet);

  @Test
  void defineStoresTheCanonicalTextWithItsOwnerAndSaysWhenItFirstRuns() throws Exception {
    CommandResult r = commands.execute("def sch daily_vault type=a cmd=\"move drmedia * wherestate=mountable"
        + " tostate=vault remove=bulk\" active=yes starttime=06:00", "ADMIN1");
    assertThat(r.command()).isEqualTo("DEFINE SCHEDULE");
    assertThat(r.text()).isEqualTo("VLN0920I Schedule DAILY_VAULT defined.\n"
        + "VLN0923I Schedule DAILY_VAULT is active; its next window starts 11/23/2026 06:00:00.\n");
    StoredSchedule s = repo.find("DAILY_VAULT").orElseThrow();
    assertThat(s.owner()).isEqualTo("ADMIN1");
    assertThat(s.lastRun()).isEmpty();
    assertThat(ScheduleParser.parseDefinition(s.definition()).command())
        .isEqualTo("move drmedia * wherestate=mountable tostate=vault remove=bulk");
    assertThat(changes).hasValue(1);
    CommandResult again = commands.execute("def sch daily_vault cmd=x", "ADMIN1");
    assertThat(again.hasErrors()).isTrue();
    assertThat(again.text()).isEqualTo("VLN0910E DEFINE SCHEDULE: schedule DAILY_VAULT is already defined; change"
        + " it with UPDATE SCHEDULE.\n");
    assertThat(changes).hasValue(1);
  }

  @Test
  void queryScheduleShowsTsmsStandardColumns() throws Exception {
    commands.execute("def sch daily_vault cmd=\"move drmedia *\" active=yes starttime=06:00", "ADMIN1");
    commands.execute("def sch monthly cmd=\"q drm\" scheds=e dayofmonth=-1 starttime=23:00 dur=30 duru=m", "ADMIN1");
    commands.execute("def sch every4 cmd=\"q drm\" per=4 peru=h dayofweek=weekday startdate=12/01/2026"
        + " starttime=00:00", "ADMIN1");
    CommandResult r = commands.execute("q sch * t=a", "ADMIN1");
    assertThat(r.text()).isEqualTo(""
        + "Schedule Name  Start Date/Time      Duration  Period  Day\n"
        + "-------------  -------------------  --------  ------  -------\n"
        + "DAILY_VAULT    11/22/2026 06:00:00  1 H       1 D     Any\n"
        + "EVERY4         12/01/2026 00:00:00  1 H       4 H     Weekday\n"
        + "MONTHLY        11/22/2026 23:00:00  30 M              (*)\n");
    assertThat(r.json()).contains("\"columns\":[\"Schedule Name\",\"Start Date/Time\",\"Duration\",\"Period\","
        + "\"Day\"]");
  }

  @Test
  void queryScheduleDetailedShowsEveryFieldAndTheNextStart() throws Exception {
    commands.execute("def sch vault cmd=\"move drmedia *\" desc=\"to the vault\" active=yes starttime=06:00"
        + " exp=12/31/2027", "ADMIN1");
    repo.recordRun("VAULT", ZonedDateTime.of(2026, 11, 22, 6, 0, 0, 0, BERLIN).toInstant(), "Completed");
    String text = commands.execute("query schedule vault type=administrative format=detailed", "ADMIN1").text();
    assertThat(text).contains("                 Schedule Name: VAULT\n")
        .contains("                   Description: to the vault\n")
        .contains("                       Command: move drmedia *\n")
        .contains("                      Priority: 5\n")
        .contains("               Start Date/Time: 11/22/2026 06:00:00\n")
        .contains("                      Duration: 1 Hour(s)\n")
        .contains("                Schedule Style: Classic\n")
        .contains("                        Period: 1 Day(s)\n")
        .contains("                   Day of Week: Any\n")
        .contains("                    Expiration: 12/31/2027\n")
        .contains("                        Active: Yes\n")
        .contains("Last Update by (administrator): ADMIN1\n")
        .contains("          Next Start Date/Time: 11/23/2026 06:00:00\n")
        .contains("            Last Run Date/Time: 11/22/2026 06:00:00\n")
        .contains("               Last Run Result: Completed\n");
  }

  @Test
  void updateChangesOnlyWhatItNamesKeepsTheLastRunAndTakesTheNewOwner() throws Exception {
    commands.execute("def sch vault cmd=\"move drmedia *\" starttime=06:00 per=2 peru=d", "ADMIN1");
    Instant ran = Instant.parse("2026-11-22T05:00:00Z");
    repo.recordRun("VAULT", ran, "Failed");
    CommandResult r = commands.execute("upd sch vault active=yes dur=30 duru=m", "ADMIN2");
    assertThat(r.text()).startsWith("VLN0921I Schedule VAULT updated.\n");
    StoredSchedule s = repo.find("VAULT").orElseThrow();
    assertThat(s.owner()).isEqualTo("ADMIN2");
    assertThat(s.lastRun()).contains(ran);
    assertThat(s.lastResult()).contains("Failed");
    ScheduleDefinition d = ScheduleParser.parseDefinition(s.definition());
    assertThat(d.active()).isTrue();
    assertThat(d.duration()).isEqualTo(30);
    assertThat(d.recurrence()).isEqualTo(new Recurrence.Classic(2, PeriodUnit.DAYS, DaySelector.ANY));
    assertThat(commands.execute("upd sch nosuch active=yes", "ADMIN1").text())
        .isEqualTo("VLN0911E UPDATE SCHEDULE: schedule NOSUCH is not defined.\n");
    assertThatThrownBy(() -> commands.execute("upd sch vault month=june", "ADMIN1"))
        .hasMessageStartingWith("VLN0907E UPDATE SCHEDULE: MONTH=, DAYOFMONTH= and WEEKOFMONTH= are for"
            + " SCHEDSTYLE=ENHANCED.");
  }

  @Test
  void deleteTakesWildcardsAndSaysWhenNothingMatches() throws Exception {
    commands.execute("def sch vault1 cmd=x", "ADMIN1");
    commands.execute("def sch vault2 cmd=x", "ADMIN1");
    commands.execute("def sch other cmd=x", "ADMIN1");
    CommandResult r = commands.execute("delete schedule vault* type=administrative", "ADMIN1");
    assertThat(r.text()).isEqualTo("VLN0922I Schedule VAULT1 deleted.\nVLN0922I Schedule VAULT2 deleted.\n");
    assertThat(repo.all()).extracting(StoredSchedule::name).containsExactly("OTHER");
    assertThat(commands.execute("del sch vault?", "ADMIN1").text())
        .isEqualTo("VLN0912E DELETE SCHEDULE: no schedule matches VAULT?.\n");
    CommandResult none = commands.execute("q sch nothing*", "ADMIN1");
    assertThat(none.hasErrors()).isTrue();
    assertThat(none.table()).isEmpty();
    assertThatThrownBy(() -> commands.execute("q sch nothing* format=wide", "ADMIN1"))
        .isInstanceOf(CommandException.class).hasMessageStartingWith("VLN0903E");
  }

  @Test
  void queryEventListsTodaysPastAndFutureWindowsWithTheirStatus() throws Exception {
    commands.execute("def sch six cmd=x active=yes startdate=11/01/2026 starttime=00:00 per=6 peru=h", "ADMIN1");
    repo.recordRun("SIX", ZonedDateTime.of(2026, 11, 22, 12, 5, 0, 0, BERLIN).toInstant(), "Completed");
    CommandResult r = commands.execute("q ev * type=administrative", "ADMIN1");
    assertThat(r.text()).isEqualTo(""
        + "Scheduled Start      Actual Start         Schedule Name  Status\n"
        + "-------------------  -------------------  -------------  ---------\n"
        + "11/22/2026 00:00:00                       SIX            Uncertain\n"
        + "11/22/2026 06:00:00                       SIX            Uncertain\n"
        + "11/22/2026 12:00:00  11/22/2026 12:05:00  SIX            Completed\n"
        + "11/22/2026 18:00:00                       SIX            Future\n");
    CommandResult exceptions = commands.execute("q ev six t=a exceptionsonly=yes", "ADMIN1");
    assertThat(exceptions.table().orElseThrow().rows()).isEmpty();
  }

  @Test
  void aRunOutcomeFromACommandResultFailsOnAnErrorMessage() {
    CommandResult ok = CommandResult.of("MOVE DRMEDIA", ScheduleMessages.DEFINED.format("X"));
    CommandResult bad = CommandResult.of("MOVE DRMEDIA", ScheduleMessages.DEFINED.format("X"),
        ScheduleMessages.NO_MATCH.format("MOVE DRMEDIA", "A*"));
    assertThat(Scheduler.RunOutcome.of(ok)).isEqualTo(Scheduler.RunOutcome.completed("VLN0920I Schedule X defined."));
    assertThat(Scheduler.RunOutcome.of(bad).succeeded()).isFalse();
    assertThat(Scheduler.RunOutcome.of(bad).summary()).isEqualTo("VLN0912E MOVE DRMEDIA: no schedule matches A*.");
  }

  @Test
  void theCommandNameAndClassRouteALine() {
    assertThat(ScheduleCommands.commandName("def sch x cmd=y")).contains("DEFINE SCHEDULE");
    assertThat(ScheduleCommands.commandName("q drmedia")).isEqualTo(Optional.empty());
    assertThat(ScheduleCommands.isQuery("QUERY SCHEDULE")).isTrue();
    assertThat(ScheduleCommands.isQuery("QUERY EVENT")).isTrue();
    assertThat(ScheduleCommands.isQuery("DELETE SCHEDULE")).isFalse();
  }
}
