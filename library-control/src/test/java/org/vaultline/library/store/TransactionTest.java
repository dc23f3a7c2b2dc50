package org.vaultline.library.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One state change, one transaction: its activity-log and outbox rows commit with it or not at all. */
class TransactionTest {
  @TempDir Path dir;
  final MutableClock clock = new MutableClock();
  Store store;

  @BeforeEach
  void open() {
    store = TestStores.open(dir, clock);
    TestStores.defineLibrary(store, "LIB1");
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aCommittedChangeHasItsActivityLogAndOutboxRows() {
    long seq = store.write(Origin.admin("ADMIN1"), tx -> {
      tx.volumes().insert(LibraryVolume.checkedIn("LIB1", "A00001", Optional.of("A00001L6"), VolumeStatus.SCRATCH,
          Optional.empty(), Optional.of("LTO"), tx.now()));
      tx.log(Messages.VOLUME_CHECKED_IN, "A00001", "LIB1", "SCRATCH", "-");
      return tx.event(EventCategory.LIBRARY, "{\"type\":\"volume.checkedin\",\"volume\":\"A00001\"}");
    });
    assertThat(seq).isEqualTo(1);
    List<ActivityLogEntry> log = store.read(r -> r.activityLog().query(ActlogQuery.all().messageNumber(110)));
    assertThat(log).singleElement().satisfies(e -> {
      assertThat(e.message().render()).isEqualTo("VLN0110I Volume A00001 checked into library LIB1 as SCRATCH, home element -.");
      assertThat(e.admin()).contains("ADMIN1");
      assertThat(e.process()).isEmpty();
      assertThat(e.time()).isEqualTo(clock.instant());
    });
    assertThat(store.outbox().unpublished(10)).singleElement().satisfies(e -> {
      assertThat(e.seq()).isEqualTo(1);
      assertThat(e.category()).isEqualTo(EventCategory.LIBRARY);
      assertThat(e.payload()).contains("A00001");
      assertThat(e.created()).isEqualTo(clock.instant());
    });
  }

  @Test
  void anExceptionRollsBackTheChangeItsLogAndItsEvents() {
    long logBefore = TestStores.count(store, "activity_log");
    assertThatThrownBy(() -> store.transact(tx -> {
      TestStores.checkInInside(tx, "LIB1", "A00002", 0x1000);
      tx.event(EventCategory.LIBRARY, "{\"volume\":\"A00002\"}");
      throw new IllegalStateException("robot on fire");
    })).hasMessage("robot on fire");
    assertThat(TestStores.count(store, "library_volume")).isZero();
    assertThat(TestStores.count(store, "activity_log")).isEqualTo(logBefore);
    assertThat(TestStores.count(store, "outbox")).isZero();
  }

  @Test
  void aRolledBackEventGivesItsSeqBackSoCommittedSeqsHaveNoGaps() {
    store.transact(tx -> {
      tx.log(Messages.LIBRARY_UPDATED, "LIB1", "one");
      tx.event(EventCategory.LIBRARY, "{\"n\":1}");
    });
    assertThatThrownBy(() -> store.transact(tx -> {
      tx.log(Messages.LIBRARY_UPDATED, "LIB1", "two");
      tx.event(EventCategory.LIBRARY, "{\"n\":2}");
      throw new RuntimeException("abandoned");
    }));
    long seq = store.write(tx -> {
      tx.log(Messages.LIBRARY_UPDATED, "LIB1", "three");
      return tx.event(EventCategory.LIBRARY, "{\"n\":3}");
    });
    assertThat(seq).isEqualTo(2);
    assertThat(store.outbox().unpublished(10)).extracting(OutboxEvent::seq).containsExactly(1L, 2L);
  }

  @Test
  void aChangeWithoutAnActivityLogRowIsRolledBack() {
    assertThatThrownBy(() -> store.transact(tx -> TestStores.insertVolume(tx, "LIB1", "A00003", 0x1001)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("without writing an activity-log row");
    assertThat(TestStores.count(store, "library_volume")).isZero();
  }

  @Test
  void aTransactionThatOnlyReadsNeedsNoLogRow() {
    Optional<Library> lib = store.write(tx -> tx.libraries().find("LIB1"));
    assertThat(lib).isPresent();
  }

  @Test
  void anEventThatIsNotJsonIsRefusedAndRollsBackTheTransaction() {
    assertThatThrownBy(() -> store.transact(tx -> {
      TestStores.checkInInside(tx, "LIB1", "A00004", 0x1002);
      tx.event(EventCategory.LIBRARY, "volume A00004 checked in");
    })).isInstanceOf(ConflictException.class);
    assertThat(TestStores.count(store, "library_volume")).isZero();
  }

  @Test
  void theOriginsProcessIsWrittenWithTheLog() {
    long process = store.write(Origin.admin("ADMIN1"), tx -> {
      BackgroundProcess p = tx.processes().start("MOVE DRMEDIA");
      tx.log(Messages.PROCESS_STARTED, p.number(), p.description());
      return p.number();
    });
    store.transact(Origin.admin("ADMIN1").inProcess(process), tx -> tx.log(Messages.LIBRARY_UPDATED, "LIB1", "x"));
    List<ActivityLogEntry> log = store.read(r -> r.activityLog().query(ActlogQuery.all().messageNumber(101)));
    assertThat(log).singleElement().satisfies(e -> {
      assertThat(e.admin()).contains("ADMIN1");
      assertThat(e.process()).contains(process);
    });
  }

  @Test
  void transactionsDoNotNest() {
    assertThatThrownBy(() -> store.transact(tx -> store.transact(inner -> inner.log(Messages.LIBRARY_DELETED, "X"))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("do not nest");
    assertThatThrownBy(() -> store.transact(tx -> store.read(r -> r.libraries().list())))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("use the Tx");
  }

  @Test
  void aReadCannotWrite() {
    assertThatThrownBy(() -> store.read(r -> {
      r.libraries().insert(Library.defined("LIB2", r.now()));
      return null;
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("inside Store.transact");
  }

  @Test
  void aTransactionsViewCannotBeKeptAfterItEnds() {
    Reads kept = store.read(r -> r);
    assertThatThrownBy(() -> kept.libraries().list()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("after the transaction ended");
    Tx keptTx = store.write(tx -> tx);
    assertThatThrownBy(() -> keptTx.log(Messages.LIBRARY_DELETED, "X")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void everyCallInATransactionSeesTheSameNow() {
    store.transact(tx -> {
      java.time.Instant first = tx.now();
      clock.advance(Duration.ofMinutes(5));
      assertThat(tx.now()).isEqualTo(first);
      tx.log(Messages.LIBRARY_UPDATED, "LIB1", "y");
    });
  }

  @Test
  void aReadSeesOneSnapshotWhileAWriteCommitsMeanwhile() throws Exception {
    CountDownLatch firstCountDone = new CountDownLatch(1);
    CountDownLatch written = new CountDownLatch(1);
    Thread writer = new Thread(() -> {
      try {
        firstCountDone.await();
        TestStores.checkIn(store, "LIB1", "A00005", 0x1005);
        written.countDown();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    writer.start();
    long[] counts = store.read(r -> {
      long before = r.volumes().count("LIB1");
      firstCountDone.countDown();
      try {
        written.await();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      return new long[] {before, r.volumes().count("LIB1")};
    });
    writer.join();
    assertThat(counts).containsExactly(0, 0);
    long after = store.read(r -> r.volumes().count("LIB1"));
    assertThat(after).isEqualTo(1L);
  }

  @Test
  void aBusyDatabaseIsRetriedUntilTheOtherWriterLetsGo() throws Exception {
    store.close();
    store = Store.open(dir.resolve("vaultline.db"),
        StoreOptions.DEFAULT.withClock(clock).withBusyTimeout(Duration.ofMillis(20)).withBusyAttempts(50));
    AtomicInteger runs = new AtomicInteger();
    try (Connection other = TestStores.raw(store); Statement s = other.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread t = new Thread(() -> {
        try {
          store.transact(tx -> {
            runs.incrementAndGet();
            tx.log(Messages.LIBRARY_UPDATED, "LIB1", "after the lock");
          });
        } catch (Throwable e) {
          failure.set(e);
        }
      });
      t.start();
      Thread.sleep(300);
      s.execute("COMMIT");
      t.join();
      assertThat(failure.get()).isNull();
    }
    assertThat(runs).as("the work runs once BEGIN IMMEDIATE has the lock").hasValue(1);
    List<ActivityLogEntry> log = store.read(r -> r.activityLog().query(ActlogQuery.all().searching("after the lock")));
    assertThat(log).hasSize(1);
  }

  @Test
  void aDatabaseThatStaysBusyFailsWithAClearError() throws Exception {
    store.close();
    store = Store.open(dir.resolve("vaultline.db"),
        StoreOptions.DEFAULT.withClock(clock).withBusyTimeout(Duration.ofMillis(10)).withBusyAttempts(2));
    try (Connection other = TestStores.raw(store); Statement s = other.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      assertThatThrownBy(() -> store.transact(tx -> tx.log(Messages.LIBRARY_UPDATED, "LIB1", "never")))
          .isInstanceOf(StoreException.class).hasMessageContaining("stayed busy through 2 attempts");
      s.execute("ROLLBACK");
    }
    store.transact(tx -> tx.log(Messages.LIBRARY_UPDATED, "LIB1", "fine again"));
  }
}
