package org.vaultline.library.events;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the {@link EventPublisher} stands, for {@code QUERY} commands and monitoring.
 *
 * @param broker the broker it is connected to
 * @param onAlternate whether that broker is not the primary (failover in effect)
 * @param acknowledgedSeq the highest seq the broker acknowledged together with every seq before it
 * @param markedSeq the highest seq marked published in the outbox
 * @param connections successful connections since start
 * @param lastError the last connection or publishing failure, with its message ID where it has one
 */
public record PublisherStatus(State state, Optional<URI> broker, boolean onAlternate, long acknowledgedSeq,
    long markedSeq, long connections, Optional<String> lastError) {
  public enum State {
    /** Not yet started. */
    NEW,
    /** Trying the brokers in order. */
    CONNECTING,
    /** Connected and draining the outbox. */
    CONNECTED,
    /** Every broker failed; waiting before the next round. */
    WAITING,
    /** Closed. */
    STOPPED
  }

  public PublisherStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(lastError, "lastError");
  }
}
