package org.vaultline.appliance.api;

import java.util.Objects;
import java.util.Optional;
import org.vaultline.appliance.auth.AdminId;
import org.vaultline.appliance.auth.Administrator;
import org.vaultline.appliance.auth.AdministratorRepository;
import org.vaultline.appliance.auth.Authority;
import org.vaultline.appliance.auth.PasswordHash;
import org.vaultline.library.store.AdminAccount;
import org.vaultline.library.store.Store;
import org.vaultline.library.store.Tx;

/**
 * The store's administrator table as {@link org.vaultline.appliance.auth.AdminAuthentication} sees it. Every change
 * is one store transaction with an activity-log row saying what changed (a failed login, a lockout, a login after
 * failures), as the store requires; the password hash never appears in it.
 */
public final class StoreAdministrators implements AdministratorRepository {
  private final Store store;

  public StoreAdministrators(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public Optional<Administrator> find(AdminId id) {
    return store.read(r -> r.administrators().find(id.name())).map(StoreAdministrators::administrator);
  }

  /** The stored row, with the LOCK ADMIN flag and last access the {@link Administrator} does not carry. */
  public Optional<AdminAccount> account(AdminId id) {
    return store.read(r -> r.administrators().find(id.name()));
  }

  @Override
  public void save(Administrator a) {
    store.transact(tx -> save(tx, a));
  }

  /** Inserts or updates {@code a} inside {@code tx}, logging what changed. */
  static void save(Tx tx, Administrator a) {
    Optional<AdminAccount> before = tx.administrators().find(a.id().name());
    if (before.isEmpty()) {
      tx.administrators().insert(new AdminAccount(a.id().name(), a.password().encode(), a.authority().name(),
          a.failedAttempts(), a.lockedUntil(), false, tx.now(), tx.origin().admin(), Optional.empty()));
      tx.log(AdminMessages.REGISTERED, a.id(), a.authority());
      return;
    }
    AdminAccount old = before.get();
    AdminAccount now = new AdminAccount(old.id(), a.password().encode(), a.authority().name(), a.failedAttempts(),
        a.lockedUntil(), old.locked(), old.registered(), old.registeredBy(), old.lastAccess());
    tx.administrators().updateCredentials(now);
    if (a.lockedUntil().isPresent() && old.lockedUntil().isEmpty()) {
      tx.log(AdminMessages.LOCKED_OUT, a.id(), a.lockedUntil().get(), a.failedAttempts());
    } else if (a.failedAttempts() > 0) {
      tx.log(AdminMessages.LOGIN_FAILED, a.id(), a.failedAttempts());
    } else if (a.failedAttempts() == 0 && (old.failedAttempts() > 0 || old.lockedUntil().isPresent())) {
      tx.log(AdminMessages.LOGIN_AFTER_FAILURES, a.id(), old.failedAttempts());
    } else if (!old.authority().equals(now.authority())) {
      tx.log(AdminMessages.AUTHORITY_SET, a.id(), a.authority());
    } else {
      tx.log(AdminMessages.CREDENTIALS_CHANGED, a.id());
    }
  }

  static Administrator administrator(AdminAccount a) {
    return new Administrator(AdminId.of(a.id()), PasswordHash.decode(a.passwordHash()),
        Authority.valueOf(a.authority()), a.failedAttempts(), a.lockedUntil());
  }
}
