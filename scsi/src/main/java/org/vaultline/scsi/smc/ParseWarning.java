package org.vaultline.scsi.smc;

import org.vaultline.scsi.bytes.Bytes;

/**
 * Something a tolerant parser found wrong in a response and worked around instead of failing: what it
 * did is in {@code message}, the bytes concerned (possibly shortened) in {@code raw}.
 *
 * @param offset byte offset from the start of the response
 * @param message what was wrong and what the parser did about it
 * @param raw the bytes concerned; at most {@link #MAX_RAW} of them
 */
public record ParseWarning(int offset, String message, Bytes raw) {
  /** Raw bytes kept per warning; a warning about a long stretch keeps only its start. */
  public static final int MAX_RAW = 64;

  public ParseWarning {
    raw = raw.prefix(MAX_RAW);
  }

  @Override
  public String toString() {
    return "at byte " + offset + ": " + message + (raw.isEmpty() ? "" : " [" + raw + "]");
  }
}
