package org.vaultline.scsi.ssc;

/** The severity the TapeAlert specification gives each flag: I, W or C, and none for reserved flags. */
public enum TapeAlertSeverity {
  /** I: for information, no action needed now. */
  INFORMATION('I'),
  /** W: a warning; data may be at risk if ignored. */
  WARNING('W'),
  /** C: critical; act now, data is at risk. */
  CRITICAL('C'),
  /** A reserved flag number: no severity defined. */
  NONE('-');

  private final char letter;

  TapeAlertSeverity(char letter) {
    this.letter = letter;
  }

  /** The one-letter form used in the TapeAlert tables. */
  public char letter() {
    return letter;
  }
}
