package org.vaultline.appliance.schedule;

/** How a scheduled event ended, with the word TSM's QUERY EVENT prints and the store keeps. */
public enum RunResult {
  /** The command ran and reported no error. */
  COMPLETED("Completed"),
  /** The command ran and reported an error, or could not be run. */
  FAILED("Failed"),
  /** The startup window passed without the command being started (the server was down or the schedule busy). */
  MISSED("Missed");

  private final String word;

  RunResult(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }
}
