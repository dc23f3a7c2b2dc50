package org.vaultline.device.iscsi;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * The transports of one normal session: made by the target's {@link LunFactory}s on the session's first
 * command to each LUN, and closed together when the session ends.
 */
final class SessionLuns {
  private static final System.Logger LOG = System.getLogger(SessionLuns.class.getName());

  private final InitiatorId initiator;
  private final Map<Integer, LunFactory> factories;
  private final Map<Integer, ScsiTransport> open = new HashMap<>();
  private boolean closed;

  SessionLuns(InitiatorId initiator, Map<Integer, LunFactory> factories) {
    this.initiator = initiator;
    this.factories = factories;
  }

  InitiatorId initiator() {
    return initiator;
  }

  /**
   * The session's transport to {@code lun}, made on first use.
   *
   * @throws IllegalStateException when the session has ended or the factory gave nothing
   * @throws IllegalArgumentException when the target has no such LUN
   */
  synchronized ScsiTransport transport(int lun) {
    if (closed) {
      throw new IllegalStateException("session of " + initiator + " has ended");
    }
    ScsiTransport t = open.get(lun);
    if (t != null) {
      return t;
    }
    LunFactory f = factories.get(lun);
    if (f == null) {
      throw new IllegalArgumentException("no LUN " + lun);
    }
    t = f.open(initiator);
    if (t == null) {
      throw new IllegalStateException("the factory of LUN " + lun + " gave no transport for " + initiator);
    }
    open.put(lun, t);
    return t;
  }

  /** Closes every transport made so far; later {@link #transport} calls fail. Idempotent. */
  void close() {
    List<ScsiTransport> toClose;
    synchronized (this) {
      closed = true;
      toClose = new ArrayList<>(open.values());
      open.clear();
    }
    for (ScsiTransport t : toClose) {
      try {
        t.close();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "closing {0} for {1} failed: {2}", t.describe(), initiator, e.toString());
      }
    }
  }
}
