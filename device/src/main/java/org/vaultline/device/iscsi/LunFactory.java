package org.vaultline.device.iscsi;

import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * Gives each iSCSI session of an {@link IscsiTarget} its own transport to one logical unit, so that the
 * unit can keep per-initiator state (unit attentions, SAM-5 5.14; PREVENT MEDIUM REMOVAL) as real
 * targets do. The target calls {@link #open} once per session and LUN, on the session's first
 * command to that LUN, on the session's own thread, and closes the transport when the session ends
 * (logout, dropped connection, reinstatement, target shutdown). A reinstated session (same InitiatorName
 * and ISID) is given an equal {@link InitiatorId}.
 */
@FunctionalInterface
public interface LunFactory {

  /**
   * The transport for {@code initiator}'s session. A RuntimeException (or null) fails that command with
   * iSCSI response "target failure"; the next command asks again.
   */
  ScsiTransport open(InitiatorId initiator);

  /**
   * One transport shared by every session, which the target never closes: it belongs to the caller.
   * Initiators are then indistinguishable to the unit.
   */
  static LunFactory shared(ScsiTransport transport) {
    if (transport == null) {
      throw new IllegalArgumentException("no transport");
    }
    ScsiTransport view = new ScsiTransport() {
      @Override
      public ScsiResult execute(ScsiRequest request) throws TransportException {
        return transport.execute(request);
      }

      @Override
      public String describe() {
        return transport.describe();
      }

      @Override
      public void close() {
        // the caller's transport, shared with other sessions
      }
    };
    return initiator -> view;
  }
}
