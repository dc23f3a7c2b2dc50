package org.vaultline.library.drm;

import java.util.Objects;

/**
 * A TSM name pattern: {@code *} matches any run of characters (also none), {@code ?} exactly one, everything else
 * itself, ignoring ASCII case, as TSM compares volume and pool names ({@code A0001*}, {@code ?00017L6}).
 */
public record NamePattern(String pattern) {
  public static final NamePattern ALL = new NamePattern("*");

  public NamePattern {
    Objects.requireNonNull(pattern, "pattern");
    if (pattern.isEmpty()) {
      throw new IllegalArgumentException("an empty pattern matches nothing; use * for everything");
    }
  }

  /** True when the pattern has {@code *} or {@code ?}. */
  public boolean wildcard() {
    return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
  }

  /** Glob match with one backtracking point for the last {@code *}: linear in practice, never exponential. */
  public boolean matches(String name) {
    int p = 0;
    int n = 0;
    int star = -1;
    int starMatch = 0;
    while (n < name.length()) {
      if (p < pattern.length() && (pattern.charAt(p) == '?' || same(pattern.charAt(p), name.charAt(n)))) {
        p++;
        n++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        starMatch = n;
      } else if (star >= 0) {
        p = star + 1;
        n = ++starMatch;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  private static boolean same(char a, char b) {
    if (a == b) {
      return true;
    }
    if (a < 128 && b < 128) {
      return Character.toUpperCase(a) == Character.toUpperCase(b);
    }
    return false;
  }

  @Override
  public String toString() {
    return pattern;
  }
}
