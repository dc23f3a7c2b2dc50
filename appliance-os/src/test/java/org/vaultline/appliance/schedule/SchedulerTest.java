package org.vaultline.appliance.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vaultline.appliance.schedule.InMemoryScheduleRepository.Run;
import org.vaultline.appliance.schedule.Scheduler.RunOutcome;
import org.vaultline.library.store.Message;

class SchedulerTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private final InMemoryScheduleRepository repo = new InMemoryScheduleRepository();
  private final ManualClock clock = new ManualClock(at(2026, 11, 23, 1, 0), BERLIN);
  private final List<String> ran = new CopyOnWriteArrayList<>();
  private final List<Message> log = new CopyOnWriteArrayList<>();
  private final List<Runnable> held = new ArrayList<>();
  private RunOutcome outcome = RunOutcome.completed("ANR0987I done");

  private static Instant at(int y, int mo, int d, int h, int mi) {
    return ZonedDateTime.of(y, mo, d, h, mi, 0, 0, BERLIN).toInstant();
  }

  private Scheduler scheduler() {
    return new Scheduler(repo, (owner, command) -> {
      ran.add(owner + ":" + command + "@" + clock.instant());
      return outcome;
    }, clock, BERLIN, Scheduler.Sleeper.system(), Runnable::run, log::add);
  }

  private void define(String line, Optional<Instant> lastRun) throws Exception {
    ScheduleDefinition d = ((ScheduleCommand.Define) new ScheduleParser(clock, BERLIN).parse(line)).definition();
    repo.save(new StoredSchedule(d.name(), d.toCommand(), "ADMIN1", lastRun, lastRun.map(x -> "Completed")));
  }

  private List<String> results() {
    return repo.runs().stream().map(r -> r.name() + " " + r.result() + " " + r.started().atZone(BERLIN)
        .toLocalDateTime()).toList();
  }

  @Test
  void aCommandRunsWhenItsWindowOpensAsItsOwnerAndIsRecordedCompleted() throws Exception {
    define("def sch vault cmd=\"move drmedia * wherestate=mountable tostate=vault\" active=yes starttime=02:00",
        Optional.empty());
    Scheduler s = scheduler();
    assertThat(s.runDue()).isEqualTo(clock.instant().plus(Scheduler.MAX_SLEEP));
    assertThat(ran).isEmpty();
    clock.set(at(2026, 11, 23, 1, 58));
    assertThat(s.runDue()).isEqualTo(at(2026, 11, 23, 2, 0));
    clock.set(at(2026, 11, 23, 2, 0));
    s.runDue();
    assertThat(ran).containsExactly("ADMIN1:move drmedia * wherestate=mountable tostate=vault@"
        + at(2026, 11, 23, 2, 0));
    assertThat(results()).containsExactly("VAULT Completed 2026-11-23T02:00");
    assertThat(repo.find("VAULT").orElseThrow().lastResult()).contains("Completed");
    clock.set(at(2026, 11, 23, 2, 30));
    s.runDue();
    assertThat(ran).hasSize(1);
    assertThat(log.stream().map(m -> m.id().toString())).containsExactly("VLN0930I", "VLN0931I");
  }

  @Test
  void aFailedOrThrowingCommandIsRecordedFailed() throws Exception {
    define("def sch a cmd=\"q drm\" active=yes starttime=02:00", Optional.empty());
    outcome = RunOutcome.failed("VLN0402E no such volume");
    clock.set(at(2026, 11, 23, 2, 0));
    Scheduler s = new Scheduler(repo, (o, c) -> outcome, clock, BERLIN, Scheduler.Sleeper.system(), Runnable::run,
        log::add);
    s.runDue();
    clock.set(at(2026, 11, 24, 2, 0));
    Scheduler throwing = new Scheduler(repo, (o, c) -> {
      throw new IllegalStateException("store closed");
    }, clock, BERLIN, Scheduler.Sleeper.system(), Runnable::run, log::add);
    throwing.runDue();
    assertThat(results()).containsExactly("A Failed 2026-11-23T02:00", "A Failed 2026-11-24T02:00");
    assertThat(log.stream().filter(m -> m.id().number() == 932).map(Message::text))
        .containsExactly("Schedule A failed: VLN0402E no such volume",
            "Schedule A failed: java.lang.IllegalStateException: store closed");
  }

  @Test
  void anInactiveScheduleDoesNotRun() throws Exception {
    define("def sch a cmd=\"q drm\" starttime=02:00", Optional.empty());
    clock.set(at(2026, 11, 23, 2, 0));
    scheduler().runDue();
    assertThat(ran).isEmpty();
    assertThat(repo.runs()).isEmpty();
  }

  @Test
  void aServerStartedInsideTheWindowRunsTheCommandLate() throws Exception {
    define("def sch a cmd=\"q drm\" active=yes startdate=11/20/2026 starttime=02:00", Optional.empty());
    clock.set(at(2026, 11, 23, 2, 40));
    scheduler().runDue();
    assertThat(results()).containsExactly("A Completed 2026-11-23T02:40");
  }

  @Test
  void windowsThatPassedWhileTheServerWasDownAreMissedAndTheOpenOneRuns() throws Exception {
    define("def sch h cmd=\"q drm\" active=yes startdate=11/20/2026 starttime=00:00 per=4 peru=hours dur=1"
        + " duru=hours", Optional.of(at(2026, 11, 22, 12, 0)));
    clock.set(at(2026, 11, 23, 0, 30));
    scheduler().runDue();
    assertThat(results()).containsExactly("H Missed 2026-11-22T16:00", "H Missed 2026-11-22T20:00",
        "H Completed 2026-11-23T00:30");
    assertThat(log.stream().filter(m -> m.id().number() == 933).findFirst().orElseThrow().text())
        .isEqualTo("Schedule H missed its startup window 11/22/2026 16:00:00 to 11/22/2026 17:00:00: the server"
            + " was not running, or the schedule's previous run was still going.");
  }

  @Test
  void aScheduleThatNeverRanIsNotChargedWithWindowsBeforeTheServerStarted() throws Exception {
    define("def sch a cmd=\"q drm\" active=yes startdate=11/01/2026 starttime=00:00", Optional.empty());
    clock.set(at(2026, 11, 23, 5, 0));
    Instant next = scheduler().runDue();
    assertThat(repo.runs()).isEmpty();
    assertThat(next).isEqualTo(clock.instant().plus(Scheduler.MAX_SLEEP));
  }

  @Test
  void manyMissedWindowsAreRecordedUpToALimitAndCountedInOneMessage() throws Exception {
    define("def sch h cmd=\"q drm\" active=yes startdate=11/01/2026 starttime=00:00 per=1 peru=hours dur=30"
        + " duru=minutes", Optional.of(at(2026, 11, 20, 0, 0)));
    clock.set(at(2026, 11, 23, 0, 45));
    scheduler().runDue();
    assertThat(repo.runs()).hasSize(Scheduler.MAX_MISSED_RECORDED);
    assertThat(repo.runs()).allMatch(r -> r.result().equals("Missed"));
    assertThat(repo.runs().get(repo.runs().size() - 1).started()).isEqualTo(at(2026, 11, 23, 0, 0));
    assertThat(log.stream().filter(m -> m.id().number() == 934).findFirst().orElseThrow().text())
        .startsWith("Schedule H missed " + (72 - Scheduler.MAX_MISSED_RECORDED) + " more startup windows");
  }

  @Test
  void aWindowThatClosesWhileThePreviousRunIsStillGoingIsMissed() throws Exception {
    define("def sch h cmd=\"q drm\" active=yes startdate=11/23/2026 starttime=02:00 per=1 peru=hours dur=30"
        + " duru=minutes", Optional.empty());
    Scheduler s = new Scheduler(repo, (o, c) -> RunOutcome.completed("ok"), clock, BERLIN,
        Scheduler.Sleeper.system(), held::add, log::add);
    clock.set(at(2026, 11, 23, 2, 0));
    s.runDue();
    assertThat(held).hasSize(1);
    assertThat(s.running()).containsExactly("H");
    clock.set(at(2026, 11, 23, 3, 10));
    s.runDue();
    assertThat(held).hasSize(1);
    clock.set(at(2026, 11, 23, 3, 40));
    held.get(0).run();
    s.runDue();
    assertThat(results()).containsExactly("H Completed 2026-11-23T02:00", "H Missed 2026-11-23T03:00");
  }

  @Test
  void aChangedScheduleTakesEffectAtOnceAndIsNotChargedForEarlierWindows() throws Exception {
    define("def sch a cmd=\"q drm\" active=no startdate=11/01/2026 starttime=02:00", Optional.empty());
    Scheduler s = scheduler();
    clock.set(at(2026, 11, 23, 1, 0));
    s.runDue();
    ScheduleCommands commands = new ScheduleCommands(repo, clock, BERLIN, s::wake);
    commands.execute("update schedule a active=yes starttime=01:30", "ADMIN2");
    clock.set(at(2026, 11, 23, 1, 28));
    assertThat(s.runDue()).isEqualTo(at(2026, 11, 23, 1, 30));
    clock.set(at(2026, 11, 23, 1, 30));
    s.runDue();
    assertThat(ran).containsExactly("ADMIN2:q drm@" + at(2026, 11, 23, 1, 30));
    assertThat(results()).containsExactly("A Completed 2026-11-23T01:30");
  }

  @Test
  void aDailyScheduleRunsOnceADayThroughBothDstChangesInNewYork() throws Exception {
    ZoneId ny = ZoneId.of("America/New_York");
    ManualClock c = new ManualClock(ZonedDateTime.of(2027, 3, 1, 0, 0, 0, 0, ny).toInstant(), ny);
    ScheduleDefinition d = ((ScheduleCommand.Define) new ScheduleParser(c, ny)
        .parse("def sch d cmd=\"q drm\" active=yes starttime=01:30 dur=15 duru=m")).definition();
    repo.save(new StoredSchedule(d.name(), d.toCommand(), "ADMIN1", Optional.empty(), Optional.empty()));
    Scheduler s = new Scheduler(repo, (o, x) -> RunOutcome.completed("ok"), c, ny, Scheduler.Sleeper.system(),
        Runnable::run, log::add);
    Instant end = ZonedDateTime.of(2027, 12, 31, 0, 0, 0, 0, ny).toInstant();
    while (c.instant().isBefore(end)) {
      Instant next = s.runDue();
      c.set(next);
    }
    List<Run> runs = repo.runs();
    assertThat(runs).extracting(Run::result).containsOnly("Completed");
    assertThat(runs).hasSize(305);
    LocalDate day = LocalDate.of(2027, 3, 1);
    for (Run r : runs) {
      ZonedDateTime t = r.started().atZone(ny);
      assertThat(t.toLocalDate()).isEqualTo(day);
      // 01:30 exists on both change days in New York (the jump is at 02:00); on November 7 it is the first 01:30.
      assertThat(t.toLocalTime()).isEqualTo(LocalTime.of(1, 30));
      day = day.plusDays(1);
    }
    assertThat(runs.stream().filter(r -> r.started().atZone(ny).toLocalDate().equals(LocalDate.of(2027,
        11, 7))).findFirst().orElseThrow().started().atZone(ny).getOffset()).isEqualTo(ZoneOffset.ofHours(-4));
  }

  @Test
  void aDailyScheduleInTheSpringForwardGapRunsAnHourLaterThatDayInBerlin() throws Exception {
    ManualClock c = new ManualClock(at(2027, 3, 27, 0, 0), BERLIN);
    ScheduleDefinition d = ((ScheduleCommand.Define) new ScheduleParser(c, BERLIN)
        .parse("def sch d cmd=\"q drm\" active=yes starttime=02:30 dur=15 duru=m")).definition();
    repo.save(new StoredSchedule(d.name(), d.toCommand(), "ADMIN1", Optional.empty(), Optional.empty()));
    Scheduler s = new Scheduler(repo, (o, x) -> RunOutcome.completed("ok"), c, BERLIN, Scheduler.Sleeper.system(),
        Runnable::run, log::add);
    while (c.instant().isBefore(at(2027, 3, 30, 0, 0))) {
      c.set(s.runDue());
    }
    assertThat(results()).containsExactly("D Completed 2027-03-27T02:30", "D Completed 2027-03-28T03:30",
        "D Completed 2027-03-29T02:30");
  }

  @Test
  void schedulesDueTogetherStartByPriority() throws Exception {
    define("def sch low cmd=\"q low\" active=yes starttime=02:00 pri=9", Optional.empty());
    define("def sch high cmd=\"q high\" active=yes starttime=02:00 pri=1", Optional.empty());
    define("def sch mid cmd=\"q mid\" active=yes starttime=02:00", Optional.empty());
    clock.set(at(2026, 11, 23, 2, 0));
    scheduler().runDue();
    assertThat(ran.stream().map(r -> r.substring(0, r.indexOf('@')))).containsExactly("ADMIN1:q high",
        "ADMIN1:q mid", "ADMIN1:q low");
  }

  @Test
  void aDefinitionThatCannotBeReadIsReportedOnceAndSkipped() throws Exception {
    repo.save(new StoredSchedule("BROKEN", "DEFINE SCHEDULE BROKEN CMD=", "ADMIN1", Optional.empty(),
        Optional.empty()));
    Scheduler s = scheduler();
    s.runDue();
    s.runDue();
    assertThat(log.stream().filter(m -> m.id().number() == 935)).hasSize(1);
  }

  /** A sleeper that moves the manual clock instead of waiting, up to a limit, then waits to be woken. */
  private static final class VirtualSleeper implements Scheduler.Sleeper {
    private final ManualClock clock;
    private volatile Instant limit;
    private boolean woken;
    final List<Duration> slept = new CopyOnWriteArrayList<>();

    VirtualSleeper(ManualClock clock, Instant limit) {
      this.clock = clock;
      this.limit = limit;
    }

    @Override
    public synchronized void sleep(Duration d) throws InterruptedException {
      slept.add(d);
      if (woken) {
        woken = false;
        return;
      }
      Instant target = clock.instant().plus(d);
      if (!target.isAfter(limit)) {
        clock.set(target);
        return;
      }
      clock.set(limit);
      // At the limit: wait (really, but only until the test wakes us) so the test can look.
      while (!woken) {
        wait(10_000);
      }
      woken = false;
    }

    @Override
    public synchronized void wake() {
      woken = true;
      notifyAll();
    }
  }

  @Test
  void theSchedulerThreadRunsAnHourlyScheduleThroughADayOfVirtualTimeAndStopsCleanly() throws Exception {
    define("def sch h cmd=\"q drm\" active=yes startdate=11/23/2026 starttime=01:30 per=1 peru=hours dur=10"
        + " duru=minutes", Optional.empty());
    VirtualSleeper sleeper = new VirtualSleeper(clock, at(2026, 11, 24, 1, 0));
    Scheduler s = new Scheduler(repo, (o, c) -> RunOutcome.completed("ok"), clock, BERLIN, sleeper, Runnable::run,
        log::add);
    s.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (repo.runs().size() < 24 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(repo.runs()).hasSize(24);
    assertThat(repo.runs()).extracting(Run::result).containsOnly("Completed");
    assertThat(repo.runs().get(0).started()).isEqualTo(at(2026, 11, 23, 1, 30));
    assertThat(repo.runs().get(23).started()).isEqualTo(at(2026, 11, 24, 0, 30));
    assertThat(sleeper.slept).allMatch(d -> d.compareTo(Scheduler.MAX_SLEEP) <= 0);
    assertThat(s.stop(Duration.ofSeconds(10))).isTrue();
    assertThat(log.get(0).id().number()).isEqualTo(937);
    assertThat(log.get(log.size() - 1).id().number()).isEqualTo(938);
  }

  @Test
  void wakeMakesTheThreadPickUpANewScheduleAtOnce() throws Exception {
    VirtualSleeper sleeper = new VirtualSleeper(clock, clock.instant());
    Scheduler s = new Scheduler(repo, (o, c) -> RunOutcome.completed("ok"), clock, BERLIN, sleeper, Runnable::run,
        log::add);
    s.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (sleeper.slept.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    // The thread waits at the limit; a schedule whose window is open now is defined, and the scheduler woken.
    new ScheduleCommands(repo, clock, BERLIN, s::wake).execute("def sch now cmd=\"q drm\" active=yes"
        + " starttime=00:30", "ADMIN1");
    while (repo.runs().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(results()).containsExactly("NOW Completed 2026-11-23T01:00");
    assertThat(s.stop(Duration.ofSeconds(10))).isTrue();
  }

  @Test
  void stopWaitsForARunningCommandAndSaysWhenItDidNotEnd() throws Exception {
    define("def sch a cmd=\"q drm\" active=yes starttime=01:00", Optional.empty());
    Scheduler s = new Scheduler(repo, (o, c) -> RunOutcome.completed("ok"), clock, BERLIN,
        Scheduler.Sleeper.system(), held::add, log::add);
    s.runDue();
    assertThat(s.running()).containsExactly("A");
    assertThat(s.stop(Duration.ofMillis(50))).isFalse();
    assertThat(log.get(log.size() - 1).id().number()).isEqualTo(939);
    held.get(0).run();
    assertThat(s.stop(Duration.ofMillis(50))).isTrue();
  }
}
