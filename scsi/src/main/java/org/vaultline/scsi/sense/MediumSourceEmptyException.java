package org.vaultline.scsi.sense;

/** SMC: the source element of a MOVE MEDIUM or EXCHANGE MEDIUM is empty (5/3B/0E). Nothing moved. */
public class MediumSourceEmptyException extends CheckConditionException {
  private static final long serialVersionUID = 1L;

  public MediumSourceEmptyException(String command, Sense sense) {
    super(command, sense);
  }
}
