package org.vaultline.library.drm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.library.store.BackgroundProcess;
import org.vaultline.library.store.Origin;
import org.vaultline.library.store.ProcessState;
import org.vaultline.library.store.Store;
import org.vaultline.library.store.StoreOptions;

class DrmCommandsTest {
  @TempDir Path dir;
  Store store;
  DrmLedger ledger;
  StationFake station = new StationFake(18);
  DrmCommands commands;
  final Origin admin = Origin.admin("ADMIN");

  @BeforeEach
  void open() {
    store = Store.open(dir.resolve("v.db"), StoreOptions.DEFAULT.withClock(
        Clock.fixed(DrmFixtures.NOW.toInstant(), ZoneOffset.UTC)));
    ledger = new DrmLedger(store, DrmFixtures.ZONE);
    commands = new DrmCommands(ledger, station);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private DrmCommands.Reply ok(String line) {
    DrmCommands.Reply r = commands.execute(line, admin);
    assertThat(r.error()).as("%s:%n%s", line, r.text()).isFalse();
    return r;
  }

  @Test
  void anAdministratorDefinesMovesAndQueriesVolumesWithTsmCommands() {
    ok("define drmvolume CPY001 type=copystgpool pool=OFFSITE status=full library=LIB1");
    ok("define drmvolume CPY002 type=copystgpool pool=OFFSITE status=full library=LIB1");
    station.inLibrary.addAll(List.of("CPY001", "CPY002"));
    ok("set drmvaultname IRONMTN");
    assertThat(ok("query drmstatus").text()).contains("IRONMTN");
    DrmCommands.Reply move = ok("move drmedia * tostate=vault wait=yes");
    assertThat(move.text()).contains("VLN0440I").contains("CPY001").contains("CPY002");
    assertThat(station.inStation).containsExactly("CPY001", "CPY002");
    String q = ok("query drmedia * wherestate=vault format=detailed").text();
    assertThat(q).contains("CPY001").contains("IRONMTN");
  }

  @Test
  void moveDrmediaWithoutWaitIsANumberedProcessThatEnds() throws Exception {
    ok("define drmvolume CPY003 type=copystgpool pool=OFFSITE status=full library=LIB1");
    DrmCommands.Reply r = ok("move drmedia * tostate=courier remove=no");
    assertThat(r.process()).isPositive();
    long deadline = System.nanoTime() + 10_000_000_000L;
    BackgroundProcess p;
    do {
      Thread.sleep(5);
      p = store.read(x -> x.processes().find(r.process())).orElseThrow();
    } while (p.state() == ProcessState.RUNNING && System.nanoTime() < deadline);
    assertThat(p.state()).isEqualTo(ProcessState.COMPLETED);
    assertThat(p.description()).startsWith("MOVE DRMEDIA *");
    assertThat(ledger.find("CPY003").orElseThrow().state()).isEqualTo(DrmState.COURIER);
    assertThat(ledger.history("CPY003")).last().satisfies(h -> assertThat(h.process()).contains(r.process()));
  }

  @Test
  void syntaxErrorsAndRejectedRegistrationsAreErrorReplies() {
    assertThat(commands.execute("move drmedia * tostate=sideways", admin).error()).isTrue();
    ok("define drmvolume CPY004 type=copystgpool pool=OFFSITE");
    DrmCommands.Reply again = commands.execute("define drmvolume CPY004 type=copystgpool pool=ELSEWHERE", admin);
    assertThat(again.error()).isTrue();
    assertThat(again.text()).startsWith("VLN0460E");
    assertThat(commands.execute("query drmedia NOSUCH", admin).text()).startsWith("VLN0439E");
  }
}
