package org.vaultline.emulator.fault;

import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;

/**
 * A misbehaviour scripted from a test, fired once when its {@link Trigger} matches (the way OkHttp's
 * MockWebServer scripts socket policies). Each kind is a record; the set is closed.
 */
public sealed interface Fault {

  Trigger trigger();

  /** The command is not executed and ends with CHECK CONDITION carrying {@code sense}. */
  record CheckCondition(Trigger trigger, Sense sense) implements Fault {
  }

  /**
   * A unit attention is raised for every initiator of the unit just before the triggering command,
   * which then reports it (SAM-5 5.14).
   */
  record UnitAttention(Trigger trigger, int asc, int ascq) implements Fault {
    public Sense sense() {
      return Sense.of(SenseKey.UNIT_ATTENTION, asc, ascq);
    }
  }

  /** The command is not executed; status BUSY, no sense. */
  record Busy(Trigger trigger) implements Fault {
  }

  /**
   * The command does not answer within its timeout; the transport gives up with a TransportException
   * after the request's timeout has passed on the emulator clock. {@code executed}: whether the command
   * still took effect (a MOVE MEDIUM that did move), which is what makes timeouts hard for callers.
   */
  record Stall(Trigger trigger, boolean executed) implements Fault {
  }

  /**
   * The connection drops: TransportException at once and for every later command on the same
   * transport; a new transport from the library is a new connection.
   */
  record DropConnection(Trigger trigger, boolean executed) implements Fault {
  }

  /** The command executes but only {@code bytes} of its data-in arrive (residual set accordingly). */
  record ShortData(Trigger trigger, int bytes) implements Fault {
    public ShortData {
      if (bytes < 0) {
        throw new IllegalArgumentException("negative length " + bytes);
      }
    }
  }

  static Fault checkCondition(Trigger t, SenseKey key, int asc, int ascq) {
    return new CheckCondition(t, Sense.of(key, asc, ascq));
  }
}
