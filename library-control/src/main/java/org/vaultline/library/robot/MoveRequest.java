package org.vaultline.library.robot;

import java.util.Objects;
import java.util.Optional;
import org.vaultline.scsi.smc.ElementAddress;

/**
 * A cartridge to move from one element to another (slot, drive, I/O station cell), by element address.
 *
 * @param volume the volser or barcode expected at the source; the move is refused when the library
 *     shows another cartridge there
 * @param transport the medium transport to use; empty lets the robot queue pick a free one
 */
public record MoveRequest(ElementAddress source, ElementAddress destination, Optional<String> volume,
    Optional<ElementAddress> transport) {
  public MoveRequest {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(volume, "volume");
    Objects.requireNonNull(transport, "transport");
  }

  public static MoveRequest of(ElementAddress source, ElementAddress destination) {
    return new MoveRequest(source, destination, Optional.empty(), Optional.empty());
  }

  public MoveRequest withVolume(String v) {
    return new MoveRequest(source, destination, Optional.of(v), transport);
  }

  public MoveRequest withTransport(ElementAddress t) {
    return new MoveRequest(source, destination, volume, Optional.of(t));
  }

  @Override
  public String toString() {
    return volume.map(v -> v + " ").orElse("") + source + " -> " + destination;
  }
}
