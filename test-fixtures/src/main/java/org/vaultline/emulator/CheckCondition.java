package org.vaultline.emulator;

import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;

/**
 * Thrown inside the emulator when a command ends with CHECK CONDITION; the logical unit turns it into a
 * {@link org.vaultline.scsi.transport.ScsiResult} carrying {@link #sense()}.
 */
public final class CheckCondition extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Sense sense;

  public CheckCondition(Sense sense) {
    super(sense.toString(), null, false, false);
    this.sense = sense;
  }

  public static CheckCondition of(SenseKey key, int asc, int ascq) {
    return new CheckCondition(Sense.of(key, asc, ascq));
  }

  public Sense sense() {
    return sense;
  }
}
