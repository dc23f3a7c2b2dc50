package org.vaultline.appliance.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Administrators in a map: the repository for tests (the daemon's is the store's admin table). */
public final class InMemoryAdministrators implements AdministratorRepository {
  private final Map<AdminId, Administrator> admins = new ConcurrentHashMap<>();

  @Override
  public Optional<Administrator> find(AdminId id) {
    return Optional.ofNullable(admins.get(id));
  }

  @Override
  public void save(Administrator administrator) {
    admins.put(administrator.id(), administrator);
  }
}
