package org.vaultline.appliance.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.vaultline.scsi.bytes.Bytes;

/**
 * Hashes and checks administrator passwords with the JDK's PBKDF2WithHmacSHA256. 210,000 iterations is OWASP's
 * 2023 recommendation for PBKDF2-HMAC-SHA256; stored hashes keep their own count, so raising it later only
 * affects new passwords ({@link #needsRehash}).
 */
public final class PasswordHasher {
  public static final int DEFAULT_ITERATIONS = 210_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;

  private final int iterations;
  private final SecureRandom random;
  private final java.util.concurrent.atomic.AtomicLong derivations = new java.util.concurrent.atomic.AtomicLong();

  public PasswordHasher() {
    this(DEFAULT_ITERATIONS, new SecureRandom());
  }

  /** Fewer iterations are for tests only; production uses {@link #PasswordHasher()}. */
  PasswordHasher(int iterations, SecureRandom random) {
    this.iterations = iterations;
    this.random = random;
  }

  public PasswordHash hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return new PasswordHash(iterations, Bytes.of(salt), Bytes.of(derive(password, salt, iterations, HASH_BYTES)));
  }

  /** True when {@code password} is the one hashed; the comparison takes the same time wherever they differ. */
  public boolean verify(char[] password, PasswordHash stored) {
    derivations.incrementAndGet();
    byte[] actual = derive(password, stored.salt().toByteArray(), stored.iterations(), stored.hash().size());
    byte[] expected = stored.hash().toByteArray();
    try {
      return MessageDigest.isEqual(actual, expected);
    } finally {
      Arrays.fill(actual, (byte) 0);
    }
  }

  /** True when a hash was made with fewer iterations than this hasher uses. */
  public boolean needsRehash(PasswordHash stored) {
    return stored.iterations() < iterations;
  }

  int iterations() {
    return iterations;
  }

  /** How many PBKDF2 derivations this hasher has run (what logins cost, for tests). */
  long derivations() {
    return derivations.get();
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no PBKDF2WithHmacSHA256", e);
    } finally {
      spec.clearPassword();
    }
  }
}
