package org.vaultline.library.events;

import java.net.URI;
import java.nio.file.Path;
import org.vaultline.library.store.Store;

/**
 * The appliance for {@link PublisherCrashTest}, run in its own JVM so that it can be killed: commits
 * events one per transaction while its publisher drains them, then idles until killed.
 * Arguments: database file, broker URI, number of events, pause between events in milliseconds.
 */
public final class PublisherChild {
  private PublisherChild() {}

  public static void main(String[] args) throws Exception {
    Store store = Store.open(Path.of(args[0]));
    EventPublisher publisher = new EventPublisher(Wait.settings(URI.create(args[1])),
        OutboxSource.of(store.outbox()), () -> RetainedSnapshot.EMPTY).start();
    int count = Integer.parseInt(args[2]);
    long pause = Long.parseLong(args[3]);
    for (long i = 1; i <= count; i++) {
      long seq = TestEvents.emit(store, i);
      publisher.wake();
      System.out.println("committed " + seq);
      if (pause > 0) {
        Thread.sleep(pause);
      }
    }
    Thread.sleep(Long.MAX_VALUE);
  }
}
