package org.vaultline.library.robot;

import java.util.Objects;
import java.util.Optional;
import org.vaultline.library.inventory.InventoryElement;

/**
 * A move the library did, as element status confirmed it: the source empty, the destination full.
 *
 * @param source the source element afterwards
 * @param destination the destination element afterwards
 * @param attempts MOVE MEDIUM commands sent (more than one after 5/53/02 and an unload)
 * @param statusPolls element status checks after MOVE MEDIUM ended (1 when the library was done when it
 *     said so; more when it reported done too early)
 * @param note anything unusual, e.g. the command ended in a transport failure but the move was made
 */
public record CompletedMove(PlannedMove move, InventoryElement source, InventoryElement destination, int attempts,
    int statusPolls, Optional<String> note) {
  public CompletedMove {
    Objects.requireNonNull(move, "move");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(note, "note");
  }
}
