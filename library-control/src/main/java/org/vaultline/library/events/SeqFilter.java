package org.vaultline.library.events;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Remembers which seqs of each appliance were seen, to drop the repeats at-least-once delivery brings.
 * Per appliance it keeps a floor (every seq at or below it counts as seen) and the seqs seen above it.
 * The floor starts just below the first seq seen (a follower that joins late does not print older events
 * that a reconnection re-sends) and rises over every run of consecutive seqs; gaps (events discarded by
 * the outbox limits) are skipped once {@code maxPending} seqs wait above one.
 */
final class SeqFilter {
  private final int maxPending;
  private final Map<String, Window> windows = new HashMap<>();

  private static final class Window {
    long floor;
    final TreeSet<Long> above = new TreeSet<>();
  }

  SeqFilter(int maxPending) {
    if (maxPending < 1) {
      throw new IllegalArgumentException("maxPending must be positive");
    }
    this.maxPending = maxPending;
  }

  /** Whether this is the first time {@code seq} of {@code appliance} is seen. */
  synchronized boolean firstTime(String appliance, long seq) {
    Window w = windows.get(appliance);
    if (w == null) {
      w = new Window();
      w.floor = seq - 1;
      windows.put(appliance, w);
    }
    if (seq <= w.floor || !w.above.add(seq)) {
      return false;
    }
    while (!w.above.isEmpty() && w.above.first() == w.floor + 1) {
      w.floor = w.above.pollFirst();
    }
    if (w.above.size() > maxPending) {
      w.floor = w.above.pollFirst();
      while (!w.above.isEmpty() && w.above.first() == w.floor + 1) {
        w.floor = w.above.pollFirst();
      }
    }
    return true;
  }
}
