package org.vaultline.library.robot;

import java.util.Objects;
import java.util.Optional;
import org.vaultline.library.inventory.VolumeLabel;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.transport.ScsiExecutor;

/**
 * A cartridge loaded and ready in a drive, for the tape layer: the drive's executor to read and write
 * with, and where the cartridge goes back to.
 *
 * @param drive the data transfer element
 * @param label the cartridge's label as the library read it
 * @param home the storage element it came from (where {@link Robot#dismount} takes it back)
 * @param tape the tape drive's executor (SSC commands)
 */
public record MountedVolume(ElementAddress drive, Optional<VolumeLabel> label, ElementAddress home,
    ScsiExecutor tape) {
  public MountedVolume {
    Objects.requireNonNull(drive, "drive");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(tape, "tape");
  }

  public Optional<String> volume() {
    return label.flatMap(VolumeLabel::volser);
  }
}
