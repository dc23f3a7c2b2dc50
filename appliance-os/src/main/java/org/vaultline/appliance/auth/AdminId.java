package org.vaultline.appliance.auth;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An administrator ID, as TSM's REGISTER ADMIN takes it: 1 to 64 letters, digits and {@code . - _ + & @},
 * case-insensitive (kept in upper case).
 */
public record AdminId(String name) {
  private static final Pattern VALID = Pattern.compile("[A-Z0-9._\\-+&@]{1,64}");

  public AdminId {
    name = name.toUpperCase(Locale.ROOT);
    if (!VALID.matcher(name).matches()) {
      throw new IllegalArgumentException("VLN0757E an administrator ID is 1 to 64 letters, digits or . - _ + & @");
    }
  }

  public static AdminId of(String name) {
    return new AdminId(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
