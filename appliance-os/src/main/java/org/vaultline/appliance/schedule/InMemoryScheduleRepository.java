package org.vaultline.appliance.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link ScheduleRepository} in memory, for tests and for a daemon without a store. Thread-safe. Keeps every
 * recorded run as well ({@link #runs()}), which the store does not.
 */
public final class InMemoryScheduleRepository implements ScheduleRepository {
  /** One {@link #recordRun} call. */
  public record Run(String name, Instant started, String result) {}

  private final TreeMap<String, StoredSchedule> schedules = new TreeMap<>();
  private final List<Run> runs = new ArrayList<>();

  @Override
  public synchronized List<StoredSchedule> all() {
    return List.copyOf(schedules.values());
  }

  @Override
  public synchronized Optional<StoredSchedule> find(String name) {
    return Optional.ofNullable(schedules.get(name));
  }

  @Override
  public synchronized void save(StoredSchedule s) {
    schedules.put(s.name(), s);
  }

  @Override
  public synchronized boolean delete(String name) {
    return schedules.remove(name) != null;
  }

  @Override
  public synchronized void recordRun(String name, Instant started, String result) {
    runs.add(new Run(name, started, result));
    StoredSchedule s = schedules.get(name);
    if (s != null) {
      schedules.put(name, new StoredSchedule(name, s.definition(), s.owner(), Optional.of(started),
          Optional.of(result)));
    }
  }

  /** Every run recorded so far, oldest first. */
  public synchronized List<Run> runs() {
    return List.copyOf(runs);
  }
}
