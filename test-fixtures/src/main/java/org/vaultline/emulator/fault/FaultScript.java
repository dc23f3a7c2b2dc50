package org.vaultline.emulator.fault;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** The faults waiting on one logical unit, each with its own command count since injection. */
public final class FaultScript {

  private static final class Pending {
    final Fault fault;
    int seen;

    Pending(Fault fault) {
      this.fault = fault;
    }
  }

  private final List<Pending> pending = new ArrayList<>();

  public synchronized void add(Fault f) {
    pending.add(new Pending(f));
  }

  public synchronized void clear() {
    pending.clear();
  }

  public synchronized int size() {
    return pending.size();
  }

  /**
   * Counts one command with {@code opcode} against every pending fault and returns (and removes) the
   * first one whose trigger matches.
   */
  public synchronized Optional<Fault> next(int opcode) {
    Fault fired = null;
    Iterator<Pending> it = pending.iterator();
    while (it.hasNext()) {
      Pending p = it.next();
      p.seen++;
      boolean match = p.fault.trigger() instanceof Trigger.NthCommand n ? p.seen == n.n()
          : ((Trigger.Opcode) p.fault.trigger()).opcode() == opcode;
      if (match && fired == null) {
        fired = p.fault;
        it.remove();
      }
    }
    return Optional.ofNullable(fired);
  }
}
