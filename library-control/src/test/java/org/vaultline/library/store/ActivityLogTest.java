package org.vaultline.library.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** QUERY ACTLOG BEGINDATE/BEGINTIME ENDDATE/ENDTIME SEARCH= MSGNO=. */
class ActivityLogTest {
  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T00:00:00Z"));
  Store store;

  @BeforeEach
  void open() {
    store = TestStores.open(dir, clock); // writes VLN0001I at 2026-05-01T00:00Z
    at("2026-05-03T06:59:00Z", Messages.LIBRARY_DEFINED.format("LIB1"));
    at("2026-05-03T07:00:00Z", Messages.VOLUME_CHECKED_IN.format("A00017", "LIB1", "SCRATCH", "0x1003"));
    at("2026-05-03T07:00:00Z", Messages.VOLUME_CHECKED_IN.format("B00001", "LIB1", "PRIVATE", "0x1004"));
    at("2026-05-03T07:30:00Z", Messages.MOVE_FAILED.format(4, "LIB1", "ILLEGAL REQUEST [3B/0D] 100% [sic]"));
    at("2026-05-03T08:00:00Z", Messages.VOLUME_CHECKED_OUT.format("A00017", "LIB1"));
    // a clock stepped back by NTP: the row is still placed by its time
    at("2026-05-03T06:00:00Z", Messages.REQUEST_RAISED.format(1, "Insert cartridges into LIB1."));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void at(String time, Message m) {
    clock.set(Instant.parse(time));
    store.transact(Origin.admin("ADMIN1"), tx -> tx.log(m));
  }

  private List<String> query(ActlogQuery q) {
    List<ActivityLogEntry> rows = store.read(r -> r.activityLog().query(q));
    return rows.stream().map(e -> e.time() + " " + e.message().id()).toList();
  }

  @Test
  void everythingComesInTimeOrderAndWrittenOrderWithinASecond() {
    assertThat(query(ActlogQuery.all())).containsExactly(
        "2026-05-01T00:00:00Z VLN0001I",
        "2026-05-01T00:00:00Z VLN0001I",
        "2026-05-01T00:00:00Z VLN0001I",
        "2026-05-03T06:00:00Z VLN0140I",
        "2026-05-03T06:59:00Z VLN0100I",
        "2026-05-03T07:00:00Z VLN0110I",
        "2026-05-03T07:00:00Z VLN0110I",
        "2026-05-03T07:30:00Z VLN0122E",
        "2026-05-03T08:00:00Z VLN0111I");
    List<ActivityLogEntry> both = store.read(r -> r.activityLog().query(ActlogQuery.all().messageNumber(110)));
    assertThat(both).extracting(e -> e.message().text()).allMatch(t -> t.startsWith("Volume "))
        .first().asString().contains("A00017");
  }

  @Test
  void beginAndEndAreInclusive() {
    assertThat(query(ActlogQuery.all().from(Instant.parse("2026-05-03T07:00:00Z"))
        .to(Instant.parse("2026-05-03T07:30:00Z"))))
        .containsExactly("2026-05-03T07:00:00Z VLN0110I", "2026-05-03T07:00:00Z VLN0110I",
            "2026-05-03T07:30:00Z VLN0122E");
  }

  @Test
  void theDefaultWindowIsTheLastHour() {
    assertThat(query(ActlogQuery.lastHour(Instant.parse("2026-05-03T08:00:00Z"))))
        .containsExactly("2026-05-03T07:00:00Z VLN0110I", "2026-05-03T07:00:00Z VLN0110I",
            "2026-05-03T07:30:00Z VLN0122E", "2026-05-03T08:00:00Z VLN0111I");
  }

  @Test
  void msgnoSelectsOneMessageNumber() {
    assertThat(query(ActlogQuery.all().messageNumber(122))).containsExactly("2026-05-03T07:30:00Z VLN0122E");
    assertThat(query(ActlogQuery.all().messageNumber(9999))).isEmpty();
  }

  @Test
  void searchIsACaseInsensitiveSubstringOfIdAndText() {
    assertThat(query(ActlogQuery.all().searching("a00017"))).containsExactly("2026-05-03T07:00:00Z VLN0110I",
        "2026-05-03T08:00:00Z VLN0111I");
    assertThat(query(ActlogQuery.all().searching("VLN0122"))).hasSize(1);
    assertThat(query(ActlogQuery.all().searching("0122e move 4"))).hasSize(1);
  }

  @Test
  void searchTakesTsmWildcardsAndTreatsSqlCharactersLiterally() {
    assertThat(query(ActlogQuery.all().searching("checked*LIB1 as PRIVATE"))).hasSize(1);
    assertThat(query(ActlogQuery.all().searching("?00001"))).hasSize(1);
    assertThat(query(ActlogQuery.all().searching("[sic]"))).hasSize(1);
    assertThat(query(ActlogQuery.all().searching("[3B/0D] 100%"))).hasSize(1);
    assertThat(query(ActlogQuery.all().searching("100_"))).isEmpty();
  }

  @Test
  void filtersCombineAndLimitKeepsTheOldest() {
    assertThat(query(ActlogQuery.all().searching("LIB1").from(Instant.parse("2026-05-03T07:00:00Z"))
        .messageNumber(110).limit(1))).containsExactly("2026-05-03T07:00:00Z VLN0110I");
  }

  @Test
  void entriesCarryTheAdministrator() {
    List<ActivityLogEntry> rows = store.read(r -> r.activityLog().query(ActlogQuery.all().messageNumber(100)));
    assertThat(rows).singleElement().satisfies(e -> assertThat(e.admin()).contains("ADMIN1"));
  }

  @Test
  void latestGivesTheNewestEntriesOldestFirst() {
    List<ActivityLogEntry> rows = store.read(r -> r.activityLog().latest(2));
    assertThat(rows).extracting(e -> e.message().id().toString()).containsExactly("VLN0122E", "VLN0111I");
  }

  @Test
  void pruningRemovesOldEntriesAndSaysSo() {
    clock.set(Instant.parse("2026-06-03T00:00:00Z"));
    int removed = store.write(tx -> tx.activityLog().prune(Instant.parse("2026-05-03T07:00:00Z")));
    assertThat(removed).isEqualTo(2 + store.schemaVersion()); // one VLN0001I per migration
    assertThat(query(ActlogQuery.all())).first().isEqualTo("2026-05-03T07:00:00Z VLN0110I");
    assertThat(query(ActlogQuery.all().messageNumber(13))).containsExactly("2026-06-03T00:00:00Z VLN0013I");
  }
}
