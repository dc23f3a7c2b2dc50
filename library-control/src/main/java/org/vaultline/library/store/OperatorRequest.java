package org.vaultline.library.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An operator request: numbered, listed by QUERY REQUEST, answered by {@code REPLY n}, cancelled by
 * {@code CANCEL REQUEST n}, or satisfied when the library shows the condition met.
 *
 * @param text what the operator is asked to do, shown by QUERY REQUEST
 * @param expires when the request times out (WAITTIME); empty: it waits until resolved
 * @param resolvedBy the administrator who replied or cancelled; empty when the library satisfied it or
 *     the server cancelled it
 */
public record OperatorRequest(long number, Optional<String> library, RequestKind kind, String text,
    Optional<String> volume, RequestState state, Optional<Long> process, Instant raised, Optional<Instant> expires,
    Optional<Instant> resolved, Optional<String> resolvedBy, Optional<String> reply) {
  public OperatorRequest {
    Objects.requireNonNull(library, "library");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(volume, "volume");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(process, "process");
    Objects.requireNonNull(raised, "raised");
    Objects.requireNonNull(expires, "expires");
    Objects.requireNonNull(resolved, "resolved");
    Objects.requireNonNull(resolvedBy, "resolvedBy");
    Objects.requireNonNull(reply, "reply");
  }

  public boolean outstanding() {
    return state == RequestState.RAISED;
  }
}
