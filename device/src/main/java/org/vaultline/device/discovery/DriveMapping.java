package org.vaultline.device.discovery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.vaultline.scsi.smc.DataTransferElement;
import org.vaultline.scsi.smc.DeviceIdentifier;
import org.vaultline.scsi.smc.ElementAddress;

/**
 * Maps each data transfer element of a changer to its tape device by serial number, the one reliable
 * way (REFERENCE.md §1.1): the identifier the changer reports for the element (READ ELEMENT STATUS with
 * DVCID, SMC-3 6.11) against each tape device's VPD pages 80h and 83h.
 *
 * <p>Only tape devices (type 1) are candidates: a changer that is a LUN of its first drive often reports
 * that drive's serial as its own and must not be taken for it. An element that two drives would match
 * is left unmatched rather than guessed, and so is a drive that two elements claim.
 */
public final class DriveMapping {
  private DriveMapping() {
  }

  /** Maps the data transfer elements of a READ ELEMENT STATUS answer (DVCID=1 for the identifiers). */
  public static List<DriveAssignment> map(List<ScsiGenericDevice> devices, List<DataTransferElement> elements) {
    Map<ElementAddress, DeviceIdentifier> identifiers = new TreeMap<>();
    List<ElementAddress> without = new ArrayList<>();
    for (DataTransferElement e : elements) {
      Optional<DeviceIdentifier> id = e.state().identification();
      if (id.isPresent()) {
        identifiers.put(e.state().address(), id.get());
      } else {
        without.add(e.state().address());
      }
    }
    return map(devices, identifiers, without);
  }

  /**
   * @param devices the discovered devices (any types; only tape drives are candidates)
   * @param identifiers DVCID identifier by data transfer element address
   * @param elementsWithoutIdentifier elements the changer gave no identifier for (DVCID refused or
   *     unsupported), listed in the result as such
   */
  public static List<DriveAssignment> map(List<ScsiGenericDevice> devices,
                                          Map<ElementAddress, DeviceIdentifier> identifiers,
                                          List<ElementAddress> elementsWithoutIdentifier) {
    List<ScsiGenericDevice> drives = devices.stream().filter(ScsiGenericDevice::isTapeDrive).toList();
    Map<ScsiGenericDevice, DeviceIdentity> identities = new HashMap<>();
    drives.forEach(d -> identities.put(d, d.identity()));

    Map<ElementAddress, DriveAssignment> result = new TreeMap<>();
    Map<String, List<ElementAddress>> claimedBy = new TreeMap<>();
    for (Map.Entry<ElementAddress, DeviceIdentifier> e : new TreeMap<>(identifiers).entrySet()) {
      ElementAddress address = e.getKey();
      DeviceIdentifier id = e.getValue();
      List<ScsiGenericDevice> hits = new ArrayList<>();
      String how = "";
      for (ScsiGenericDevice d : drives) {
        Optional<String> m = identities.get(d).matches(id);
        if (m.isPresent()) {
          hits.add(d);
          how = m.get();
        }
      }
      String explanation;
      Optional<ScsiGenericDevice> drive = Optional.empty();
      if (hits.size() == 1) {
        drive = Optional.of(hits.get(0));
        explanation = how + " on " + hits.get(0).name();
        claimedBy.computeIfAbsent(hits.get(0).name(), k -> new ArrayList<>()).add(address);
      } else if (hits.isEmpty()) {
        explanation = "no tape device reports " + id;
      } else {
        explanation = id + " matches " + hits.stream().map(ScsiGenericDevice::name).toList() + ": ambiguous";
      }
      result.put(address, new DriveAssignment(address, Optional.of(id), drive, explanation));
    }
    for (Map.Entry<String, List<ElementAddress>> c : claimedBy.entrySet()) {
      if (c.getValue().size() > 1) {
        for (ElementAddress address : c.getValue()) {
          result.put(address, new DriveAssignment(address, result.get(address).identifier(), Optional.empty(),
              c.getKey() + " is claimed by elements " + c.getValue() + ": ambiguous"));
        }
      }
    }
    for (ElementAddress address : elementsWithoutIdentifier) {
      result.putIfAbsent(address, new DriveAssignment(address, Optional.empty(), Optional.empty(),
          "the changer gave no identifier (DVCID unsupported or refused)"));
    }
    return List.copyOf(result.values());
  }

  /** {@link #map(List, Map, List)} for elements that all have an identifier. */
  public static List<DriveAssignment> map(List<ScsiGenericDevice> devices,
                                          Map<ElementAddress, DeviceIdentifier> identifiers) {
    return map(devices, identifiers, List.of());
  }
}
