package org.vaultline.scsi.sense;

/** SMC: the destination element of a MOVE MEDIUM is full (5/3B/0D). Nothing moved. */
public class MediumDestinationFullException extends CheckConditionException {
  private static final long serialVersionUID = 1L;

  public MediumDestinationFullException(String command, Sense sense) {
    super(command, sense);
  }
}
