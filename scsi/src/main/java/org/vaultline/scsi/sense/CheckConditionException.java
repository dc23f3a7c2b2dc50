package org.vaultline.scsi.sense;

/**
 * The device completed the command with CHECK CONDITION. Holds the decoded sense, whose raw bytes are
 * kept in {@link Sense#raw()}. Use {@link #of(String, Sense)} to get the subclass a caller can act on.
 */
public class CheckConditionException extends ScsiException {
  private static final long serialVersionUID = 1L;

  private final transient Sense sense;
  private final String command;

  public CheckConditionException(String command, Sense sense) {
    super(command + ": " + sense);
    this.command = command;
    this.sense = sense;
  }

  /** The name of the command that failed, e.g. {@code MOVE MEDIUM}. */
  public String command() {
    return command;
  }

  public Sense sense() {
    return sense;
  }

  /**
   * The most specific exception for this sense: callers catch the ones they act on. A deferred error
   * (71h/73h) reports the failure of an earlier command, so it is never turned into a subclass that
   * would say what happened to this one (a deferred 3B/0E is not "this MOVE MEDIUM found its source empty").
   */
  public static CheckConditionException of(String command, Sense sense) {
    if (sense.isDeferred()) {
      return new CheckConditionException(command, sense);
    }
    SenseKey key = sense.key();
    int asc = sense.asc();
    int ascq = sense.ascq();
    if (key == SenseKey.ILLEGAL_REQUEST && asc == 0x3B && ascq == 0x0E) {
      return new MediumSourceEmptyException(command, sense);
    }
    if (key == SenseKey.ILLEGAL_REQUEST && asc == 0x3B && ascq == 0x0D) {
      return new MediumDestinationFullException(command, sense);
    }
    if (key == SenseKey.ILLEGAL_REQUEST && asc == 0x24 && ascq == 0x00) {
      return new InvalidFieldInCdbException(command, sense);
    }
    if (key == SenseKey.ILLEGAL_REQUEST && asc == 0x53 && ascq == 0x02) {
      return new MediumRemovalPreventedException(command, sense);
    }
    if (key == SenseKey.NOT_READY) {
      return new NotReadyException(command, sense);
    }
    if (key == SenseKey.UNIT_ATTENTION) {
      return new UnitAttentionException(command, sense);
    }
    return new CheckConditionException(command, sense);
  }
}
