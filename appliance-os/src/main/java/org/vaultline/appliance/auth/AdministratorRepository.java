package org.vaultline.appliance.auth;

import java.util.Optional;

/** Where administrators are kept: the store's admin table in the daemon, a map in tests. */
public interface AdministratorRepository {
  Optional<Administrator> find(AdminId id);

  /** Inserts or replaces the administrator with this ID. */
  void save(Administrator administrator);
}
