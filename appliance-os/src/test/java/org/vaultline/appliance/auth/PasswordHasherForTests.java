package org.vaultline.appliance.auth;

import java.security.SecureRandom;

/** A hasher with few iterations, so tests in other packages do not spend a second per login. */
public final class PasswordHasherForTests {
  private PasswordHasherForTests() {}

  public static PasswordHasher fast() {
    return new PasswordHasher(1000, new SecureRandom());
  }
}
