package org.vaultline.library.robot;

import java.util.Optional;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.smc.ElementAddress;

/**
 * A robot operation (move, mount, dismount) that did not happen, or whose outcome is not what was asked.
 * The message reads for an operator; {@link #reason()} is for code; {@link #cartridgeAt()} is where the
 * library says the cartridge is after the failure (REFERENCE §1: the cartridge is where the library says
 * it is, never where we hoped).
 */
public final class RobotException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What went wrong, for callers that act on it. */
  public enum Reason {
    /** The library has no element at an address (or 5/21/01, or IBM 5/3B/82 for an empty drive bay). */
    NO_SUCH_ELEMENT,
    /** A medium transport is not a source or a destination; source and destination are the same. */
    INVALID_REQUEST,
    /** The source element is empty (before the move, or 5/3B/0E). */
    SOURCE_EMPTY,
    /** The destination element is full (before the move, or 5/3B/0D). */
    DESTINATION_FULL,
    /** The volume is in none of the library's elements. */
    VOLUME_NOT_FOUND,
    /** Another cartridge is at the source than the one asked for, or the label is on several cartridges. */
    VOLUME_MISMATCH,
    /** The robot cannot reach an element (I/O station door open, magazine out). */
    NOT_ACCESSIBLE,
    /** The drive kept its cartridge (5/53/02) after unloading. */
    REMOVAL_PREVENTED,
    /** The library stayed not ready (paused, door open, initializing) beyond the retries. */
    NOT_READY,
    /** The library reported the move done but element status did not show it within the time allowed. */
    NOT_COMPLETED,
    /** The command's outcome is unknown (transport failure) and element status could not settle it. */
    OUTCOME_UNKNOWN,
    /** The library refused the move for another reason (the sense says which). */
    REFUSED,
    /** No tape device is known for the drive, so it cannot be unloaded or checked for readiness. */
    NO_DRIVE_PATH,
    /** A drive command (REWIND, LOAD UNLOAD) failed. */
    DRIVE_ERROR,
    /** The mounted drive did not become ready. */
    DRIVE_NOT_READY,
    /** The move journal could not record the intent; nothing was sent. */
    JOURNAL,
    /** The element status could not be read to check the move. */
    STATUS_UNREADABLE
  }

  private final Reason reason;
  private final transient Optional<ElementAddress> cartridgeAt;
  private final transient Optional<Sense> sense;

  public RobotException(Reason reason, String message, Optional<ElementAddress> cartridgeAt, Optional<Sense> sense,
      Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.cartridgeAt = cartridgeAt;
    this.sense = sense;
  }

  public RobotException(Reason reason, String message) {
    this(reason, message, Optional.empty(), Optional.empty(), null);
  }

  public Reason reason() {
    return reason;
  }

  /** Where the library shows the cartridge after the failure, when that is known. */
  public Optional<ElementAddress> cartridgeAt() {
    return cartridgeAt;
  }

  /** The sense the library answered with, when it answered with one. */
  public Optional<Sense> sense() {
    return sense;
  }
}
