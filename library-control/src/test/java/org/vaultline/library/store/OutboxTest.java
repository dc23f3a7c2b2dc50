package org.vaultline.library.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transactional outbox as the MQTT publisher drains it, and its limits. */
class OutboxTest {
  @TempDir Path dir;
  final MutableClock clock = new MutableClock();
  Store store;

  @AfterEach
  void close() {
    store.close();
  }

  private void open(OutboxLimits limits) {
    store = Store.open(dir.resolve("vaultline.db"), StoreOptions.DEFAULT.withClock(clock).withOutboxLimits(limits));
  }

  private long emit(int n) {
    return store.write(tx -> {
      tx.log(Messages.VOLUME_UPDATED, "V" + n, "LIB1", "event " + n);
      return tx.event(EventCategory.DRM, "{\"n\":" + n + "}");
    });
  }

  private List<ActivityLogEntry> log(int msgno) {
    return store.read(r -> r.activityLog().query(ActlogQuery.all().messageNumber(msgno)));
  }

  @Test
  void thePublisherReadsUnpublishedEventsInSeqOrderInBatches() {
    open(OutboxLimits.DEFAULT);
    for (int i = 1; i <= 25; i++) {
      assertThat(emit(i)).isEqualTo(i);
    }
    List<Long> seen = new ArrayList<>();
    long last = 0;
    while (true) {
      List<OutboxEvent> batch = store.outbox().unpublishedAfter(last, 10);
      if (batch.isEmpty()) {
        break;
      }
      assertThat(batch.size()).isLessThanOrEqualTo(10);
      for (OutboxEvent e : batch) {
        seen.add(e.seq());
        assertThat(e.payload()).isEqualTo("{\"n\":" + e.seq() + "}");
        assertThat(e.published()).isEmpty();
      }
      last = batch.get(batch.size() - 1).seq();
    }
    assertThat(seen).hasSize(25).isSorted().startsWith(1L).endsWith(25L);
  }

  @Test
  void publishedEventsAreNotReadAgain() {
    open(OutboxLimits.DEFAULT);
    for (int i = 1; i <= 5; i++) {
      emit(i);
    }
    assertThat(store.outbox().markPublished(1)).isTrue();
    assertThat(store.outbox().markPublished(1)).isFalse();
    assertThat(store.outbox().markPublished(99)).isFalse();
    assertThat(store.outbox().unpublished(10)).extracting(OutboxEvent::seq).containsExactly(2L, 3L, 4L, 5L);
    assertThat(store.outbox().markPublishedThrough(3)).isEqualTo(2);
    assertThat(store.outbox().unpublished(10)).extracting(OutboxEvent::seq).containsExactly(4L, 5L);
    assertThat(store.outbox().range(1, 5)).extracting(e -> e.published().isPresent())
        .containsExactly(true, true, true, false, false);
    OutboxStatus s = store.outbox().status();
    assertThat(s.lastSeq()).isEqualTo(5);
    assertThat(s.unpublished()).isEqualTo(2);
    assertThat(s.published()).isEqualTo(3);
    assertThat(s.oldestUnpublishedSeq()).contains(4L);
    assertThat(s.oldestUnpublishedCreated()).contains(clock.instant());
    assertThat(s.level()).isEqualTo(OutboxStatus.Level.NORMAL);
  }

  @Test
  void markingPublishedNeedsNoActivityLogRow() {
    open(OutboxLimits.DEFAULT);
    emit(1);
    long before = TestStores.count(store, "activity_log");
    store.outbox().markPublished(1);
    assertThat(TestStores.count(store, "activity_log")).isEqualTo(before);
  }

  @Test
  void oldPublishedEventsAreRemovedButTheirSeqsAreNeverReused() {
    open(OutboxLimits.DEFAULT);
    for (int i = 1; i <= 3; i++) {
      emit(i);
    }
    store.outbox().markPublishedThrough(3);
    clock.advance(Duration.ofDays(8));
    OutboxStatus s = store.outbox().housekeep();
    assertThat(s.published()).isZero();
    assertThat(s.lastSeq()).isEqualTo(3);
    assertThat(TestStores.count(store, "outbox")).isZero();
    store.close();
    open(OutboxLimits.DEFAULT);
    assertThat(emit(4)).isEqualTo(4);
  }

  @Test
  void tooManyUnpublishedEventsDiscardsTheOldestLoudly() {
    open(new OutboxLimits(10, Duration.ofDays(30), 0.8, Duration.ofDays(7)));
    for (int i = 1; i <= 15; i++) {
      emit(i);
    }
    assertThat(store.outbox().status().level()).isEqualTo(OutboxStatus.Level.OVER_LIMIT);
    OutboxStatus s = store.outbox().housekeep();
    // seq 1..6 discarded; 7..15 kept, and 16 announces the discard
    assertThat(store.outbox().unpublished(100)).extracting(OutboxEvent::seq)
        .containsExactly(7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L);
    OutboxEvent alert = store.outbox().unpublishedAfter(15, 1).get(0);
    assertThat(alert.category()).isEqualTo(EventCategory.ALERTS);
    assertThat(alert.payload()).isEqualTo("{\"type\":\"outbox.discarded\",\"firstSeq\":1,\"lastSeq\":6,\"count\":6}");
    assertThat(s.discarded()).isEqualTo(6);
    assertThat(s.unpublished()).isEqualTo(10);
    assertThat(s.level()).isEqualTo(OutboxStatus.Level.WARNING);
    assertThat(log(11)).singleElement().satisfies(e -> assertThat(e.message().text())
        .contains("discarded 6 unpublished events, seq 1 to 6"));
    assertThat(log(10)).hasSize(1);
    long discardRows = TestStores.count(store, "outbox_discard");
    assertThat(discardRows).isEqualTo(1);
  }

  @Test
  void eventsOlderThanTheAgeLimitAreDiscardedLoudly() {
    open(new OutboxLimits(1000, Duration.ofDays(2), 0.5, Duration.ofDays(7)));
    emit(1);
    emit(2);
    clock.advance(Duration.ofDays(1));
    emit(3);
    assertThat(store.outbox().housekeep().level()).isEqualTo(OutboxStatus.Level.WARNING);
    assertThat(log(10)).hasSize(1);
    clock.advance(Duration.ofDays(1).plusSeconds(1));
    OutboxStatus s = store.outbox().housekeep();
    assertThat(s.discarded()).isEqualTo(2);
    assertThat(store.outbox().unpublished(10)).extracting(OutboxEvent::seq).containsExactly(3L, 4L);
    assertThat(log(11)).hasSize(1);
  }

  @Test
  void theWarningIsLoggedOnceAndTheRecoveryToo() {
    open(new OutboxLimits(10, Duration.ofDays(30), 0.5, Duration.ofDays(7)));
    for (int i = 1; i <= 6; i++) {
      emit(i);
    }
    assertThat(store.outbox().housekeep().level()).isEqualTo(OutboxStatus.Level.WARNING);
    store.outbox().housekeep();
    assertThat(log(10)).hasSize(1);
    assertThat(log(12)).isEmpty();
    store.outbox().markPublishedThrough(6);
    assertThat(store.outbox().housekeep().level()).isEqualTo(OutboxStatus.Level.NORMAL);
    store.outbox().housekeep();
    assertThat(log(12)).hasSize(1);
    assertThat(store.outbox().status().discarded()).isZero();
  }

  @Test
  void aReaderPollingWhileWritersCommitSeesSeqsInOrderWithoutGaps() throws Exception {
    open(OutboxLimits.DEFAULT);
    int total = 400;
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      Thread t = new Thread(() -> {
        try {
          for (int i = 0; i < total / 4; i++) {
            emit(i);
          }
        } catch (Throwable e) {
          failure.set(e);
        }
      });
      writers.add(t);
      t.start();
    }
    Thread finisher = new Thread(() -> {
      for (Thread t : writers) {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      done.set(true);
    });
    finisher.start();
    long expected = 1;
    while (expected <= total) {
      boolean finished = done.get();
      for (OutboxEvent e : store.outbox().unpublishedAfter(expected - 1, 50)) {
        assertThat(e.seq()).isEqualTo(expected);
        store.outbox().markPublished(e.seq());
        expected++;
      }
      if (finished && expected <= total && store.outbox().unpublishedAfter(expected - 1, 1).isEmpty()) {
        break;
      }
    }
    finisher.join();
    assertThat(failure.get()).isNull();
    assertThat(expected).isEqualTo(total + 1);
  }
}
