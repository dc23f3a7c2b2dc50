package org.vaultline.library.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The retained state as the store holds it at one moment, for the publisher to start from (after an
 * appliance restart it does not know what it published before). Read it in one store read transaction
 * together with the outbox's last seq, so that events up to {@code seq} are already reflected and older
 * re-sent events do not roll a topic back.
 *
 * @param seq the outbox's last seq when the snapshot was read ({@code OutboxStatus.lastSeq()})
 * @param taken when it was read (the {@code updated} field of its topics)
 */
public record RetainedSnapshot(long seq, Instant taken, List<VolumeState> volumes, List<LibrarySummary> libraries) {
  public static final RetainedSnapshot EMPTY = new RetainedSnapshot(0, Instant.EPOCH, List.of(), List.of());

  public RetainedSnapshot {
    Objects.requireNonNull(taken, "taken");
    volumes = List.copyOf(volumes);
    libraries = List.copyOf(libraries);
  }
}
