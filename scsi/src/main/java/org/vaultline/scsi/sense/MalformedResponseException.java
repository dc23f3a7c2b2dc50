package org.vaultline.scsi.sense;

import java.util.Optional;

/**
 * Response bytes that do not form what the standard describes: too short, a length field pointing past
 * the end, a reserved code where a valid one is required. Carries the byte offset where parsing failed
 * and, when the parser could keep something, what it decoded up to there.
 */
public class MalformedResponseException extends ScsiException {
  private static final long serialVersionUID = 1L;

  private final int offset;
  private final String reason;
  private final transient Object partial;

  public MalformedResponseException(int offset, String reason) {
    this(offset, reason, null);
  }

  public MalformedResponseException(int offset, String reason, Object partial) {
    super("malformed response at byte " + offset + ": " + reason);
    this.offset = offset;
    this.reason = reason;
    this.partial = partial;
  }

  /** Byte offset (from the start of the response) where the data stopped making sense. */
  public int offset() {
    return offset;
  }

  public String reason() {
    return reason;
  }

  /** What was decoded before the error, when the parser could keep something. */
  public Optional<Object> partial() {
    return Optional.ofNullable(partial);
  }

  /** The same error carrying {@code partial} as what could be decoded. */
  public MalformedResponseException withPartial(Object partial) {
    MalformedResponseException e = new MalformedResponseException(offset, reason, partial);
    e.setStackTrace(getStackTrace());
    return e;
  }
}
