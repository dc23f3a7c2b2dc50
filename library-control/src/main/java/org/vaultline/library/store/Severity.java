package org.vaultline.library.store;

/**
 * The severity letter that ends a message ID ({@code VLN0110I}), as in TSM's ANR/ANS messages.
 */
public enum Severity {
  /** I: information, nothing to do. */
  INFORMATION('I'),
  /** W: something an administrator should look at; the operation went on. */
  WARNING('W'),
  /** E: the operation failed. */
  ERROR('E'),
  /** S: severe, the server cannot go on with this part of its work. */
  SEVERE('S');

  private final char letter;

  Severity(char letter) {
    this.letter = letter;
  }

  public char letter() {
    return letter;
  }

  public static Severity ofLetter(char letter) {
    for (Severity s : values()) {
      if (s.letter == letter) {
        return s;
      }
    }
    throw new IllegalArgumentException("a message severity is one of I, W, E, S, not '" + letter + "'");
  }
}
