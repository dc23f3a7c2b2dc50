package org.vaultline.library.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vaultline.library.drm.DrmState;
import org.vaultline.library.drm.QueryDrMedia;
import org.vaultline.library.inventory.EmulatorFixture;
import org.vaultline.library.store.Message;
import org.vaultline.library.store.ProcessState;
import org.vaultline.library.store.RequestKind;
import org.vaultline.library.store.Severity;

/**
 * The server's one command surface: every command line is routed, named and classed for authority; queries come
 * back as tables (JSON rows), DRM messages keep their IDs, process commands in TSM syntax.
 */
class ServerCommandsTest {
  @TempDir Path dir;

  private ServerFixture server(String... stock) {
    return ServerFixture.of(EmulatorFixture.of("hp-msl", stock), dir);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "q pr | QUERY PROCESS | QUERY",
      "query process 12 | QUERY PROCESS | QUERY",
      "can pr 12 | CANCEL PROCESS | OPERATE",
      "move drm * tost=vault | MOVE DRMEDIA | OPERATE",
      "q drm * f=d | QUERY DRMEDIA | QUERY",
      "q drmst | QUERY DRMSTATUS | QUERY",
      "set drmchecklabel no | SET DRMCHECKLABEL | CONFIGURE",
      "set drmautocheckin off | SET DRMAUTOCHECKIN | CONFIGURE",
      "def drmvol CPY001 type=copystgpool pool=OFFSITE | DEFINE DRMVOLUME | OPERATE",
      "upd drmvol CPY001 status=empty | UPDATE DRMVOLUME | OPERATE",
      "del drmvol CPY001 | DELETE DRMVOLUME | OPERATE",
      "def libr LIB1 | DEFINE LIBRARY | CONFIGURE",
      "define drive LIB1 DRIVE0 | DEFINE DRIVE | CONFIGURE",
      "checki libv LIB1 search=yes status=scratch | CHECKIN LIBVOLUME | OPERATE",
      "checko libv LIB1 A00001 | CHECKOUT LIBVOLUME | OPERATE",
      "audit libr LIB1 | AUDIT LIBRARY | OPERATE",
      "label libv LIB1 A00001 | LABEL LIBVOLUME | OPERATE",
      "reply 3 | REPLY | OPERATE",
      "can req 3 | CANCEL REQUEST | OPERATE",
      "q libv | QUERY LIBVOLUME | QUERY",
      "q req | QUERY REQUEST | QUERY",
      "q actlog | QUERY ACTLOG | QUERY",
      "q dr | QUERY DRIVE | QUERY"})
  void everyCommandLineHasItsCanonicalNameAndKind(String line, String name, CommandKind kind) throws Exception {
    try (ServerFixture f = server()) {
      assertThat(f.server.describe(line)).isEqualTo(new CommandInfo(name, kind));
    }
  }

  @Test
  void anUnknownCommandNamesWhatWasNotUnderstood() throws Exception {
    try (ServerFixture f = server()) {
      CommandException verb = f.refused("frobnicate the library");
      assertThat(verb.message().id().toString()).isEqualTo("VLN0500E");
      assertThat(verb.getMessage()).contains("FROBNICATE is not known").contains("MOVE DRMEDIA")
          .contains("CANCEL REQUEST|PROCESS");
      assertThat(f.refused("query nonsense").getMessage()).contains("NONSENSE is not something QUERY works on");
      assertThat(f.refused("checkin").getMessage()).contains("CHECKIN needs what to act on");
      assertThat(f.refused("   ").message().id().toString()).isEqualTo("VLN0500E");
    }
  }

  @Test
  void syntaxErrorsKeepTheParsersMessageIdsAndGiveTheCorrectForm() throws Exception {
    try (ServerFixture f = server()) {
      CommandException drm = f.refused("move drmedia * tostate=sideways");
      assertThat(drm.message().id().toString()).startsWith("VLN04").endsWith("E");
      assertThat(drm.getMessage()).contains("Syntax: MOVE DRMEDIA volname");
      assertThat(f.refused("set drmnonsense 3").message().id().toString()).isEqualTo("VLN0400E");
      assertThat(f.refused("checkin libvolume").message().id().toString()).startsWith("VLN020");
      CommandException cancel = f.refused("cancel process");
      assertThat(cancel.message().id().toString()).isEqualTo("VLN0511E");
      assertThat(cancel.getMessage()).contains("Syntax: CANCEL PROCESS process_number");
      assertThat(f.refused("q pr twelve").getMessage()).contains("twelve is not a process number");
      assertThat(f.refused("can pr 999").message().id().toString()).isEqualTo("VLN0501E");
    }
  }

  @Test
  void aVaultVolumeEmptiedByReclamationIsVaultretrieveAtTheNextQueryOrMove() throws Exception {
    try (ServerFixture f = server()) {
      f.run("define drmvolume CPY001 type=copystgpool pool=OFFSITE status=full state=vault");
      f.run("define drmvolume CPY002 type=copystgpool pool=OFFSITE status=full state=vault");
      f.run("update drmvolume CPY002 status=empty");
      ResultTable t = f.run("q drmedia * wherestate=vaultretrieve").table().orElseThrow();
      assertThat(t.column("Volume Name")).containsExactly("CPY002");
      f.run("move drmedia * wherestate=vaultretrieve tostate=courierretrieve wait=yes");
      assertThat(f.server.drm().find("CPY002").orElseThrow().state()).isEqualTo(DrmState.COURIERRETRIEVE);
      assertThat(f.server.drm().find("CPY001").orElseThrow().state()).isEqualTo(DrmState.VAULT);
    }
  }

  @Test
  void drmQueriesComeBackAsTablesAndDrmMessagesKeepTheirIdsAndSeverities() throws Exception {
    try (ServerFixture f = server()) {
      CommandResult def = f.run("define drmvolume CPY001 type=copystgpool pool=OFFSITE status=full library=LIB1");
      Message defined = def.messages().get(0);
      assertThat(defined.id().toString()).isEqualTo("VLN0463I");
      assertThat(defined.severity()).isEqualTo(Severity.INFORMATION);
      f.run("define drmvolume CPY002 type=copystgpool pool=OFFSITE status=full");
      CommandResult again = f.attempt("define drmvolume CPY002 type=copystgpool pool=ELSEWHERE");
      assertThat(again.hasErrors()).isTrue();
      assertThat(again.messages().get(0).id().toString()).isEqualTo("VLN0460E");
      assertThat(f.run("set drmvaultname IRONMTN").messages().get(0).id().toString()).isEqualTo("VLN0480I");

      CommandResult standard = f.run("query drmedia *");
      ResultTable t = standard.table().orElseThrow();
      assertThat(t.layout()).isEqualTo(ResultTable.Layout.COLUMNS);
      assertThat(t.column("Volume Name")).containsExactly("CPY001", "CPY002");
      assertThat(t.column("Automated LibName")).containsExactly("LIB1", "");
      assertThat(standard.text()).isEqualTo(f.server.drm().query(QueryDrMedia.all()));
      JsonNode json = new ObjectMapper().readTree(standard.json());
      assertThat(json.get("command").asText()).isEqualTo("QUERY DRMEDIA");
      assertThat(json.get("rows").get(0).get("State").asText()).isEqualTo("Mountable");

      CommandResult detailed = f.run("q drm CPY001 format=detailed");
      assertThat(detailed.table().orElseThrow().layout()).isEqualTo(ResultTable.Layout.LABELLED);
      assertThat(detailed.table().orElseThrow().cell(0, "Copy Storage Pool Name")).isEqualTo("OFFSITE");
      assertThat(detailed.text()).contains(" Volume Name: CPY001\n").doesNotContain("---");
      assertThat(new ObjectMapper().readTree(detailed.json()).get("rows").get(0).get("Volume Type").asText())
          .isEqualTo("CopyStgPool");

      CommandResult cmd = f.run("q drm * format=cmd cmd=\"checkout libvol lib1 &VOL\"");
      assertThat(cmd.text()).isEqualTo("checkout libvol lib1 CPY001\ncheckout libvol lib1 CPY002\n");
      assertThat(cmd.table().orElseThrow().layout()).isEqualTo(ResultTable.Layout.LINES);

      Path file = dir.resolve("checkout.mac");
      CommandResult written = f.run("q drm * format=cmd cmd=\"checkout libvol lib1 &VOL\" cmdfilename=" + file);
      assertThat(written.text()).contains("VLN0513I QUERY DRMEDIA: 2 command lines written to " + file);
      f.run("q drm CPY001 format=cmd cmd=\"checkout libvol lib1 &VOL\" append=yes cmdfilename=" + file);
      assertThat(java.nio.file.Files.readAllLines(file)).containsExactly("checkout libvol lib1 CPY001",
          "checkout libvol lib1 CPY002", "checkout libvol lib1 CPY001");

      CommandResult none = f.attempt("q drm NOSUCH");
      assertThat(none.table().orElseThrow().rows()).isEmpty();
      assertThat(none.messages()).singleElement().satisfies(m -> assertThat(m.id().toString())
          .isEqualTo("VLN0439E"));

      CommandResult status = f.run("q drmstatus");
      assertThat(status.table().orElseThrow().cell(0, "Vault Site Name")).isEqualTo("IRONMTN");
      assertThat(status.table().orElseThrow().cell(0, "Check Label?")).isEqualTo("Yes");
      assertThat(status.text()).contains("Vault Site Name: IRONMTN");

      CommandResult move = f.run("move drmedia CPY002 wherestate=mountable tostate=courier wait=yes");
      assertThat(move.messages()).anySatisfy(m -> assertThat(m.id().toString()).isEqualTo("VLN0440I"));
      assertThat(move.messages()).anySatisfy(m -> assertThat(m.id().toString()).isEqualTo("VLN0151I"));
      assertThat(f.server.drm().find("CPY002").orElseThrow().state()).isEqualTo(DrmState.COURIER);
    }
  }

  /**
   * A query without rows printed an empty table header, a blank line, then its message ({@code q request}: header
   * and "VLN0261I No requests are outstanding."); TSM prints only the message. JSON keeps columns and empty rows.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "q request | VLN0261I No requests are outstanding.",
      "q process | VLN0502I No active processes found.",
      "q libvolume | VLN0280I No match found for * *.",
      "q library NOSUCH | VLN0280I No match found for NOSUCH.",
      "q drive | VLN0280I No match found for * *.",
      "q path NOSUCH | VLN0280I No match found for NOSUCH.",
      "q actlog search=NOSUCHTEXT | VLN0280I No match found for the activity log.",
      "q drmedia NOSUCH | VLN0439E QUERY DRMEDIA: no volume matches these criteria.",
      "q drmedia NOSUCH format=detailed | VLN0439E QUERY DRMEDIA: no volume matches these criteria.",
      "q drmedia NOSUCH format=cmd cmd=\"checkout libvol lib1 &VOL\" | VLN0439E QUERY DRMEDIA: no volume matches"
          + " these criteria."})
  void everyQueryWithoutRowsPrintsItsMessageAloneAndJsonKeepsTheColumns(String line, String message)
      throws Exception {
    try (ServerFixture f = server()) {
      CommandResult r = f.attempt(line);
      assertThat(r.table()).isPresent();
      assertThat(r.table().orElseThrow().rows()).isEmpty();
      assertThat(r.text()).isEqualTo(message + "\n");
      JsonNode json = new ObjectMapper().readTree(r.json());
      assertThat(json.get("columns").size()).isEqualTo(r.table().orElseThrow().columns().size());
      assertThat(json.get("rows")).isEmpty();
    }
  }

  /**
   * DEFINE DRMVOLUME refused DATE=TODAY-1 (VLN0407E "give the calendar date"); scripts and administrators use TSM's
   * relative dates. The server resolves it with its clock in the administrators' zone and keeps the calendar date.
   */
  @Test
  void defineDrmvolumeTakesRelativeDatesAndKeepsTheCalendarDate() throws Exception {
    try (ServerFixture f = server()) {
      java.time.LocalDate before = java.time.LocalDate.now(f.store.clock().withZone(ServerFixture.ZONE));
      f.run("define drmvolume DB0001 type=backupfull series=9 date=today-1 time=21:30 updd=-2");
      java.time.LocalDate after = java.time.LocalDate.now(f.store.clock().withZone(ServerFixture.ZONE));
      org.vaultline.library.drm.DrmVolume v = f.server.drm().find("DB0001").orElseThrow();
      java.time.ZonedDateTime written = ((org.vaultline.library.drm.DrmVolumeKind.DatabaseBackup) v.kind())
          .backupDate().atZone(ServerFixture.ZONE);
      assertThat(written.toLocalTime()).isEqualTo(java.time.LocalTime.of(21, 30));
      assertThat(written.toLocalDate()).isIn(before.minusDays(1), after.minusDays(1));
      assertThat(v.lastUpdate().atZone(ServerFixture.ZONE).toLocalDate()).isIn(before.minusDays(2),
          after.minusDays(2));
    }
  }

  /** A full I/O station keeps a MOVE DRMEDIA waiting for the operator; QUERY PROCESS shows it. */
  private ServerFixture waitingMove(ServerFixture f, List<String> volumes) throws Exception {
    f.define(0);
    f.run("checkin libvolume LIB1 search=yes status=private checklabel=barcode");
    f.run("set drmchecklabel no");
    for (String v : volumes) {
      f.run("define drmvolume " + v + " type=copystgpool pool=OFFSITE status=full library=LIB1");
    }
    return f;
  }

  @Test
  void moveDrmediaRunsAsAProcessThatQueryProcessShowsAndCancelProcessEndsWhileItWaitsForTheOperator()
      throws Exception {
    List<String> vols = List.of("DRM001", "DRM002", "DRM003", "DRM004", "DRM005", "DRM006");
    try (ServerFixture f = waitingMove(server("DRM001L5", "DRM002L5", "DRM003L5", "DRM004L5", "DRM005L5",
        "DRM006L5"), vols)) {
      assertThat(f.run("q pr").messages()).singleElement().satisfies(m -> assertThat(m.id().number())
          .isEqualTo(502));
      long p = ServerFixture.processOf(f.run("move drmedia * tostate=vault remove=yes"));
      ServerFixture.await("the request to empty the station", () -> f.outstanding().stream()
          .anyMatch(r -> r.kind() == RequestKind.EMPTY_IO_STATION));
      long request = f.outstanding().get(0).number();

      CommandResult q = f.run("q pr");
      ResultTable t = q.table().orElseThrow();
      assertThat(t.column("Process Number")).containsExactly(Long.toString(p));
      assertThat(t.cell(0, "Process Description")).startsWith("MOVE DRMEDIA *");
      assertThat(t.cell(0, "Process Status")).contains("Volume 3 of 6: DRM003 moved to VAULT.")
          .contains("Waiting for the operator: request " + request);
      assertThat(f.run("query process " + p).table().orElseThrow().rows()).hasSize(1);

      CommandResult cancel = f.run("can pr " + p);
      assertThat(cancel.text()).startsWith("VLN0153I Cancel requested for process " + p);
      assertThat(f.awaitEnd(p).state()).isEqualTo(ProcessState.CANCELLED);
      assertThat(f.store.read(r -> r.requests().find(request)).orElseThrow().outstanding()).isFalse();
      assertThat(f.outstanding()).isEmpty();
      // every volume fully moved (out of the library, VAULT) or untouched (checked in, MOUNTABLE)
      for (String v : vols) {
        DrmState s = f.server.drm().find(v).orElseThrow().state();
        boolean out = v.compareTo("DRM003") <= 0;
        assertThat(s).as(v).isEqualTo(out ? DrmState.VAULT : DrmState.MOUNTABLE);
        assertThat(f.volume(v).isPresent()).as(v).isEqualTo(!out);
        assertThat(f.whereIs(v + "L5")).as(v).contains(out ? org.vaultline.emulator.physical.ElementKind.IMPORT_EXPORT
            : org.vaultline.emulator.physical.ElementKind.STORAGE);
      }
      java.util.Map<String, String> pending = f.store.read(r -> r.drmVolumes().pending());
      assertThat(pending).isEmpty();
      assertThat(f.refused("can pr " + p).message().id().toString()).isEqualTo("VLN0501E");
    }
  }

  @Test
  void cancelProcessEndsACheckoutWaitingForTheOperatorToo() throws Exception {
    try (ServerFixture f = server("CHK001L5", "CHK002L5", "CHK003L5", "CHK004L5", "CHK005L5").define(0)) {
      f.run("checkin libvolume LIB1 search=yes status=private checklabel=barcode");
      java.util.concurrent.CompletableFuture<CommandResult> out = java.util.concurrent.CompletableFuture
          .supplyAsync(() -> f.attempt("checkout libvolume LIB1 vollist=CHK001,CHK002,CHK003,CHK004 checkl=no"));
      ServerFixture.await("the request to empty the station", () -> !f.outstanding().isEmpty());
      long p = f.store.read(r -> r.processes().running()).get(0).number();
      f.run("cancel process " + p);
      CommandResult done = out.get(60, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(done.text()).contains("VLN0507I").contains("ended: cancelled");
      assertThat(f.process(p).state()).isEqualTo(ProcessState.CANCELLED);
      assertThat(f.volume("CHK004")).isPresent();
      assertThat(f.volume("CHK001")).isEmpty();
    }
  }
}
