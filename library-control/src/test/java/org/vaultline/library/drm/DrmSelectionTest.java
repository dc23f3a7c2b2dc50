package org.vaultline.library.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vaultline.library.drm.DrmFixtures.NOW;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vaultline.library.command.TsmDate;
import org.vaultline.library.command.TsmTime;

class DrmSelectionTest {
  private static final DrmSettings S = DrmSettings.defaults();

  private static DrmSelection select(Optional<DrmState> where) {
    return new DrmSelection("QUERY DRMEDIA", NamePattern.ALL, where, Source.DBBACKUP, Optional.empty(),
        Optional.empty(), Optional.empty(), DateTimeWindow.ALWAYS);
  }

  // ---- name patterns ----

  @Test
  void starMatchesAnyRunAndQuestionMarkExactlyOneCharacterIgnoringCase() {
    assertThat(new NamePattern("*").matches("A00017L6")).isTrue();
    assertThat(new NamePattern("A0001*").matches("A00017L6")).isTrue();
    assertThat(new NamePattern("a0001*").matches("A00017L6")).isTrue();
    assertThat(new NamePattern("A0001*").matches("a00017l6")).isTrue();
    assertThat(new NamePattern("A0001*").matches("B00017L6")).isFalse();
    assertThat(new NamePattern("?00017L6").matches("A00017L6")).isTrue();
    assertThat(new NamePattern("?00017L6").matches("AA00017L6")).isFalse();
    assertThat(new NamePattern("?00017L6").matches("00017L6")).isFalse();
    assertThat(new NamePattern("*L6").matches("A00017L6")).isTrue();
    assertThat(new NamePattern("*L6").matches("A00017L7")).isFalse();
    assertThat(new NamePattern("A*1*L?").matches("A00017L6")).isTrue();
    assertThat(new NamePattern("A*1*L?").matches("A00017L")).isFalse();
    assertThat(new NamePattern("A00017L6").matches("A00017L6")).isTrue();
    assertThat(new NamePattern("A00017L6").matches("A00017L60")).isFalse();
    assertThat(new NamePattern("**").matches("")).isTrue();
    assertThat(new NamePattern("/tsm/file/*.BFS").matches("/TSM/FILE/00000A1B.BFS")).isTrue();
    assertThat(new NamePattern("Ä*").matches("ä1")).as("only ASCII case is folded, as TSM").isFalse();
  }

  @Test
  void patternsWithManyStarsStayFastOnLongNames() {
    String name = "A".repeat(5000);
    assertThat(new NamePattern("*A*A*A*A*A*A*A*A*B").matches(name)).isFalse();
    assertThat(new NamePattern("*A*A*A*A*A*A*A*A*A").matches(name)).isTrue();
  }

  @Test
  void anEmptyPatternIsRejectedAndWildcardIsKnown() {
    assertThatThrownBy(() -> new NamePattern("")).isInstanceOf(IllegalArgumentException.class);
    assertThat(new NamePattern("A?").wildcard()).isTrue();
    assertThat(new NamePattern("A*").wildcard()).isTrue();
    assertThat(new NamePattern("A00017L6").wildcard()).isFalse();
  }

  @Test
  void aVolumeNotMatchingThePatternIsRefusedWithVln0438() {
    DrmVolume v = DrmFixtures.volume("B00001L6", DrmFixtures.copy("COPY"), DrmState.MOUNTABLE);
    assertThat(MoveDrMedia.of("A*").apply(v, S, NOW)).isEqualTo(new MoveOutcome.Refused(
        DrmMessageId.NAME_MISMATCH.with("MOVE DRMEDIA: volume B00001L6 does not match A*.")));
  }

  // ---- dates and times ----

  @Test
  void tsmDatesParseInEveryForm() {
    assertThat(TsmDate.parse("03/14/2024")).contains(new TsmDate.Absolute(LocalDate.of(2024, 3, 14)));
    assertThat(TsmDate.parse("3/4/2024")).contains(new TsmDate.Absolute(LocalDate.of(2024, 3, 4)));
    assertThat(TsmDate.parse("02/29/2024")).contains(new TsmDate.Absolute(LocalDate.of(2024, 2, 29)));
    assertThat(TsmDate.parse("TODAY")).contains(new TsmDate.Today(0));
    assertThat(TsmDate.parse("today-7")).contains(new TsmDate.Today(-7));
    assertThat(TsmDate.parse("Today+1")).contains(new TsmDate.Today(1));
    assertThat(TsmDate.parse("-7")).contains(new TsmDate.Today(-7));
    assertThat(TsmDate.parse("+3")).contains(new TsmDate.Today(3));
    for (String bad : List.of("02/30/2024", "13/01/2024", "2024-03-14", "TOD", "TODAY-", "TODAY-12345", "", "-",
        "03/14/24", "YESTERDAY")) {
      assertThat(TsmDate.parse(bad)).as(bad).isEmpty();
    }
    assertThat(TsmDate.parse("today-7").orElseThrow().resolve(LocalDate.of(2024, 3, 1)))
        .isEqualTo(LocalDate.of(2024, 2, 23));
    assertThat(new TsmDate.Today(-7)).hasToString("TODAY-7");
    assertThat(new TsmDate.Absolute(LocalDate.of(2024, 3, 4))).hasToString("03/04/2024");
  }

  @Test
  void tsmTimesParseInEveryForm() {
    assertThat(TsmTime.parse("07:00:00")).contains(new TsmTime.Absolute(LocalTime.of(7, 0)));
    assertThat(TsmTime.parse("7:05")).contains(new TsmTime.Absolute(LocalTime.of(7, 5)));
    assertThat(TsmTime.parse("23:59:59")).contains(new TsmTime.Absolute(LocalTime.of(23, 59, 59)));
    assertThat(TsmTime.parse("NOW")).contains(new TsmTime.Now(Duration.ZERO));
    assertThat(TsmTime.parse("now-02:00")).contains(new TsmTime.Now(Duration.ofHours(-2)));
    assertThat(TsmTime.parse("NOW+01:30")).contains(new TsmTime.Now(Duration.ofMinutes(90)));
    assertThat(TsmTime.parse("-00:15")).contains(new TsmTime.Now(Duration.ofMinutes(-15)));
    for (String bad : List.of("24:00", "07:60", "07:00:60", "NOW-1", "NOW-", "7", "", "NOON", "07-00")) {
      assertThat(TsmTime.parse(bad)).as(bad).isEmpty();
    }
    assertThat(new TsmTime.Now(Duration.ofMinutes(-90))).hasToString("NOW-01:30");
    assertThat(new TsmTime.Absolute(LocalTime.of(7, 5))).hasToString("07:05:00");
  }

  private static DateTimeWindow window(String bd, String ed, String bt, String et) {
    return new DateTimeWindow(Optional.ofNullable(bd).flatMap(TsmDate::parse),
        Optional.ofNullable(ed).flatMap(TsmDate::parse), Optional.ofNullable(bt).flatMap(TsmTime::parse),
        Optional.ofNullable(et).flatMap(TsmTime::parse));
  }

  @Test
  void aBeginDateStartsAtMidnightAndAnEndDateEndsAtOneSecondBeforeMidnight() {
    DateTimeWindow begin = window("TODAY-1", null, null, null);
    assertThat(begin.contains(DrmFixtures.at(2024, 3, 13, 0, 0, 0), NOW)).isTrue();
    assertThat(begin.contains(DrmFixtures.at(2024, 3, 12, 23, 59, 59), NOW)).isFalse();
    assertThat(begin.contains(DrmFixtures.at(2030, 1, 1, 0, 0, 0), NOW)).isTrue();
    DateTimeWindow end = window(null, "TODAY-1", null, null);
    assertThat(end.contains(DrmFixtures.at(2024, 3, 13, 23, 59, 59), NOW)).isTrue();
    assertThat(end.contains(DrmFixtures.at(2024, 3, 14, 0, 0, 0), NOW)).isFalse();
    assertThat(end.contains(DrmFixtures.at(1990, 1, 1, 0, 0, 0), NOW)).isTrue();
  }

  @Test
  void datesAndTimesCombineAndBothEndsAreIncluded() {
    DateTimeWindow w = window("03/13/2024", "03/13/2024", "22:00", "22:30:00");
    assertThat(w.contains(DrmFixtures.at(2024, 3, 13, 21, 59, 59), NOW)).isFalse();
    assertThat(w.contains(DrmFixtures.at(2024, 3, 13, 22, 0, 0), NOW)).isTrue();
    assertThat(w.contains(DrmFixtures.at(2024, 3, 13, 22, 30, 0), NOW)).isTrue();
    assertThat(w.contains(DrmFixtures.at(2024, 3, 13, 22, 30, 1), NOW)).isFalse();
    assertThat(w.contains(DrmFixtures.at(2024, 3, 13, 22, 30, 0).plusMillis(900), NOW))
        .as("compared to the second").isTrue();
  }

  @Test
  void aTimeWithoutADateIsTodayAndNowRelativeTimesAreMomentsThatMayBeYesterday() {
    DateTimeWindow endAtSix = window(null, null, null, "06:00");
    assertThat(endAtSix.contains(DrmFixtures.at(2024, 3, 14, 6, 0, 0), NOW)).isTrue();
    assertThat(endAtSix.contains(DrmFixtures.at(2024, 3, 14, 6, 0, 1), NOW)).isFalse();
    DateTimeWindow lastEightHours = window(null, null, "NOW-08:00", null);
    assertThat(lastEightHours.begin(NOW)).contains(LocalDateTime.of(2024, 3, 13, 23, 0));
    assertThat(lastEightHours.contains(DrmFixtures.at(2024, 3, 13, 23, 0, 0), NOW)).isTrue();
    assertThat(lastEightHours.contains(DrmFixtures.at(2024, 3, 13, 22, 59, 59), NOW)).isFalse();
    DateTimeWindow nowWithDate = window("TODAY-1", null, "NOW-01:00", null);
    assertThat(nowWithDate.begin(NOW)).contains(LocalDateTime.of(2024, 3, 13, 6, 0));
  }

  @Test
  void relativeWindowsAreResolvedWhenTheCommandRuns() {
    DrmVolume v = DrmFixtures.volume("A1", DrmFixtures.copy("C"), DrmState.MOUNTABLE)
        .withLastUpdate(DrmFixtures.at(2024, 3, 10, 12, 0, 0));
    MoveDrMedia m = MoveDrMedia.of("*").withWindow(window("TODAY-7", null, null, null));
    assertThat(m.apply(v, S, NOW)).isInstanceOf(MoveOutcome.Moved.class);
    ZonedDateTime aWeekLater = NOW.plusDays(7);
    assertThat(m.apply(v, S, aWeekLater)).isEqualTo(new MoveOutcome.Refused(DrmMessageId.OUTSIDE_WINDOW.with(
        "MOVE DRMEDIA: volume A1 was last updated 03/10/2024 12:00:00, outside 03/14/2024 00:00:00 .. now.")));
  }

  @Test
  void aWindowWithFixedBoundsTheWrongWayRoundIsAlwaysEmptyAndRelativeOnesAreNotJudgedEarly() {
    assertThat(window("03/14/2024", "03/13/2024", null, null).emptyAlways()).isTrue();
    assertThat(window("03/13/2024", "03/13/2024", "10:00", "09:00").emptyAlways()).isTrue();
    assertThat(window("03/13/2024", "03/13/2024", "09:00", "09:00").emptyAlways()).isFalse();
    assertThat(window("TODAY", "03/13/2024", null, null).emptyAlways()).isFalse();
    assertThat(window("03/13/2024", "03/13/2024", "NOW", "09:00").emptyAlways()).isFalse();
    assertThat(window(null, "03/13/2024", null, null).emptyAlways()).isFalse();
  }

  // ---- pools, source, location, FILE ----

  @Test
  void copyPoolsComeFromTheRequestElseTheSettingsElseEveryPool() {
    DrmVolume offsite = DrmFixtures.volume("C1", DrmFixtures.copy("OFFSITE_COPY"), DrmState.MOUNTABLE);
    DrmVolume local = DrmFixtures.volume("C2", DrmFixtures.copy("LOCAL_COPY"), DrmState.MOUNTABLE);
    DrmSelection all = select(Optional.empty());
    assertThat(all.selects(offsite, S, NOW)).isTrue();
    assertThat(all.selects(local, S, NOW)).isTrue();
    DrmSettings configured = S.withCopyPools(List.of("OFF*"));
    assertThat(all.selects(offsite, configured, NOW)).isTrue();
    assertThat(all.refusal(local, configured, NOW)).contains(DrmMessageId.COPY_POOL_NOT_SELECTED.with(
        "QUERY DRMEDIA: volume C2 belongs to copy storage pool LOCAL_COPY, which is not among OFF*."));
    DrmSelection named = new DrmSelection("QUERY DRMEDIA", NamePattern.ALL, Optional.empty(), Source.DBBACKUP,
        Optional.of(List.of("LOCAL_COPY", "X*")), Optional.empty(), Optional.empty(), DateTimeWindow.ALWAYS);
    assertThat(named.selects(local, configured, NOW)).as("COPYSTGPOOL= overrides the setting").isTrue();
    assertThat(named.selects(offsite, configured, NOW)).isFalse();
  }

  @Test
  void activeDataPoolsAreEligibleOnlyWhenConfiguredOrNamed() {
    DrmVolume ad = DrmFixtures.volume("AD1", DrmFixtures.activeData("ADPOOL"), DrmState.MOUNTABLE);
    DrmSelection all = select(Optional.empty());
    assertThat(all.selects(ad, S, NOW)).isFalse();
    assertThat(all.selects(ad, S.withActiveDataPools(List.of("ADPOOL")), NOW)).isTrue();
    assertThat(all.refusal(ad, S.withActiveDataPools(List.of("OTHER")), NOW)).contains(
        DrmMessageId.ACTIVE_DATA_POOL_NOT_SELECTED.with(
            "QUERY DRMEDIA: volume AD1 belongs to active-data pool ADPOOL, which is not among OTHER."));
    DrmSelection named = new DrmSelection("QUERY DRMEDIA", NamePattern.ALL, Optional.empty(), Source.DBBACKUP,
        Optional.empty(), Optional.of(List.of("AD*")), Optional.empty(), DateTimeWindow.ALWAYS);
    assertThat(named.selects(ad, S, NOW)).isTrue();
  }

  @Test
  void whereLocationComparesIgnoringCaseAndAVolumeWithoutLocationDoesNotMatch() {
    DrmVolume atVault = DrmFixtures.volume("V1", DrmFixtures.copy("C"), DrmState.VAULT);
    DrmSelection sel = new DrmSelection("QUERY DRMEDIA", NamePattern.ALL, Optional.empty(), Source.DBBACKUP,
        Optional.empty(), Optional.empty(), Optional.of("vault"), DateTimeWindow.ALWAYS);
    assertThat(sel.selects(atVault, S, NOW)).isTrue();
    assertThat(sel.refusal(atVault.withLocation(Optional.of("IRON MOUNTAIN")), S, NOW)).contains(
        DrmMessageId.LOCATION_MISMATCH.with("QUERY DRMEDIA: volume V1 is at location IRON MOUNTAIN, not vault."));
    assertThat(sel.refusal(atVault.withLocation(Optional.empty()), S, NOW)).contains(
        DrmMessageId.LOCATION_MISMATCH.with("QUERY DRMEDIA: volume V1 is at no recorded location, not vault."));
  }

  @Test
  void fileDeviceClassVolumesNeedSetDrmFileProcessYes() {
    DrmVolume file = DrmFixtures.volume("/TSM/DBB/00000101.DBV", DrmFixtures.fullBackup(3), DrmState.MOUNTABLE)
        .withDevice(Device.file("DBBFILE"));
    DrmSelection sel = select(Optional.empty());
    assertThat(sel.refusal(file, S, NOW)).contains(DrmMessageId.FILE_DEVICE_EXCLUDED.with(
        "QUERY DRMEDIA: volume /TSM/DBB/00000101.DBV uses FILE device class DBBFILE; SET DRMFILEPROCESS is NO."));
    assertThat(sel.selects(file, S.withFileProcess(true), NOW)).isTrue();
  }

  @Test
  void whereStateAllListsEveryDrmStateButOnsiteRetrieve() {
    DrmSelection all = select(Optional.empty());
    for (DrmState s : DrmState.values()) {
      DrmVolume v = DrmFixtures.volume("X", DrmFixtures.copy("C"), s);
      assertThat(all.selects(v, S, NOW)).as(s.name()).isEqualTo(s != DrmState.ONSITERETRIEVE);
    }
  }

  @Test
  void sourceSelectsFullAndIncrementalBackupsOrSnapshotsOrNeither() {
    DrmVolume full = DrmFixtures.volume("F", DrmFixtures.fullBackup(1), DrmState.MOUNTABLE);
    DrmVolume incr = DrmFixtures.volume("I", DrmFixtures.incrementalBackup(1), DrmState.MOUNTABLE);
    DrmVolume snap = DrmFixtures.volume("S", DrmFixtures.snapshot(1), DrmState.MOUNTABLE);
    DrmVolume copy = DrmFixtures.volume("C", DrmFixtures.copy("C"), DrmState.MOUNTABLE);
    for (Source source : Source.values()) {
      DrmSelection sel = new DrmSelection("QUERY DRMEDIA", NamePattern.ALL, Optional.empty(), source,
          Optional.empty(), Optional.empty(), Optional.empty(), DateTimeWindow.ALWAYS);
      assertThat(sel.selects(full, S, NOW)).isEqualTo(source == Source.DBBACKUP);
      assertThat(sel.selects(incr, S, NOW)).isEqualTo(source == Source.DBBACKUP);
      assertThat(sel.selects(snap, S, NOW)).isEqualTo(source == Source.DBSNAPSHOT);
      assertThat(sel.selects(copy, S, NOW)).as("copy pool volumes are always eligible").isTrue();
    }
  }
}
