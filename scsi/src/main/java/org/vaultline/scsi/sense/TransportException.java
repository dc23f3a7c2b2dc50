package org.vaultline.scsi.sense;

/**
 * The command's outcome is unknown: the connection dropped, the command timed out, the host adapter or
 * the driver reported an error. A caller must not assume the command did or did not take effect (a
 * MOVE MEDIUM may have moved the cartridge); it re-reads state before acting again.
 */
public class TransportException extends ScsiException {
  private static final long serialVersionUID = 1L;

  public TransportException(String message) {
    super(message);
  }

  public TransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
