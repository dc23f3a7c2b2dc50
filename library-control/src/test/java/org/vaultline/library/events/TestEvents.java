package org.vaultline.library.events;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.vaultline.library.store.EventCategory;
import org.vaultline.library.store.Messages;
import org.vaultline.library.store.Store;

/** Events written through the real store: one SQLite transaction per event, as the DRM code will. */
final class TestEvents {
  private TestEvents() {}

  static Store open(Path dir) {
    return Store.open(dir.resolve("vaultline.db"));
  }

  static String payload(long n) {
    return EventPayload.of("test.event", "Test event " + n + ".").with("n", n).json();
  }

  /** Commits one event with an activity-log row, as every state change does; returns its seq. */
  static long emit(Store store, long n) {
    return emit(store, EventCategory.DRM, payload(n));
  }

  static long emit(Store store, EventCategory category, String payloadJson) {
    return store.write(tx -> {
      tx.log(Messages.VOLUME_UPDATED, "V1", "LIB1", "test event");
      return tx.event(category, payloadJson);
    });
  }

  /** A DRM transition of {@code volume} to {@code state} that also updates its retained topic. */
  static String transition(String volume, String state) {
    return EventPayload.of("drm.transition", "Volume " + volume + " is now " + state + ".")
        .with("volume", volume).with("to", state)
        .volumeState(new VolumeState(volume, state, Optional.of(state), Optional.of("LIB1"), "CopyStgPool",
            Optional.of("COPYPOOL")))
        .json();
  }

  /** Commits {@code count} events in a background thread, waking the publisher after each. */
  static final class Writer extends Thread {
    private final Store store;
    private final int count;
    private final EventPublisher publisher;
    final AtomicLong committed = new AtomicLong();
    volatile RuntimeException failure;

    Writer(Store store, int count, EventPublisher publisher) {
      super("test-event-writer");
      this.store = store;
      this.count = count;
      this.publisher = publisher;
      setDaemon(true);
    }

    @Override
    public void run() {
      try {
        for (int i = 1; i <= count; i++) {
          committed.set(emit(store, i));
          if (publisher != null) {
            publisher.wake();
          }
        }
      } catch (RuntimeException e) {
        failure = e;
      }
    }

    void finish() throws InterruptedException {
      join(120_000);
      if (failure != null) {
        throw failure;
      }
    }
  }
}
