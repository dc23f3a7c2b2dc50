package org.vaultline.device.usb;

import java.util.ArrayList;
import java.util.List;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.spc.Inquiry;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;

/** Finds the logical units behind a bulk-only interface: Get Max LUN, then INQUIRY (12h) on each LUN. */
public final class BulkOnlyProbe {
  private BulkOnlyProbe() {
  }

  /**
   * Every LUN that answered standard INQUIRY, in LUN order. A LUN answering CHECK CONDITION or
   * malformed data is left out; a transport failure ends the probe.
   */
  public static List<LogicalUnitInfo> probe(BulkOnlyTransport lun0) throws TransportException {
    int max = lun0.maxLun();
    Inquiry.Standard inquiry = Inquiry.standard(36);
    List<LogicalUnitInfo> out = new ArrayList<>();
    for (int lun = 0; lun <= max; lun++) {
      try (BulkOnlyTransport t = lun0.lun(lun)) {
        ScsiResult r = t.execute(ScsiRequest.of(inquiry, inquiry.defaultTimeout()));
        if (r.isGood()) {
          try {
            out.add(new LogicalUnitInfo(lun, inquiry.parse(r.dataIn())));
          } catch (MalformedResponseException e) {
            // a LUN that cannot describe itself is not one we can drive
          }
        }
      }
    }
    return out;
  }
}
