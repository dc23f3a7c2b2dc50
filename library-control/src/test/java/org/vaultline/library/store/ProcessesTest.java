package org.vaultline.library.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Numbered background processes: QUERY PROCESS, CANCEL PROCESS, interrupted by a restart. */
class ProcessesTest {
  @TempDir Path dir;
  final MutableClock clock = new MutableClock();
  Store store;

  @BeforeEach
  void open() {
    store = TestStores.open(dir, clock);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private BackgroundProcess start(String description) {
    return store.write(Origin.admin("ADMIN1"), tx -> {
      BackgroundProcess p = tx.processes().start(description);
      tx.log(Messages.PROCESS_STARTED, p.number(), description);
      return p;
    });
  }

  @Test
  void aProcessRunsWithProgressUntilItEnds() {
    BackgroundProcess p = start("MOVE DRMEDIA");
    assertThat(p.state()).isEqualTo(ProcessState.RUNNING);
    assertThat(p.admin()).contains("ADMIN1");
    store.transact(Origin.admin("ADMIN1").inProcess(p.number()), tx -> {
      assertThat(tx.processes().status(p.number(), "Volumes processed: 12 of 500")).isTrue();
      tx.log(Messages.VOLUME_UPDATED, "A00012", "LIB1", "COURIER");
    });
    List<BackgroundProcess> running = store.read(r -> r.processes().running());
    assertThat(running).singleElement().extracting(BackgroundProcess::status)
        .isEqualTo("Volumes processed: 12 of 500");
    store.transact(tx -> {
      assertThat(tx.processes().finish(p.number(), ProcessState.COMPLETED)).isTrue();
      assertThat(tx.processes().finish(p.number(), ProcessState.FAILED)).isFalse();
      tx.log(Messages.PROCESS_ENDED, p.number(), "MOVE DRMEDIA", "SUCCESS");
    });
    BackgroundProcess after = store.read(r -> r.processes().find(p.number())).orElseThrow();
    assertThat(after.state()).isEqualTo(ProcessState.COMPLETED);
    assertThat(after.ended()).contains(clock.instant());
  }

  @Test
  void cancelIsAFlagTheProcessSees() {
    BackgroundProcess p = start("AUDIT LIBRARY");
    store.transact(Origin.admin("ADMIN2"), tx -> {
      assertThat(tx.processes().requestCancel(p.number())).isTrue();
      tx.log(Messages.PROCESS_CANCEL_REQUESTED, p.number(), "AUDIT LIBRARY");
    });
    BackgroundProcess after = store.read(r -> r.processes().find(p.number())).orElseThrow();
    assertThat(after.cancelRequested()).isTrue();
    assertThat(after.state()).isEqualTo(ProcessState.RUNNING);
  }

  @Test
  void processesRunningAtAStopAreInterruptedAtTheNextStart() {
    BackgroundProcess a = start("MOVE DRMEDIA");
    BackgroundProcess b = start("AUDIT LIBRARY");
    store.transact(tx -> {
      tx.processes().finish(b.number(), ProcessState.COMPLETED);
      tx.log(Messages.PROCESS_ENDED, b.number(), "AUDIT LIBRARY", "SUCCESS");
    });
    store.close();
    store = TestStores.open(dir, clock);
    List<BackgroundProcess> interrupted = store.write(tx -> {
      List<BackgroundProcess> list = tx.processes().interruptRunning();
      list.forEach(p -> tx.log(Messages.PROCESS_INTERRUPTED, p.number(), p.description()));
      return list;
    });
    assertThat(interrupted).extracting(BackgroundProcess::number).containsExactly(a.number());
    assertThat(store.read(r -> r.processes().find(a.number())).orElseThrow().state())
        .isEqualTo(ProcessState.INTERRUPTED);
    BackgroundProcess c = start("MOVE DRMEDIA");
    assertThat(c.number()).isGreaterThan(b.number());
  }

  @Test
  void aProcessCannotEndRunning() {
    BackgroundProcess p = start("X");
    assertThatThrownBy(() -> store.transact(tx -> tx.processes().finish(p.number(), ProcessState.RUNNING)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
