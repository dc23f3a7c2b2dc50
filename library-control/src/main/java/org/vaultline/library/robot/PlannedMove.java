package org.vaultline.library.robot;

import java.util.Objects;
import java.util.Optional;
import org.vaultline.library.inventory.VolumeLabel;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.ElementType;

/**
 * A move the robot is about to make: the request, the element types, the medium transport it got from
 * the queue, and the label the library showed at the source just before.
 */
public record PlannedMove(MoveRequest request, ElementType sourceType, ElementType destinationType,
    ElementAddress transport, Optional<VolumeLabel> label) {
  public PlannedMove {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(sourceType, "sourceType");
    Objects.requireNonNull(destinationType, "destinationType");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(label, "label");
  }

  public ElementAddress source() {
    return request.source();
  }

  public ElementAddress destination() {
    return request.destination();
  }

  /** The cartridge's volser, when its barcode was read. */
  public Optional<String> volume() {
    return label.flatMap(VolumeLabel::volser);
  }

  @Override
  public String toString() {
    return "MOVE " + volume().map(v -> v + " ").orElse("") + sourceType.text() + " " + source() + " -> "
        + destinationType.text() + " " + destination() + " by " + transport;
  }
}
