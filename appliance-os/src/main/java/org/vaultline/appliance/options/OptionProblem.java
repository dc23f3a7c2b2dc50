package org.vaultline.appliance.options;

/**
 * One thing wrong in an options file, in the form an operator greps for:
 * {@code VLN0701E vaultlined.opt line 7: unknown option MQTTBROKERS.}
 *
 * @param line the 1-based line number; 0 when the problem is not on one line (a missing file, two options
 *     that do not go together)
 */
public record OptionProblem(String file, int line, String messageId, String message) {
  @Override
  public String toString() {
    return messageId + " " + file + (line > 0 ? " line " + line : "") + ": " + message;
  }
}
