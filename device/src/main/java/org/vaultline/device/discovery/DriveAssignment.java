package org.vaultline.device.discovery;

import java.util.Optional;
import org.vaultline.scsi.smc.DeviceIdentifier;
import org.vaultline.scsi.smc.ElementAddress;

/**
 * Which tape device a changer's data transfer element is, or why that is not known.
 *
 * @param element the data transfer element's address
 * @param identifier the element's DVCID identifier from READ ELEMENT STATUS, when the changer gave one
 * @param drive the tape device whose identity matches, when exactly one does
 * @param explanation how the match was made ({@code VPD 80h serial '1013000655' on sg0}) or why there
 *     is none
 */
public record DriveAssignment(ElementAddress element, Optional<DeviceIdentifier> identifier,
                              Optional<ScsiGenericDevice> drive, String explanation) {
  public boolean isMatched() {
    return drive.isPresent();
  }

  @Override
  public String toString() {
    return "DT " + element + " -> "
        + drive.map(d -> d.tape().map(Object::toString).orElse(d.node().toString())).orElse("?")
        + " (" + explanation + ")";
  }
}
