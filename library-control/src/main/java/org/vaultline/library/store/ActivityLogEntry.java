package org.vaultline.library.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One row of the activity log, as QUERY ACTLOG shows it (Date/Time, Message). */
public record ActivityLogEntry(long id, Instant time, Message message, Optional<String> admin,
    Optional<Long> process) {
  public ActivityLogEntry {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(process, "process");
  }
}
