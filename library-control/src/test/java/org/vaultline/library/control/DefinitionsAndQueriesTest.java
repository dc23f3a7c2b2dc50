package org.vaultline.library.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.library.command.TsmDate;
import org.vaultline.library.command.TsmTime;
import org.vaultline.library.control.LibraryCommand.QueryActlog;
import org.vaultline.library.inventory.EmulatorFixture;
import org.vaultline.library.store.Store;

/** DEFINE LIBRARY/DRIVE/PATH kept in the store and refused with message IDs; QUERY PATH and ACTLOG windows. */
class DefinitionsAndQueriesTest {
  @TempDir Path dir;

  private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 5, 3, 10, 30, 0, 0, ZoneOffset.UTC);

  private static QueryActlog actlog(Optional<TsmDate> bd, Optional<TsmTime> bt, Optional<TsmDate> ed,
      Optional<TsmTime> et) {
    return new QueryActlog(bd, bt, ed, et, Optional.empty(), Optional.empty());
  }

  @Test
  void definitionsAreKeptAndMistakesRefusedWithTheirMessageIds() {
    try (ControlFixture f = ControlFixture.of(EmulatorFixture.of("ibm-ts3100"), dir)) {
      assertThat(f.run("define library LIB1").text()).isEqualTo("VLN0100I Library LIB1 defined.\n");
      assertThat(f.refused("define library lib1").message().id().toString()).isEqualTo("VLN0221E");
      assertThat(f.refused("define drive LIB9 D1").message().id().toString()).isEqualTo("VLN0220E");
      f.run("define drive LIB1 D1 element=256 serial=10WT000001");
      assertThat(f.refused("define drive LIB1 D2 element=256").message().id().toString()).isEqualTo("VLN0222E");
      assertThat(f.refused("define path VAULTLINE LIB1 srctype=server desttype=library device=/dev/sg3")
          .message().text()).contains("did you mean sg:/dev/sg3");
      assertThat(f.refused("define path VAULTLINE D9 srctype=server desttype=drive library=LIB1 device=sg:/dev/sg4")
          .message().id().toString()).isEqualTo("VLN0223E");
      assertThat(f.refused("audit library LIB1").message().id().toString()).as("no path yet").isEqualTo("VLN0226E");
      f.run("define path VAULTLINE LIB1 srctype=server desttype=library device=emulated:ibm-ts3100");
      assertThat(f.refused("define path VAULTLINE LIB1 srctype=server desttype=library device=emulated:ibm-ts3100")
          .message().id().toString()).isEqualTo("VLN0224E");
      f.run("define path VAULTLINE D1 srctype=server desttype=drive library=LIB1 device=emulated:ibm-ts3100/1");
      ResultTable paths = f.run("query path").table().orElseThrow();
      assertThat(paths.column("Destination Name")).containsExactly("LIB1", "D1");
      assertThat(paths.column("Destination Type")).containsExactly("LIBRARY", "DRIVE");
      assertThat(paths.column("Device")).containsExactly("emulated:ibm-ts3100", "emulated:ibm-ts3100/1");
      ResultTable drives = f.run("query drive LIB1 D*").table().orElseThrow();
      assertThat(drives.cell(0, "Element")).isEqualTo("256");
      assertThat(f.run("query library NOPE").text()).contains("VLN0280I No match found for NOPE.");
      CommandResult none = f.attempt("checkout libvolume LIB1 NONE01");
      assertThat(none.hasErrors()).isTrue();
      assertThat(none.text()).contains("VLN0240E Volume NONE01 is not checked into library LIB1.")
          .contains("VLN0151I Process");
    }
    try (Store store = Store.open(dir.resolve("vaultline.db"))) {
      assertThat(store.read(r -> r.drives().find("LIB1", "D1")).orElseThrow().identity().product())
          .as("the drive was reached when the library started").contains("ULT3580-TD5");
    }
  }

  @Test
  void anUnreachableLibraryIsReportedWithItsDevice() {
    try (ControlFixture f = ControlFixture.of(EmulatorFixture.of("ibm-ts3100"), dir)) {
      f.run("define library LIB1");
      f.run("define path VAULTLINE LIB1 srctype=server desttype=library device=sg:/dev/no-such-sg");
      CommandException e = f.refused("audit library LIB1 checklabel=barcode");
      assertThat(e.message().id().toString()).isEqualTo("VLN0227E");
      assertThat(e.message().text()).contains("sg:/dev/no-such-sg");
    }
  }

  @Test
  void queryActlogWindowsFollowTsm() {
    QueryActlog none = actlog(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    assertThat(LibraryControl.begin(none, NOW)).isEqualTo(NOW.minusHours(1).toInstant());
    assertThat(LibraryControl.end(none, NOW)).isEqualTo(NOW.toInstant());
    QueryActlog yesterday = actlog(Optional.of(new TsmDate.Today(-1)), Optional.empty(),
        Optional.of(new TsmDate.Today(-1)), Optional.empty());
    assertThat(LibraryControl.begin(yesterday, NOW)).isEqualTo(Instant.parse("2026-05-02T00:00:00Z"));
    assertThat(LibraryControl.end(yesterday, NOW)).isEqualTo(Instant.parse("2026-05-02T23:59:59.999Z"));
    QueryActlog morning = actlog(Optional.empty(), Optional.of(new TsmTime.Absolute(LocalTime.of(8, 0))),
        Optional.empty(), Optional.of(new TsmTime.Now(java.time.Duration.ofMinutes(-30))));
    assertThat(LibraryControl.begin(morning, NOW)).isEqualTo(Instant.parse("2026-05-03T08:00:00Z"));
    assertThat(LibraryControl.end(morning, NOW)).isEqualTo(Instant.parse("2026-05-03T10:00:00Z"));
    QueryActlog fixed = actlog(Optional.of(new TsmDate.Absolute(LocalDate.of(2026, 4, 1))), Optional.empty(),
        Optional.empty(), Optional.empty());
    assertThat(LibraryControl.begin(fixed, NOW))
        .isEqualTo(LocalDateTime.of(2026, 4, 1, 0, 0).toInstant(ZoneOffset.UTC));
    assertThat(LibraryControl.end(fixed, NOW)).isEqualTo(NOW.toInstant());
  }

  @Test
  void resultsRenderAsTsmTextAndAsJson() throws Exception {
    try (ControlFixture f = ControlFixture.of(EmulatorFixture.of("ibm-ts3100"), dir)) {
      f.run("define library LIB1");
      CommandResult r = f.run("query actlog msgno=100 begindate=today");
      assertThat(r.table().orElseThrow().rows()).hasSize(1);
      assertThat(r.text()).contains("Date/Time").contains("VLN0100I Library LIB1 defined.");
      JsonNode json = new ObjectMapper().readTree(r.json());
      assertThat(json.get("command").asText()).isEqualTo("QUERY ACTLOG");
      assertThat(json.get("columns").get(0).asText()).isEqualTo("Date/Time");
      assertThat(json.get("rows").get(0).get("Message").asText()).isEqualTo("VLN0100I Library LIB1 defined.");
      JsonNode err = new ObjectMapper().readTree(CommandResult.of("X", f.refused("define library LIB1").message())
          .json());
      assertThat(err.get("messages").get(0).get("id").asText()).isEqualTo("VLN0221E");
      assertThat(err.get("messages").get(0).get("severity").asText()).isEqualTo("E");
    }
  }
}
