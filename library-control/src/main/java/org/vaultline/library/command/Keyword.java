package org.vaultline.library.command;

import java.util.Locale;
import java.util.Objects;

/**
 * A TSM command keyword with its minimum abbreviation, written the way IBM's syntax diagrams write it: the
 * upper-case head is what must be typed, the lower-case tail may follow ({@code WHERESTate} accepts
 * {@code WHEREST}, {@code WHERESTA}, ... {@code WHERESTATE}, in any case).
 *
 * @param word the full keyword in upper case
 * @param minimum how many leading characters must be typed
 */
public record Keyword(String word, int minimum) {
  public Keyword {
    Objects.requireNonNull(word, "word");
    if (minimum < 1 || minimum > word.length()) {
      throw new IllegalArgumentException("minimum " + minimum + " does not fit " + word);
    }
  }

  /** From diagram notation: {@code Keyword.of("COUrier")} is COURIER with minimum 3. */
  public static Keyword of(String diagram) {
    int min = 0;
    while (min < diagram.length() && !Character.isLowerCase(diagram.charAt(min))) {
      min++;
    }
    return new Keyword(diagram.toUpperCase(Locale.ROOT), Math.max(1, min));
  }

  /** True when {@code text} is this keyword or an abbreviation at least {@link #minimum()} long, ignoring case. */
  public boolean matches(String text) {
    int n = text.length();
    return n >= minimum && n <= word.length() && word.regionMatches(true, 0, text, 0, n);
  }

  /** The diagram form ({@code WHERESTate}). */
  public String diagram() {
    return word.substring(0, minimum) + word.substring(minimum).toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return word;
  }
}
