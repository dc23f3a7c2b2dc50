package org.vaultline.library.store;

import java.util.Objects;
import java.util.Optional;
import org.vaultline.scsi.smc.ElementAddress;

/**
 * A robot move about to be made (SMC-3 MOVE MEDIUM A5h: transport, source, destination).
 *
 * @param volume the volume name, when the cartridge is known
 * @param transport the medium transport element, when the move names one
 */
public record MoveIntent(String library, Optional<String> volume, ElementAddress source, ElementAddress destination,
    Optional<ElementAddress> transport, MovePurpose purpose) {
  public MoveIntent {
    Objects.requireNonNull(library, "library");
    Objects.requireNonNull(volume, "volume");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(purpose, "purpose");
  }
}
