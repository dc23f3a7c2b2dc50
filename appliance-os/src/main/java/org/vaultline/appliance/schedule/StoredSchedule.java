package org.vaultline.appliance.schedule;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An administrative schedule as it is stored.
 *
 * @param definition the canonical DEFINE SCHEDULE text ({@link ScheduleDefinition#toCommand()}), which
 *     {@link ScheduleParser#parseDefinition(String)} reads back into an equal {@link ScheduleDefinition}
 * @param owner the administrator who defined or last updated it; the scheduled command runs with this ID
 * @param lastRun when the latest run started (for a missed window: when the window started)
 * @param lastResult how it ended: {@code Completed}, {@code Failed} or {@code Missed}
 */
public record StoredSchedule(String name, String definition, String owner, Optional<Instant> lastRun,
    Optional<String> lastResult) {
  public StoredSchedule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(lastRun, "lastRun");
    Objects.requireNonNull(lastResult, "lastResult");
  }
}
