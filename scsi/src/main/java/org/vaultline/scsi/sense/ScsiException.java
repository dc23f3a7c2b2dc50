package org.vaultline.scsi.sense;

/**
 * Root of every error the SCSI layer reports: a device that answered with CHECK CONDITION
 * ({@link CheckConditionException}), a transport that could not say what happened
 * ({@link TransportException}), or a response that does not parse ({@link MalformedResponseException}).
 */
public abstract class ScsiException extends Exception {
  private static final long serialVersionUID = 1L;

  protected ScsiException(String message) {
    super(message);
  }

  protected ScsiException(String message, Throwable cause) {
    super(message, cause);
  }
}
