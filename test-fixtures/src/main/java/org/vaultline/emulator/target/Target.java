package org.vaultline.emulator.target;

import org.vaultline.emulator.CheckCondition;
import org.vaultline.emulator.Initiator;
import org.vaultline.scsi.transport.ScsiRequest;

/**
 * The SCSI side of one logical unit: turns a request into a reply, under the library lock. Unit
 * attentions, faults, logging and timing are the {@link org.vaultline.emulator.UnitTransport}'s business, not this one's.
 */
public interface Target {

  /** What this unit answers; CHECK CONDITION as the exception. */
  Reply execute(Initiator initiator, ScsiRequest request) throws CheckCondition;

  /**
   * Runs under the library lock before the unit-attention check of every command: a drive raises
   * 6/28/00 here for a cartridge that has become ready since {@code initiator} last looked.
   */
  default void beforeCommand(Initiator initiator) {
  }

  /** The unit's pending unit attentions. */
  UnitAttentions attentions();
}
