package org.vaultline.library.robot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vaultline.scsi.smc.ElementAddress;

/**
 * The one queue of a library's robot. Two things are handed out, first come first served:
 *
 * <ul>
 *   <li>elements: an operation (a move, a dismount with its unload) holds its source and destination
 *       from start to end, so no other operation touches them meanwhile. Operations on different
 *       elements go on side by side, which is what lets drives rewind and unload in parallel;</li>
 *   <li>medium transports: MOVE MEDIUM is sent only while holding one, so moves are serialized per
 *       transport (a library with two accessors makes two moves at a time).</li>
 * </ul>
 *
 * Elements are always taken before a transport and all at once, so nothing waits in a circle.
 */
final class RobotQueue {
  private final List<ElementAddress> transports;
  private final Set<ElementAddress> busyTransports = new HashSet<>();
  private final Set<ElementAddress> heldElements = new HashSet<>();
  private final List<Set<ElementAddress>> waitingForElements = new ArrayList<>();
  private final List<Ticket> waitingForTransport = new ArrayList<>();

  /** @param transports the library's medium transports; empty: one, chosen by the library (address 0) */
  RobotQueue(List<ElementAddress> transports) {
    this.transports = transports.isEmpty() ? List.of(ElementAddress.of(0)) : List.copyOf(transports);
  }

  List<ElementAddress> transports() {
    return transports;
  }

  /**
   * Waits until none of {@code elements} is held and no operation that asked earlier for any of them is
   * still waiting, then holds them.
   */
  synchronized void reserve(Set<ElementAddress> elements) throws InterruptedException {
    Set<ElementAddress> mine = new LinkedHashSet<>(elements);
    waitingForElements.add(mine);
    try {
      while (!mayReserve(mine)) {
        wait();
      }
    } finally {
      for (int i = 0; i < waitingForElements.size(); i++) {
        if (waitingForElements.get(i) == mine) {
          waitingForElements.remove(i);
          break;
        }
      }
      notifyAll();
    }
    heldElements.addAll(mine);
  }

  private boolean mayReserve(Set<ElementAddress> mine) {
    for (ElementAddress a : mine) {
      if (heldElements.contains(a)) {
        return false;
      }
    }
    for (Set<ElementAddress> earlier : waitingForElements) {
      if (earlier == mine) {
        return true;
      }
      for (ElementAddress a : mine) {
        if (earlier.contains(a)) {
          return false;
        }
      }
    }
    return true;
  }

  synchronized void release(Set<ElementAddress> elements) {
    heldElements.removeAll(elements);
    notifyAll();
  }

  /**
   * Waits for a medium transport ({@code wanted}, or any) in order of asking and takes it.
   *
   * @throws IllegalArgumentException when {@code wanted} is not one of the library's transports
   */
  synchronized ElementAddress acquireTransport(Optional<ElementAddress> wanted) throws InterruptedException {
    if (wanted.isPresent() && !transports.contains(wanted.get())) {
      throw new IllegalArgumentException("no medium transport " + wanted.get() + "; the library has " + transports);
    }
    Ticket me = new Ticket();
    waitingForTransport.add(me);
    try {
      while (true) {
        if (waitingForTransport.get(0) == me) {
          Optional<ElementAddress> free = freeTransport(wanted);
          if (free.isPresent()) {
            busyTransports.add(free.get());
            return free.get();
          }
        }
        wait();
      }
    } finally {
      waitingForTransport.remove(me);
      notifyAll();
    }
  }

  /** One caller's place in the transport queue (compared by identity). */
  private static final class Ticket {
  }

  private Optional<ElementAddress> freeTransport(Optional<ElementAddress> wanted) {
    for (ElementAddress t : transports) {
      if (!busyTransports.contains(t) && (wanted.isEmpty() || wanted.get().equals(t))) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  synchronized void releaseTransport(ElementAddress transport) {
    busyTransports.remove(transport);
    notifyAll();
  }

  /** Moves waiting for a medium transport. */
  synchronized int movesWaiting() {
    return waitingForTransport.size();
  }

  /** Medium transports busy with a move. */
  synchronized int movesInFlight() {
    return busyTransports.size();
  }
}
