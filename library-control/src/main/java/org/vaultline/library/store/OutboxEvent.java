package org.vaultline.library.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An event in the transactional outbox.
 *
 * @param seq per-appliance sequence number: strictly increasing in commit order, never reused, without
 *     gaps among committed events (gaps appear only where {@link Outbox#housekeep()} discarded events, and
 *     that is announced)
 * @param payload JSON text (checked by SQLite's {@code json_valid})
 * @param published when the broker acknowledged it; empty while pending
 */
public record OutboxEvent(long seq, EventCategory category, String payload, Instant created,
    Optional<Instant> published) {
  public OutboxEvent {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(published, "published");
  }
}
