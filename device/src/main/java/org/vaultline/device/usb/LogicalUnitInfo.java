package org.vaultline.device.usb;

import org.vaultline.scsi.DeviceType;
import org.vaultline.scsi.spc.StandardInquiry;

/** One LUN behind a bulk-only interface and what its standard INQUIRY data says. */
public record LogicalUnitInfo(int lun, StandardInquiry inquiry) {
  public DeviceType type() {
    return inquiry.deviceType();
  }

  /** A tape drive or a media changer that is there (peripheral qualifier 0). */
  public boolean isTapeOrChanger() {
    return inquiry.peripheralQualifier() == 0
        && (type() == DeviceType.SEQUENTIAL_ACCESS || type() == DeviceType.MEDIUM_CHANGER);
  }

  @Override
  public String toString() {
    return "LUN " + lun + ": " + type().text() + " " + inquiry.vendor() + " " + inquiry.product() + " "
        + inquiry.revision();
  }
}
