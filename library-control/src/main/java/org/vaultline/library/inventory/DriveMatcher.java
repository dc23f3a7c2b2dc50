package org.vaultline.library.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tinylog.Logger;
import org.vaultline.device.discovery.DeviceIdentity;
import org.vaultline.scsi.sense.ScsiException;
import org.vaultline.scsi.smc.DeviceIdentifier;
import org.vaultline.scsi.spc.Designator;
import org.vaultline.scsi.spc.Inquiry;
import org.vaultline.scsi.transport.ScsiExecutor;

/**
 * Maps each data transfer element of an inventory to its tape device by serial number (REFERENCE §1.1):
 * the drive identifier READ ELEMENT STATUS gave with DVCID (SMC-3 6.11) against the unit serial number
 * (INQUIRY VPD page 80h) and the device identification designators (VPD page 83h) of each tape device.
 * Matching is {@link DeviceIdentity#matches}, the same rule sysfs discovery uses.
 *
 * <p>Nothing is guessed: an element two devices would match, and a device two elements claim, are left
 * unmatched with the reason; so is every element when the library refused DVCID.
 */
public final class DriveMatcher {
  private DriveMatcher() {
  }

  /**
   * Asks a tape device who it is: INQUIRY VPD pages 80h and 83h. Lenient: a page the device does not
   * give contributes nothing and is noted in {@link DeviceIdentity#problems()}.
   */
  public static DeviceIdentity identify(ScsiExecutor drive) {
    List<String> problems = new ArrayList<>();
    Optional<String> serial = Optional.empty();
    List<Designator> designators = List.of();
    try {
      serial = Optional.of(drive.execute(Inquiry.unitSerialNumber(0xFF)).trimmedSerialNumber())
          .filter(s -> !s.isEmpty());
    } catch (ScsiException e) {
      problems.add("VPD 80h: " + e.getMessage());
    }
    try {
      designators = drive.execute(Inquiry.deviceIdentification(0x400)).designators();
    } catch (ScsiException e) {
      problems.add("VPD 83h: " + e.getMessage());
    }
    if (!problems.isEmpty()) {
      Logger.warn("Identity of {}: {}", drive.transport().describe(), problems);
    }
    return new DeviceIdentity(serial, designators, problems);
  }

  /** Identifies every device of {@code drives} with {@link #identify} and matches them. */
  public static <T> List<DriveMatch<T>> match(List<InventoryElement> elements, Map<T, ScsiExecutor> drives) {
    Map<T, DeviceIdentity> identities = new LinkedHashMap<>();
    drives.forEach((name, executor) -> identities.put(name, identify(executor)));
    return matchIdentities(elements, identities);
  }

  /**
   * Matches data transfer elements (with their DVCID identifiers) to devices of known identity.
   *
   * @param elements the inventory's data transfer elements
   * @param candidates each tape device's identity, by the caller's name for it
   */
  public static <T> List<DriveMatch<T>> matchIdentities(List<InventoryElement> elements,
      Map<T, DeviceIdentity> candidates) {
    List<DriveMatch<T>> out = new ArrayList<>();
    Map<T, List<Integer>> claims = new LinkedHashMap<>();
    for (InventoryElement e : elements) {
      Optional<DeviceIdentifier> id = e.deviceIdentifier();
      if (id.isEmpty()) {
        out.add(new DriveMatch<>(e.address(), id, Optional.empty(),
            "the library gave no identifier (DVCID refused or unsupported)"));
        continue;
      }
      List<T> hits = new ArrayList<>();
      String how = "";
      for (Map.Entry<T, DeviceIdentity> c : candidates.entrySet()) {
        Optional<String> m = c.getValue().matches(id.get());
        if (m.isPresent()) {
          hits.add(c.getKey());
          how = m.get();
        }
      }
      if (hits.size() == 1) {
        claims.computeIfAbsent(hits.get(0), k -> new ArrayList<>()).add(out.size());
        out.add(new DriveMatch<>(e.address(), id, Optional.of(hits.get(0)), how));
      } else if (hits.isEmpty()) {
        out.add(new DriveMatch<>(e.address(), id, Optional.empty(), "no tape device reports " + id.get()));
      } else {
        out.add(new DriveMatch<>(e.address(), id, Optional.empty(), id.get() + " matches " + hits + ": ambiguous"));
      }
    }
    for (Map.Entry<T, List<Integer>> c : claims.entrySet()) {
      if (c.getValue().size() > 1) {
        List<Object> addresses = new ArrayList<>();
        c.getValue().forEach(i -> addresses.add(out.get(i).element()));
        for (int i : c.getValue()) {
          DriveMatch<T> m = out.get(i);
          out.set(i, new DriveMatch<>(m.element(), m.identifier(), Optional.empty(),
              c.getKey() + " is claimed by elements " + addresses + ": ambiguous"));
        }
      }
    }
    for (DriveMatch<T> m : out) {
      if (!m.isMatched()) {
        Logger.warn("Drive element {} not matched to a tape device: {}", m.element(), m.explanation());
      }
    }
    return List.copyOf(out);
  }
}
