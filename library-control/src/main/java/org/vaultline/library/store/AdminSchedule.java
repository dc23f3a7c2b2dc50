package org.vaultline.library.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An administrative schedule as the store keeps it (DEFINE SCHEDULE); the appliance's schedule package parses the
 * definition.
 *
 * @param definition the schedule as a canonical DEFINE SCHEDULE command
 * @param owner the administrator who defined or last updated it
 * @param lastRun when it last started
 * @param lastResult how that run ended, as the scheduler wrote it
 */
public record AdminSchedule(String name, String definition, String owner, Optional<Instant> lastRun,
    Optional<String> lastResult) {
  public AdminSchedule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(lastRun, "lastRun");
    Objects.requireNonNull(lastResult, "lastResult");
  }
}
