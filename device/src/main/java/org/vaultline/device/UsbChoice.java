package org.vaultline.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.spc.Inquiry;
import org.vaultline.scsi.spc.UnitSerialNumber;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * Picks the logical unit a {@code usb:} URL means among the interfaces with its vendor and product ID:
 * the only one, or the one whose unit serial number (INQUIRY VPD page 80h) is the URL's serial. Kept apart
 * from libusb so that the choice is tested with in-memory transports.
 */
final class UsbChoice {
  private UsbChoice() {
  }

  /** Opens one candidate's logical unit. */
  @FunctionalInterface
  interface Opening {
    ScsiTransport open() throws TransportException;
  }

  /** One interface with the right IDs; {@code describe} says where it is (bus, address, interface). */
  record Candidate(String describe, Opening opening) {
  }

  static ScsiTransport choose(DeviceUrl.Usb url, List<Candidate> candidates) throws TransportException {
    if (candidates.isEmpty()) {
      throw new TransportException(url + ": no USB device " + url.ids() + " with a SCSI bulk-only interface");
    }
    if (url.serial().isEmpty() && candidates.size() == 1) {
      return candidates.get(0).opening().open();
    }
    List<String> seen = new ArrayList<>();
    for (Candidate c : candidates) {
      ScsiTransport t;
      try {
        t = c.opening().open();
      } catch (TransportException e) {
        seen.add(c.describe() + " (cannot open: " + e.getMessage() + ")");
        continue;
      }
      Optional<String> serial;
      try {
        serial = serialOf(t);
      } catch (TransportException e) {
        t.close();
        seen.add(c.describe() + " (no answer to INQUIRY: " + e.getMessage() + ")");
        continue;
      }
      if (url.serial().isPresent() && serial.equals(url.serial())) {
        return t;
      }
      t.close();
      seen.add(c.describe() + serial.map(s -> " serial " + s).orElse(" (no unit serial number)"));
    }
    if (url.serial().isEmpty()) {
      throw new TransportException(url + ": " + candidates.size() + " devices match " + url.ids()
          + "; add the unit serial number (usb:" + url.ids() + ":SERIAL) to choose one of: " + String.join("; ", seen));
    }
    throw new TransportException(url + ": no " + url.ids() + " device has LUN " + url.lun() + " with serial number "
        + url.serial().get() + "; found: " + String.join("; ", seen));
  }

  /** The unit serial number from VPD page 80h, or empty when the unit refuses the page or sends junk. */
  static Optional<String> serialOf(ScsiTransport t) throws TransportException {
    Command<UnitSerialNumber> inquiry = Inquiry.unitSerialNumber(255);
    ScsiResult r = t.execute(ScsiRequest.of(inquiry, inquiry.defaultTimeout()));
    if (!r.isGood()) {
      return Optional.empty();
    }
    try {
      String s = inquiry.parse(r.dataIn()).trimmedSerialNumber();
      return s.isEmpty() ? Optional.empty() : Optional.of(s);
    } catch (MalformedResponseException e) {
      return Optional.empty();
    }
  }
}
