package org.vaultline.scsi.sense;

/** UNIT ATTENTION: something changed on the device (power on 29/00, not ready to ready 28/00, import/export element accessed 28/01). The command was not executed; it can be repeated. */
public class UnitAttentionException extends CheckConditionException {
  private static final long serialVersionUID = 1L;

  public UnitAttentionException(String command, Sense sense) {
    super(command, sense);
  }
}
