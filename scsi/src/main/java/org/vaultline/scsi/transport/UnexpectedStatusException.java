package org.vaultline.scsi.transport;

import org.vaultline.scsi.sense.ScsiException;

/**
 * The device answered with a status other than GOOD or CHECK CONDITION and retries did not help: BUSY or
 * TASK SET FULL that persisted, RESERVATION CONFLICT (another initiator holds a reservation), ACA ACTIVE.
 * The command was not executed.
 */
public class UnexpectedStatusException extends ScsiException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public UnexpectedStatusException(String command, int status) {
    super(command + ": device returned " + ScsiStatus.describe(status));
    this.status = status;
  }

  public int status() {
    return status;
  }
}
