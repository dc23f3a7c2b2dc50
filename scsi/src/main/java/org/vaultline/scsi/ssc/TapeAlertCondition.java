package org.vaultline.scsi.ssc;

/**
 * A TapeAlert flag number with its name and severity. Flag numbers mean different things on a tape
 * drive ({@link TapeAlertFlag}, SSC) and on a media changer ({@link LibraryTapeAlertFlag}, SMC): flag 01h
 * is "Read warning" on one and "Library hardware A" on the other.
 */
public sealed interface TapeAlertCondition permits TapeAlertFlag, LibraryTapeAlertFlag {
  /** The flag number, which is the log parameter code, 1..64. */
  int code();

  /** The flag's name as the TapeAlert tables give it, or "Reserved (xxh)". */
  String text();

  TapeAlertSeverity severity();

  /** The number is reserved (or obsolete) in the current standard. */
  default boolean reserved() {
    return severity() == TapeAlertSeverity.NONE;
  }
}
