package org.vaultline.library.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.vaultline.scsi.smc.ElementAddress;

/**
 * A recorded robot move and its outcome.
 *
 * @param process the background process that made it, if any
 * @param finished when it left {@link MoveState#INTENDED}
 * @param outcome why it failed, or how start-up recovery settled it
 * @param foundAt for {@link MoveState#RESOLVED}: where element status showed the cartridge (empty when
 *     it was nowhere to be seen)
 */
public record Move(long id, String library, Optional<String> volume, ElementAddress source,
    ElementAddress destination, Optional<ElementAddress> transport, MovePurpose purpose, MoveState state,
    Optional<Long> process, Instant intended, Optional<Instant> finished, Optional<String> outcome,
    Optional<ElementAddress> foundAt) {
  public Move {
    Objects.requireNonNull(library, "library");
    Objects.requireNonNull(volume, "volume");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(process, "process");
    Objects.requireNonNull(intended, "intended");
    Objects.requireNonNull(finished, "finished");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(foundAt, "foundAt");
  }

  public boolean unfinished() {
    return state == MoveState.INTENDED;
  }
}
