package org.vaultline.library.control;

import org.vaultline.library.drm.NamePattern;

/**
 * TSM name patterns in library commands: {@code *} any run of characters, {@code ?} one character; case ignored.
 * The matching is {@link NamePattern}'s (never exponential, whatever an administrator types).
 */
final class Wildcards {
  private Wildcards() {}

  static boolean hasWildcards(String pattern) {
    return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
  }

  static boolean matches(String pattern, String name) {
    return !pattern.isEmpty() ? new NamePattern(pattern).matches(name) : name.isEmpty();
  }
}
