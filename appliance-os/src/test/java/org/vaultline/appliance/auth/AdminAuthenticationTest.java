package org.vaultline.appliance.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminAuthenticationTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
  private final InMemoryAdministrators repo = new InMemoryAdministrators();
  private final PasswordHasher hasher = new PasswordHasher(1000, new SecureRandom());
  private AdminAuthentication auth;

  @BeforeEach
  void setUp() {
    auth = new AdminAuthentication(repo, hasher,
        new LockoutPolicy(3, Duration.ofMinutes(10)), clock);
    auth.register(AdminId.of("admin"), "Passw0rd!".toCharArray(), Authority.SYSTEM);
  }

  @Test
  void theRightPasswordLogsInAndTheIdIsCaseInsensitive() {
    LoginResult r = auth.login(AdminId.of("ADMIN"), "Passw0rd!".toCharArray());
    assertThat(r).isInstanceOfSatisfying(LoginResult.Accepted.class,
        a -> assertThat(a.administrator().authority()).isEqualTo(Authority.SYSTEM));
    assertThat(r.message()).isEqualTo("VLN0750I Administrator ADMIN logged in with authority SYSTEM.");
  }

  @Test
  void passwordsAreStoredOnlyAsHashes() {
    String stored = repo.find(AdminId.of("admin")).orElseThrow().password().encode();
    assertThat(stored).startsWith("pbkdf2-sha256$").doesNotContain("Passw0rd!");
  }

  @Test
  void aWrongPasswordAndAnUnknownIdGetTheSameMessage() {
    LoginResult wrong = auth.login(AdminId.of("admin"), "nope".toCharArray());
    LoginResult unknown = auth.login(AdminId.of("ghost"), "nope".toCharArray());
    assertThat(wrong).isInstanceOf(LoginResult.Rejected.class);
    assertThat(unknown).isInstanceOf(LoginResult.Rejected.class);
    assertThat(wrong.message()).isEqualTo(unknown.message()).isEqualTo("VLN0751E Login incorrect.");
  }

  @Test
  void repeatedFailuresLockTheIdOutEvenForTheRightPasswordUntilThePeriodEnds() {
    AdminId id = AdminId.of("admin");
    assertThat(auth.login(id, "bad1".toCharArray())).isInstanceOf(LoginResult.Rejected.class);
    assertThat(auth.login(id, "bad2".toCharArray())).isInstanceOf(LoginResult.Rejected.class);
    LoginResult third = auth.login(id, "bad3".toCharArray());
    assertThat(third).isEqualTo(new LoginResult.LockedOut(id, Instant.parse("2025-03-01T10:10:00Z")));
    assertThat(third.message()).startsWith("VLN0752E Administrator ADMIN is locked out");

    clock.advance(Duration.ofMinutes(9));
    assertThat(auth.login(id, "Passw0rd!".toCharArray())).isInstanceOf(LoginResult.LockedOut.class);

    clock.advance(Duration.ofMinutes(1));
    assertThat(auth.login(id, "Passw0rd!".toCharArray())).isInstanceOf(LoginResult.Accepted.class);
    assertThat(repo.find(id).orElseThrow().failedAttempts()).isZero();
  }

  @Test
  void aLockoutThatHasEndedStartsTheCountAfresh() {
    AdminId id = AdminId.of("admin");
    for (int i = 0; i < 3; i++) {
      auth.login(id, "bad".toCharArray());
    }
    clock.advance(Duration.ofMinutes(10));
    assertThat(auth.login(id, "bad".toCharArray())).isInstanceOf(LoginResult.Rejected.class);
    assertThat(auth.login(id, "bad".toCharArray())).isInstanceOf(LoginResult.Rejected.class);
    assertThat(auth.login(id, "bad".toCharArray())).isInstanceOf(LoginResult.LockedOut.class);
  }

  @Test
  void aSuccessResetsTheFailureCount() {
    AdminId id = AdminId.of("admin");
    auth.login(id, "bad".toCharArray());
    auth.login(id, "bad".toCharArray());
    auth.login(id, "Passw0rd!".toCharArray());
    assertThat(auth.login(id, "bad".toCharArray())).isInstanceOf(LoginResult.Rejected.class);
    assertThat(auth.login(id, "bad".toCharArray())).isInstanceOf(LoginResult.Rejected.class);
  }

  @Test
  void changingThePasswordClearsALockout() {
    AdminId id = AdminId.of("admin");
    for (int i = 0; i < 3; i++) {
      auth.login(id, "bad".toCharArray());
    }
    auth.changePassword(id, "N3w-passw0rd".toCharArray());
    assertThat(auth.login(id, "N3w-passw0rd".toCharArray())).isInstanceOf(LoginResult.Accepted.class);
    assertThat(auth.login(id, "Passw0rd!".toCharArray())).isInstanceOf(LoginResult.Rejected.class);
  }

  @Test
  void registeringAnExistingIdOrAShortPasswordIsRefused() {
    assertThatThrownBy(() -> auth.register(AdminId.of("Admin"), "whatever1".toCharArray(), Authority.READ))
        .hasMessage("VLN0754E Administrator ADMIN is already registered.");
    assertThatThrownBy(() -> auth.register(AdminId.of("op"), "short".toCharArray(), Authority.READ))
        .hasMessageStartingWith("VLN0756E");
    assertThatThrownBy(() -> AdminId.of("has space")).hasMessageStartingWith("VLN0757E");
  }

  @Test
  void eachAuthorityClassMayRunItsCommandsAndThoseBelow() {
    assertThat(Authority.SYSTEM.permits(CommandClass.CONFIGURE)).isTrue();
    assertThat(Authority.SYSTEM.permits(CommandClass.OPERATE)).isTrue();
    assertThat(Authority.SYSTEM.permits(CommandClass.QUERY)).isTrue();
    assertThat(Authority.OPERATOR.permits(CommandClass.CONFIGURE)).isFalse();
    assertThat(Authority.OPERATOR.permits(CommandClass.OPERATE)).isTrue();
    assertThat(Authority.OPERATOR.permits(CommandClass.QUERY)).isTrue();
    assertThat(Authority.READ.permits(CommandClass.CONFIGURE)).isFalse();
    assertThat(Authority.READ.permits(CommandClass.OPERATE)).isFalse();
    assertThat(Authority.READ.permits(CommandClass.QUERY)).isTrue();
  }

  @Test
  void anUnauthorizedCommandIsRefusedWithTheAuthorityItNeeds() throws Exception {
    Administrator reader = auth.register(AdminId.of("auditor"), "r3ad-only!".toCharArray(), Authority.READ);
    AdminAuthentication.authorize(reader, CommandClass.QUERY, "QUERY DRMEDIA");
    assertThatThrownBy(() -> AdminAuthentication.authorize(reader, CommandClass.OPERATE, "MOVE DRMEDIA"))
        .isInstanceOf(NotAuthorizedException.class)
        .hasMessage("VLN0753E Administrator AUDITOR (authority READ) may not run MOVE DRMEDIA:"
            + " it needs authority OPERATOR.");
  }

  @Test
  void aCheckedPasswordIsRememberedSoTheNextRequestsSkipPbkdf2() {
    AdminId id = AdminId.of("admin");
    assertThat(auth.login(id, "Passw0rd!".toCharArray())).isInstanceOf(LoginResult.Accepted.class);
    long after = hasher.derivations();
    for (int i = 0; i < 10; i++) {
      assertThat(auth.login(id, "Passw0rd!".toCharArray())).isInstanceOf(LoginResult.Accepted.class);
    }
    assertThat(hasher.derivations()).isEqualTo(after);

    clock.advance(AdminAuthentication.REMEMBER);
    assertThat(auth.login(id, "Passw0rd!".toCharArray())).isInstanceOf(LoginResult.Accepted.class);
    assertThat(hasher.derivations()).isEqualTo(after + 1);
  }

  @Test
  void aWrongPasswordNeverRidesOnARememberedOneAndCountsAsAFailure() {
    AdminId id = AdminId.of("admin");
    auth.login(id, "Passw0rd!".toCharArray());
    long before = hasher.derivations();
    assertThat(auth.login(id, "Passw0rd?".toCharArray())).isInstanceOf(LoginResult.Rejected.class);
    assertThat(hasher.derivations()).isEqualTo(before + 1);
    assertThat(repo.find(id).orElseThrow().failedAttempts()).isEqualTo(1);
    // the failure forgot the remembered password: the right one is checked in full again
    assertThat(auth.login(id, "Passw0rd!".toCharArray())).isInstanceOf(LoginResult.Accepted.class);
    assertThat(hasher.derivations()).isEqualTo(before + 2);
  }

  @Test
  void aChangedPasswordOrALockoutEndsWhatWasRemembered() {
    AdminId id = AdminId.of("admin");
    auth.login(id, "Passw0rd!".toCharArray());
    auth.changePassword(id, "N3w-passw0rd".toCharArray());
    assertThat(auth.login(id, "Passw0rd!".toCharArray())).isInstanceOf(LoginResult.Rejected.class);
    assertThat(auth.login(id, "N3w-passw0rd".toCharArray())).isInstanceOf(LoginResult.Accepted.class);

    auth.login(id, "bad1".toCharArray());
    auth.login(id, "bad2".toCharArray());
    auth.login(id, "bad3".toCharArray());
    assertThat(auth.login(id, "N3w-passw0rd".toCharArray())).isInstanceOf(LoginResult.LockedOut.class);
  }
}
