package org.vaultline.appliance.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Administrator logins and the authority check: registers administrators with hashed passwords, checks
 * passwords, locks an ID out after repeated failures ({@link LockoutPolicy}), and says whether an administrator may
 * run a command. Used by the admin API and the serial console; pure apart from the repository and the clock.
 *
 * <p>PBKDF2 makes each check cost a deliberate ~0.1 s of CPU. The API authenticates every request, so a password
 * that was checked is remembered for {@link #REMEMBER} as an HMAC under a key that lives only in this process,
 * tied to the stored hash: the same password for the same stored hash is then accepted without PBKDF2. A changed
 * password, a lockout, a removed ID or a wrong password always take the full path (and count as failures).
 */
public final class AdminAuthentication {
  private final AdministratorRepository repository;
  private final PasswordHasher hasher;
  private final LockoutPolicy policy;
  private final Clock clock;
  /** Checked against for unknown IDs, so they take as long as wrong passwords. */
  private final PasswordHash decoy;
  /** How long a checked password is remembered (see the class comment). */
  public static final Duration REMEMBER = Duration.ofMinutes(5);
  private final SecretKeySpec rememberKey;
  private final Map<AdminId, Remembered> remembered = new ConcurrentHashMap<>();

  private record Remembered(PasswordHash stored, byte[] mac, Instant until) {}

  public AdminAuthentication(AdministratorRepository repository, PasswordHasher hasher, LockoutPolicy policy,
      Clock clock) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.decoy = hasher.hash("decoy".toCharArray());
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.rememberKey = new SecretKeySpec(key, "HmacSHA256");
  }

  /** REGISTER ADMIN: a new administrator; IllegalStateException (VLN0754E) when the ID exists. */
  public Administrator register(AdminId id, char[] password, Authority authority) {
    if (repository.find(id).isPresent()) {
      throw new IllegalStateException("VLN0754E Administrator " + id + " is already registered.");
    }
    checkPasswordRules(password);
    Administrator a = Administrator.registered(id, hasher.hash(password), authority);
    repository.save(a);
    return a;
  }

  /** UPDATE ADMIN id password: a new password, which also clears a lockout. */
  public Administrator changePassword(AdminId id, char[] password) {
    Administrator a = repository.find(id).orElseThrow(
        () -> new IllegalStateException("VLN0755E Administrator " + id + " is not registered."));
    checkPasswordRules(password);
    Administrator updated = a.withPassword(hasher.hash(password)).withFailures(0, Optional.empty());
    repository.save(updated);
    return updated;
  }

  /**
   * The hash of a new password, after the password rules (VLN0756E, IllegalArgumentException): for REGISTER ADMIN and
   * UPDATE ADMIN when the caller writes the administrator itself (the daemon, in a transaction of its own).
   */
  public PasswordHash hashNewPassword(char[] password) {
    checkPasswordRules(password);
    return hasher.hash(password);
  }

  /** Checks a login, counting failures and locking the ID out after {@code maxFailures} in a row. */
  public LoginResult login(AdminId id, char[] password) {
    Instant now = clock.instant();
    Optional<Administrator> found = repository.find(id);
    if (found.isEmpty()) {
      hasher.verify(password, decoy);
      return new LoginResult.Rejected(id);
    }
    Administrator a = found.get();
    if (a.lockedAt(now)) {
      return new LoginResult.LockedOut(id, a.lockedUntil().get());
    }
    int failures = a.lockedUntil().isPresent() ? 0 : a.failedAttempts(); // a lockout that has ended starts afresh
    byte[] mac = mac(password);
    if (rememberedFor(id, a.password(), mac, now) || hasher.verify(password, a.password())) {
      Administrator ok = a.withFailures(0, Optional.empty());
      if (hasher.needsRehash(ok.password())) {
        ok = ok.withPassword(hasher.hash(password));
      }
      if (!ok.equals(a)) {
        repository.save(ok);
      }
      remembered.put(id, new Remembered(ok.password(), mac, now.plus(REMEMBER)));
      return new LoginResult.Accepted(ok);
    }
    remembered.remove(id);
    failures++;
    if (failures >= policy.maxFailures()) {
      Instant until = now.plus(policy.duration());
      repository.save(a.withFailures(failures, Optional.of(until)));
      return new LoginResult.LockedOut(id, until);
    }
    repository.save(a.withFailures(failures, Optional.empty()));
    return new LoginResult.Rejected(id);
  }

  private boolean rememberedFor(AdminId id, PasswordHash stored, byte[] mac, Instant now) {
    Remembered r = remembered.get(id);
    return r != null && now.isBefore(r.until()) && r.stored().equals(stored) && MessageDigest.isEqual(r.mac(), mac);
  }

  private byte[] mac(char[] password) {
    ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[utf8.remaining()];
    utf8.get(bytes);
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(rememberKey);
      return m.doFinal(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no HmacSHA256", e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
      if (utf8.hasArray()) {
        Arrays.fill(utf8.array(), (byte) 0);
      }
    }
  }

  /** Throws when {@code admin}'s authority class does not permit {@code commandClass}. */
  public static void authorize(Administrator admin, CommandClass commandClass, String command)
      throws NotAuthorizedException {
    if (!admin.authority().permits(commandClass)) {
      throw new NotAuthorizedException(admin, commandClass, command);
    }
  }

  private static void checkPasswordRules(char[] password) {
    if (password.length < 8 || password.length > 1024) {
      throw new IllegalArgumentException("VLN0756E A password is 8 to 1024 characters.");
    }
  }
}
