package org.vaultline.scsi.sense;

/** ILLEGAL REQUEST, invalid field in CDB (5/24/00): a READ ELEMENT STATUS asked for too much (TS4500 above 5,376 elements) or an option the device does not have; callers retry with less. */
public class InvalidFieldInCdbException extends CheckConditionException {
  private static final long serialVersionUID = 1L;

  public InvalidFieldInCdbException(String command, Sense sense) {
    super(command, sense);
  }
}
