package org.vaultline.scsi.sense;

/** ILLEGAL REQUEST, medium removal prevented (5/53/02): PREVENT ALLOW MEDIUM REMOVAL is in force. */
public class MediumRemovalPreventedException extends CheckConditionException {
  private static final long serialVersionUID = 1L;

  public MediumRemovalPreventedException(String command, Sense sense) {
    super(command, sense);
  }
}
