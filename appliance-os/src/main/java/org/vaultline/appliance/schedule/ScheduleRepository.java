package org.vaultline.appliance.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where administrative schedules are kept. The daemon implements it on the store (table {@code admin_schedule});
 * {@link InMemoryScheduleRepository} is the one for tests. Names are upper case, as the parser writes them.
 */
public interface ScheduleRepository {
  /** Every schedule, in name order. */
  List<StoredSchedule> all();

  Optional<StoredSchedule> find(String name);

  /** Inserts the schedule, or replaces the one of that name. */
  void save(StoredSchedule s);

  /** False when there is no such schedule. */
  boolean delete(String name);

  /**
   * The schedule's run that started at {@code started} ended with {@code result} ({@link RunResult#word()}:
   * {@code Completed}, {@code Failed}, {@code Missed}); for a missed window {@code started} is the window's start.
   */
  void recordRun(String name, Instant started, String result);
}
