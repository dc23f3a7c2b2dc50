package org.vaultline.scsi.sense;

import java.util.OptionalInt;

/**
 * NOT READY (sense key 2): becoming ready 04/01, IBM library paused 04/85, medium not present 3A/00 ...
 * Carries the progress indication when the device reports one.
 */
public class NotReadyException extends CheckConditionException {
  private static final long serialVersionUID = 1L;

  public NotReadyException(String command, Sense sense) {
    super(command, sense);
  }

  /** Progress in percent (0..100) from the sense-key-specific bytes, when given. */
  public OptionalInt progressPercent() {
    return sense().senseKeySpecific()
        .filter(s -> s instanceof SenseKeySpecific.ProgressIndication)
        .map(s -> OptionalInt.of(((SenseKeySpecific.ProgressIndication) s).percent()))
        .orElse(OptionalInt.empty());
  }
}
