package org.vaultline.library.robot;

import java.util.Objects;
import java.util.Optional;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.smc.ElementAddress;

/**
 * A move that was recorded as intended and then did not complete.
 *
 * @param outcome what element status says happened to the cartridge
 * @param cartridgeAt where the library shows the cartridge, when element status could be read
 * @param sense the library's answer to MOVE MEDIUM, when it gave sense
 */
public record MoveFailure(PlannedMove move, RobotException.Reason reason, Outcome outcome,
    Optional<ElementAddress> cartridgeAt, String message, Optional<Sense> sense) {

  /** What became of the cartridge. */
  public enum Outcome {
    /** Still at the source: the library did not move it. */
    NOT_MOVED,
    /** Somewhere other than source and destination (in the robot's hand). */
    ELSEWHERE,
    /**
     * Not known: element status could not be read, or still showed the move under way when time ran out.
     * A journal keeps the intent open for start-up recovery to settle from element status.
     */
    UNKNOWN
  }

  public MoveFailure {
    Objects.requireNonNull(move, "move");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(cartridgeAt, "cartridgeAt");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(sense, "sense");
  }
}
