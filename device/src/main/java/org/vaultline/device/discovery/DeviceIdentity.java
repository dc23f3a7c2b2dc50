package org.vaultline.device.discovery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.smc.DeviceIdentifier;
import org.vaultline.scsi.spc.Designator;
import org.vaultline.scsi.spc.DesignatorValue;
import org.vaultline.scsi.spc.DeviceIdentification;
import org.vaultline.scsi.spc.UnitSerialNumber;

/**
 * Who a logical unit says it is: the unit serial number (VPD page 80h) and the designators of the
 * Device Identification page (83h). Built leniently: a page that does not parse contributes nothing and
 * is noted in {@link #problems()}, because one odd drive must not stop the discovery of the others.
 */
public record DeviceIdentity(Optional<String> unitSerial, List<Designator> designators, List<String> problems) {
  public static final DeviceIdentity NONE = new DeviceIdentity(Optional.empty(), List.of(), List.of());

  public DeviceIdentity {
    designators = List.copyOf(designators);
    problems = List.copyOf(problems);
  }

  /** From the raw pages as the device returns them (either may be empty when not available). */
  public static DeviceIdentity fromVpd(Bytes page80, Bytes page83) {
    Optional<String> serial = Optional.empty();
    List<Designator> designators = List.of();
    List<String> problems = new ArrayList<>();
    if (!page80.isEmpty()) {
      try {
        serial = Optional.of(UnitSerialNumber.parse(page80).trimmedSerialNumber()).filter(s -> !s.isEmpty());
      } catch (MalformedResponseException e) {
        problems.add("VPD 80h: " + e.getMessage());
      }
    }
    if (!page83.isEmpty()) {
      try {
        designators = DeviceIdentification.parse(page83).designators();
      } catch (MalformedResponseException e) {
        problems.add("VPD 83h: " + e.getMessage());
      }
    }
    return new DeviceIdentity(serial, designators, problems);
  }

  /**
   * Serial numbers this unit gives: the unit serial number, the serial part of each T10 vendor ID
   * designator (after the 8-byte vendor and 16-byte product, as drives fill it), and the text of
   * vendor-specific text designators.
   */
  public Set<String> serialNumbers() {
    Set<String> out = new LinkedHashSet<>();
    unitSerial.ifPresent(out::add);
    for (Designator d : designators) {
      if (d.value() instanceof DesignatorValue.T10VendorId t10 && !t10.serialNumber().isEmpty()) {
        out.add(t10.serialNumber());
      } else if (d.value() instanceof DesignatorValue.VendorSpecific v && d.codeSet().isText()) {
        String text = new String(v.value().toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1).strip();
        if (!text.isEmpty()) {
          out.add(text);
        }
      }
    }
    return out;
  }

  /**
   * How {@code identifier} (a DVCID from READ ELEMENT STATUS) designates this unit, for the log, or
   * empty when it does not: first an identical VPD 83h designator (same type, same bytes), then the
   * identifier's serial number among {@link #serialNumbers()}.
   */
  public Optional<String> matches(DeviceIdentifier identifier) {
    for (Designator d : designators) {
      if (d.type() == identifier.identifierType() && d.value().encode().equals(identifier.identifier())) {
        return Optional.of("the same designator in VPD 83h: " + identifier);
      }
    }
    Optional<String> serial = identifier.serial();
    if (serial.isEmpty()) {
      return Optional.empty();
    }
    if (unitSerial.equals(serial)) {
      return Optional.of("VPD 80h serial '" + serial.get() + "'");
    }
    if (serialNumbers().contains(serial.get())) {
      return Optional.of("serial '" + serial.get() + "' in VPD 83h");
    }
    return Optional.empty();
  }
}
