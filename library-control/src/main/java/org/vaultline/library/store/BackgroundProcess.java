package org.vaultline.library.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A numbered background process (QUERY PROCESS: Process Number, Process Description, Status).
 *
 * @param description what runs, as QUERY PROCESS names it ({@code MOVE DRMEDIA}, {@code AUDIT LIBRARY})
 * @param status progress text ({@code Volumes processed: 12 of 500})
 * @param admin who started it; empty for the server itself
 */
public record BackgroundProcess(long number, String description, ProcessState state, String status,
    Optional<String> admin, boolean cancelRequested, Instant started, Optional<Instant> ended) {
  public BackgroundProcess {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(ended, "ended");
  }
}
