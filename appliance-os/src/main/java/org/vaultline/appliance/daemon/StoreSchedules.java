package org.vaultline.appliance.daemon;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vaultline.appliance.api.AdminMessages;
import org.vaultline.appliance.schedule.ScheduleRepository;
import org.vaultline.appliance.schedule.StoredSchedule;
import org.vaultline.library.store.AdminSchedule;
import org.vaultline.library.store.Origin;
import org.vaultline.library.store.Store;

/**
 * The store's {@code admin_schedule} table (schema 0003) as the schedule package's {@link ScheduleRepository}. Each
 * change is one transaction with an activity-log row, as the store requires: the definition (with the owner as the
 * transaction's administrator) or the run's result.
 */
public final class StoreSchedules implements ScheduleRepository {
  private final Store store;

  public StoreSchedules(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public List<StoredSchedule> all() {
    return store.read(r -> r.schedules().list()).stream().map(StoreSchedules::stored).toList();
  }

  @Override
  public Optional<StoredSchedule> find(String name) {
    return store.read(r -> r.schedules().find(name)).map(StoreSchedules::stored);
  }

  @Override
  public void save(StoredSchedule s) {
    store.transact(Origin.admin(s.owner()), tx -> {
      tx.schedules().save(new AdminSchedule(s.name(), s.definition(), s.owner(), s.lastRun(), s.lastResult()));
      tx.log(AdminMessages.SCHEDULE_STORED, s.name(), s.definition());
    });
  }

  @Override
  public boolean delete(String name) {
    return store.write(tx -> {
      boolean gone = tx.schedules().delete(name);
      if (gone) {
        tx.log(AdminMessages.SCHEDULE_DELETED, name);
      }
      return gone;
    });
  }

  @Override
  public void recordRun(String name, Instant started, String result) {
    store.transact(tx -> {
      if (tx.schedules().recordRun(name, started, result)) {
        tx.log(AdminMessages.SCHEDULE_RUN, name, started, result);
      }
    });
  }

  private static StoredSchedule stored(AdminSchedule s) {
    return new StoredSchedule(s.name(), s.definition(), s.owner(), s.lastRun(), s.lastResult());
  }
}
