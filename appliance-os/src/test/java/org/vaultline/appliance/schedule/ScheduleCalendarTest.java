package org.vaultline.appliance.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vaultline.appliance.schedule.ScheduleCalendar.Window;

class ScheduleCalendarTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static ScheduleDefinition def(String line) throws Exception {
    return ScheduleParser.parseDefinition(
        new ScheduleParser(new ManualClock(Instant.parse("2025-01-01T12:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC)
            .parse(line) instanceof ScheduleCommand.Define d ? d.definition().toCommand() : "");
  }

  private static List<Window> windows(ScheduleDefinition d, ZoneId zone, LocalDate until) {
    List<Window> out = new ArrayList<>();
    Iterator<Window> it = new ScheduleCalendar(d, zone).all();
    while (it.hasNext()) {
      Window w = it.next();
      if (w.start().toLocalDate().isAfter(until)) {
        break;
      }
      out.add(w);
    }
    return out;
  }

  @Test
  void aDailyScheduleStartsAtItsWallClockTimeEveryDayAcrossDstInBerlin() throws Exception {
    ScheduleDefinition d = def("def sch d cmd=x startdate=01/01/2025 starttime=02:30");
    List<Window> ws = windows(d, BERLIN, LocalDate.of(2028, 12, 31));
    assertThat(ws).hasSize((int) (LocalDate.of(2029, 1, 1).toEpochDay() - LocalDate.of(2025, 1, 1).toEpochDay()));
    LocalDate day = LocalDate.of(2025, 1, 1);
    for (Window w : ws) {
      LocalDate springForward = LocalDate.of(day.getYear(), 3, 31)
          .with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
      assertThat(w.start().toLocalDate()).isEqualTo(day);
      // 02:30 does not exist on the last Sunday of March: the window starts at 03:30 (moved by the gap).
      LocalTime expected = day.equals(springForward) ? LocalTime.of(3, 30) : LocalTime.of(2, 30);
      assertThat(w.start().toLocalTime()).as(day.toString()).isEqualTo(expected);
      assertThat(Duration.between(w.start(), w.end().orElseThrow())).isEqualTo(Duration.ofHours(1));
      day = day.plusDays(1);
    }
    // On the last Sunday of October 02:30 happens twice: the window is the first, still on summer time.
    Window fallBack = ws.stream().filter(w -> w.start().toLocalDate().equals(LocalDate.of(2026, 10, 25)))
        .findFirst().orElseThrow();
    assertThat(fallBack.start().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
  }

  @Test
  void aDailyScheduleInNewYorkMovesOnlyOnTheSpringForwardSunday() throws Exception {
    ScheduleDefinition d = def("def sch d cmd=x startdate=01/01/2025 starttime=02:15 dur=30 duru=m");
    for (Window w : windows(d, NEW_YORK, LocalDate.of(2027, 12, 31))) {
      LocalDate day = w.start().toLocalDate();
      LocalDate secondSundayOfMarch = LocalDate.of(day.getYear(), 3, 1)
          .with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.SUNDAY));
      assertThat(w.start().toLocalTime()).as(day.toString())
          .isEqualTo(day.equals(secondSundayOfMarch) ? LocalTime.of(3, 15) : LocalTime.of(2, 15));
      assertThat(Duration.between(w.start(), w.end().orElseThrow())).isEqualTo(Duration.ofMinutes(30));
    }
  }

  @Test
  void anHourlyScheduleHas23WindowsOnSpringForwardDaysAnd24OnAllOthers() throws Exception {
    ScheduleDefinition d = def("def sch h cmd=x startdate=01/01/2025 starttime=00:00 per=1 peru=hours dur=30"
        + " duru=minutes");
    for (ZoneId zone : List.of(BERLIN, NEW_YORK)) {
      List<Window> ws = windows(d, zone, LocalDate.of(2027, 12, 31));
      Instant previous = Instant.MIN;
      java.util.Map<LocalDate, Integer> perDay = new java.util.TreeMap<>();
      for (Window w : ws) {
        assertThat(w.startInstant()).isAfter(previous);
        previous = w.startInstant();
        perDay.merge(w.start().toLocalDate(), 1, Integer::sum);
      }
      for (var e : perDay.entrySet()) {
        boolean gap = zone.getRules().getTransition(e.getKey().atTime(2, 30)) != null
            && zone.getRules().getTransition(e.getKey().atTime(2, 30)).isGap();
        assertThat(e.getValue()).as(zone + " " + e.getKey()).isEqualTo(gap ? 23 : 24);
      }
      assertThat(perDay).hasSize(3 * 365);
    }
  }

  @Test
  void aWindowOfDaysIsCalendarDaysAcrossDst() throws Exception {
    ScheduleDefinition d = def("def sch w cmd=x startdate=03/20/2026 starttime=12:00 dur=2 duru=days per=1 peru=w");
    Window w = new ScheduleCalendar(d, BERLIN).currentOrNext(Instant.parse("2026-03-26T00:00:00Z")).orElseThrow();
    assertThat(w.start().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 3, 27, 12, 0));
    assertThat(w.end().orElseThrow().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 3, 29, 12, 0));
    assertThat(Duration.between(w.start(), w.end().get())).isEqualTo(Duration.ofHours(47));
  }

  @Test
  void aMonthlyScheduleFromThe31stRunsOnTheLastDayOfShorterMonths() throws Exception {
    ScheduleDefinition d = def("def sch m cmd=x startdate=01/31/2027 starttime=01:00 per=1 peru=months");
    List<LocalDate> days = windows(d, BERLIN, LocalDate.of(2027, 5, 31)).stream().map(w -> w.start().toLocalDate())
        .toList();
    assertThat(days).containsExactly(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31),
        LocalDate.of(2027, 4, 30), LocalDate.of(2027, 5, 31));
  }

  @Test
  void weekdayDailyRunsMondayToFridayAndWeeklyMovesToTheNamedDay() throws Exception {
    ScheduleDefinition daily = def("def sch d cmd=x startdate=01/01/2025 starttime=06:00 dayofweek=weekday");
    List<Window> ws = windows(daily, BERLIN, LocalDate.of(2025, 12, 31));
    assertThat(ws).hasSize(261);
    assertThat(ws).allMatch(w -> w.start().getDayOfWeek().getValue() <= 5);
    ScheduleDefinition weekly = def("def sch w cmd=x startdate=01/01/2025 starttime=06:00 per=1 peru=weeks"
        + " dayofweek=sunday");
    List<Window> sundays = windows(weekly, BERLIN, LocalDate.of(2025, 3, 1));
    assertThat(sundays.get(0).start().toLocalDate()).isEqualTo(LocalDate.of(2025, 1, 5));
    assertThat(sundays).allMatch(w -> w.start().getDayOfWeek() == DayOfWeek.SUNDAY).hasSize(8);
  }

  @Test
  void enhancedSchedulesPickFirstMondaysLastDaysAndLastWeekdays() throws Exception {
    ScheduleDefinition firstMonday = def("def sch a cmd=x startdate=01/01/2026 starttime=04:00 scheds=e"
        + " weekofmonth=first dayofweek=monday");
    assertThat(windows(firstMonday, BERLIN, LocalDate.of(2026, 4, 30)).stream().map(w -> w.start().toLocalDate()))
        .containsExactly(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 2), LocalDate.of(2026, 3, 2),
            LocalDate.of(2026, 4, 6));
    ScheduleDefinition lastDay = def("def sch b cmd=x startdate=01/01/2028 starttime=04:00 scheds=e dayofmonth=-1");
    assertThat(windows(lastDay, BERLIN, LocalDate.of(2028, 3, 31)).stream().map(w -> w.start().toLocalDate()))
        .containsExactly(LocalDate.of(2028, 1, 31), LocalDate.of(2028, 2, 29), LocalDate.of(2028, 3, 31));
    ScheduleDefinition lastWeekday = def("def sch c cmd=x startdate=01/01/2026 starttime=04:00 scheds=e"
        + " weekofmonth=last dayofweek=weekday month=may,jan");
    assertThat(windows(lastWeekday, BERLIN, LocalDate.of(2026, 12, 31)).stream().map(w -> w.start().toLocalDate()))
        .containsExactly(LocalDate.of(2026, 1, 30), LocalDate.of(2026, 5, 29));
    ScheduleDefinition leap = def("def sch d cmd=x startdate=01/01/2025 scheds=e month=feb dayofmonth=29");
    assertThat(windows(leap, BERLIN, LocalDate.of(2033, 1, 1)).stream().map(w -> w.start().toLocalDate()))
        .containsExactly(LocalDate.of(2028, 2, 29), LocalDate.of(2032, 2, 29));
  }

  @Test
  void expirationOneTimeAndIndefiniteEndTheSeries() throws Exception {
    ScheduleDefinition expiring = def("def sch e cmd=x startdate=01/01/2026 starttime=05:00 exp=01/10/2026");
    assertThat(windows(expiring, BERLIN, LocalDate.of(2027, 1, 1))).hasSize(10);
    ScheduleDefinition once = def("def sch o cmd=x startdate=03/04/2026 starttime=05:00 peru=onetime"
        + " duru=indefinite dayofweek=saturday");
    List<Window> ws = windows(once, BERLIN, LocalDate.of(2030, 1, 1));
    assertThat(ws).hasSize(1);
    assertThat(ws.get(0).start().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 7));
    assertThat(ws.get(0).end()).isEmpty();
    assertThat(ws.get(0).isOpenAt(Instant.parse("2029-01-01T00:00:00Z"))).isTrue();
  }

  /**
   * The fast path (jumping near {@code t}) must give what walking every window from the first gives, for all
   * styles, both zones and instants all over four years.
   */
  @Test
  void theWindowAtAnyInstantIsTheOneAFullWalkFinds() throws Exception {
    List<String> lines = List.of(
        "def sch a cmd=x startdate=01/01/2025 starttime=02:30",
        "def sch b cmd=x startdate=01/01/2025 starttime=02:00 per=3 peru=hours dur=2 duru=hours",
        "def sch c cmd=x startdate=01/31/2025 starttime=23:30 per=1 peru=months dur=3 duru=days",
        "def sch d cmd=x startdate=02/29/2028 starttime=01:59 per=1 peru=years dayofweek=weekend",
        "def sch e cmd=x startdate=01/01/2025 starttime=02:30 per=2 peru=weeks dayofweek=wednesday dur=5 duru=days",
        "def sch f cmd=x startdate=01/01/2025 starttime=06:00 per=1 peru=days dayofweek=weekday dur=20 duru=hours",
        "def sch g cmd=x startdate=01/01/2025 starttime=02:30 scheds=e weekofmonth=last dayofweek=sunday",
        "def sch h cmd=x startdate=01/01/2025 starttime=03:00 scheds=e dayofmonth=1,15,-1 dur=2 duru=days",
        "def sch i cmd=x startdate=06/01/2025 starttime=00:30 scheds=e month=mar,oct,nov dayofweek=sat,sun",
        "def sch j cmd=x startdate=01/01/2025 starttime=12:00 scheds=e weekofmonth=first dayofweek=weekday"
            + " exp=06/30/2027",
        "def sch k cmd=x startdate=01/01/2025 starttime=02:45 per=5 peru=hours dur=4 duru=hours dayofweek=sunday");
    Random r = new Random(8);
    Instant from = Instant.parse("2024-12-01T00:00:00Z");
    long span = Duration.ofDays(4 * 365).getSeconds();
    for (String line : lines) {
      ScheduleDefinition d = def(line);
      for (ZoneId zone : List.of(BERLIN, NEW_YORK)) {
        List<Window> all = windows(d, zone, LocalDate.of(2029, 12, 31));
        ScheduleCalendar cal = new ScheduleCalendar(d, zone);
        for (int i = 0; i < 400; i++) {
          Instant t = from.plusSeconds((long) (r.nextDouble() * span));
          Optional<Window> expected = all.stream().filter(w -> w.endsAfter(t)).findFirst();
          Optional<Window> got = cal.currentOrNext(t);
          if (expected.isEmpty()) {
            assertThat(got.isEmpty() || got.get().start().getYear() >= 2030).as(line + " at " + t).isTrue();
          } else {
            assertThat(got).as(line + " " + zone + " at " + t).contains(expected.get());
          }
          Optional<Window> nextStart = all.stream().filter(w -> !w.startInstant().isBefore(t)).findFirst();
          if (nextStart.isPresent()) {
            assertThat(cal.nextStart(t)).as(line + " next start at " + t).contains(nextStart.get());
          }
        }
      }
    }
  }

  @Test
  void windowsStartingBetweenTwoInstantsAreInOrderAndInside() throws Exception {
    ScheduleDefinition d = def("def sch h cmd=x startdate=01/01/2025 starttime=00:10 per=6 peru=hours");
    Instant a = ZonedDateTime.of(2026, 3, 28, 0, 0, 0, 0, BERLIN).toInstant();
    Instant b = ZonedDateTime.of(2026, 3, 30, 0, 0, 0, 0, BERLIN).toInstant();
    List<Window> ws = new ScheduleCalendar(d, BERLIN).startingBetween(a, b, 100);
    assertThat(ws).hasSize(8);
    assertThat(ws.stream().map(w -> w.start().toLocalTime().toString()))
        .containsExactly("00:10", "06:10", "12:10", "18:10", "00:10", "06:10", "12:10", "18:10");
  }
}
