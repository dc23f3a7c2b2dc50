package org.vaultline.emulator.target;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.vaultline.emulator.Initiator;
import org.vaultline.emulator.personality.SenseCode;
import org.vaultline.scsi.sense.SenseKey;

/**
 * Pending UNIT ATTENTION conditions of one logical unit, per initiator (SAM-5 5.14). A power-on is kept
 * as an epoch: an initiator that has not spoken since the last power-on gets 6/29/00 first, which
 * replaces whatever else was pending for it, as a reset does.
 */
public final class UnitAttentions {
  private final Map<Initiator, Deque<SenseCode>> pending = new HashMap<>();
  private final Map<Initiator, Long> seenEpoch = new HashMap<>();
  private long epoch = 1;

  /** A power-on or reset: every initiator will see 6/29/00. */
  public synchronized void powerOn() {
    epoch++;
    pending.clear();
  }

  /** Marks {@code who} as having seen the current power-on (it connected before this library existed). */
  public synchronized void acknowledgePowerOn(Initiator who) {
    seenEpoch.put(who, epoch);
  }

  /** Raises {@code asc}/{@code ascq} for every initiator that has talked to this unit. */
  public synchronized void raise(int asc, int ascq) {
    SenseCode s = SenseCode.of(SenseKey.UNIT_ATTENTION, asc, ascq);
    for (Map.Entry<Initiator, Deque<SenseCode>> e : pending.entrySet()) {
      if (!e.getValue().contains(s)) {
        e.getValue().addLast(s);
      }
    }
  }

  /** Raises a condition for one initiator only. */
  public synchronized void raise(Initiator who, int asc, int ascq) {
    SenseCode s = SenseCode.of(SenseKey.UNIT_ATTENTION, asc, ascq);
    Deque<SenseCode> q = pending.computeIfAbsent(who, k -> new ArrayDeque<>());
    if (!q.contains(s)) {
      q.addLast(s);
    }
  }

  /** The condition to report to {@code who} now, removed from its queue; empty when none is pending. */
  public synchronized Optional<SenseCode> take(Initiator who) {
    Deque<SenseCode> q = pending.computeIfAbsent(who, k -> new ArrayDeque<>());
    if (seenEpoch.getOrDefault(who, 0L) != epoch) {
      seenEpoch.put(who, epoch);
      q.clear();
      return Optional.of(SenseCode.of(SenseKey.UNIT_ATTENTION, 0x29, 0x00));
    }
    return Optional.ofNullable(q.pollFirst());
  }

  /** Whether something is pending for {@code who}, without taking it. */
  public synchronized boolean isPending(Initiator who) {
    return seenEpoch.getOrDefault(who, 0L) != epoch
        || !pending.getOrDefault(who, new ArrayDeque<>()).isEmpty();
  }

  /** Every initiator that has talked to this unit. */
  public synchronized java.util.Set<Initiator> known() {
    return java.util.Set.copyOf(pending.keySet());
  }

  /** Registers {@code who} so that later conditions reach it. */
  public synchronized void register(Initiator who) {
    pending.computeIfAbsent(who, k -> new ArrayDeque<>());
  }
}
