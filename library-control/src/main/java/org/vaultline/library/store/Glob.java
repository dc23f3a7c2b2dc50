package org.vaultline.library.store;

import java.util.Locale;

/**
 * TSM name patterns ({@code A0001*}, {@code ?00017}) as SQLite GLOB patterns, matched against
 * upper-cased text so that the match ignores ASCII case as TSM does.
 */
final class Glob {
  private Glob() {}

  /** {@code *} any run of characters, {@code ?} one character; everything else literal. */
  static String of(String tsmPattern) {
    // GLOB's only other special character is '[' (a character class); "[[]" matches a literal '['.
    return tsmPattern.toUpperCase(Locale.ROOT).replace("[", "[[]");
  }

  /** A pattern matching text that contains {@code tsmPattern} anywhere. */
  static String containing(String tsmPattern) {
    return "*" + of(tsmPattern) + "*";
  }
}
