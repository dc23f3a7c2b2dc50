package org.vaultline.library.inventory;

import java.util.Objects;
import java.util.Optional;
import org.vaultline.scsi.smc.DeviceIdentifier;
import org.vaultline.scsi.smc.ElementAddress;

/**
 * Which tape device a data transfer element is, or why that is not known.
 *
 * @param element the data transfer element
 * @param identifier the element's DVCID identifier, when the library gave one
 * @param device the one tape device whose VPD 80h/83h identity matches
 * @param explanation how it matched ({@code VPD 80h serial '10WT000001'}) or why nothing did
 * @param <T> how the caller names a tape device (a transport, a device path ...)
 */
public record DriveMatch<T>(ElementAddress element, Optional<DeviceIdentifier> identifier, Optional<T> device,
    String explanation) {
  public DriveMatch {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(explanation, "explanation");
  }

  public boolean isMatched() {
    return device.isPresent();
  }

  @Override
  public String toString() {
    return "DT " + element + " -> " + device.map(Object::toString).orElse("?") + " (" + explanation + ")";
  }
}
