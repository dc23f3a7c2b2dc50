package org.vaultline.library.control;

import java.util.Locale;

/** TSM name patterns: {@code *} any run of characters, {@code ?} one character; case ignored. */
final class Wildcards {
  private Wildcards() {}

  static boolean hasWildcards(String pattern) {
    return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
  }

  static boolean matches(String pattern, String name) {
    return matches(pattern.toUpperCase(Locale.ROOT), 0, name.toUpperCase(Locale.ROOT), 0);
  }

  private static boolean matches(String p, int i, String s, int j) {
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '*') {
        for (int k = j; k <= s.length(); k++) {
          if (matches(p, i + 1, s, k)) {
            return true;
          }
        }
        return false;
      }
      if (j >= s.length() || c != '?' && c != s.charAt(j)) {
        return false;
      }
      i++;
      j++;
    }
    return j == s.length();
  }
}
