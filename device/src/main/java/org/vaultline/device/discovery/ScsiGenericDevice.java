package org.vaultline.device.discovery;

import java.nio.file.Path;
import java.util.Optional;
import org.vaultline.scsi.DeviceType;
import org.vaultline.scsi.bytes.Bytes;

/**
 * One SCSI logical unit as sysfs shows it under {@code /sys/class/scsi_generic/sgN/device}: its sg node,
 * address, INQUIRY strings, VPD pages 80h/83h (when the kernel cached them) and the tape or changer
 * nodes the st and ch drivers made for it.
 *
 * @param name the sg name, {@code sg3}
 * @param node the sg device node, {@code /dev/sg3}
 * @param hctl host:channel:target:lun, {@code 2:0:1:0}, or empty when sysfs does not show it
 * @param peripheralType the {@code type} file (INQUIRY byte 0 bits 4..0), -1 when unreadable
 * @param tape the non-rewinding tape node {@code /dev/nstN} (st driver), for type 1
 * @param rewindingTape the rewinding node {@code /dev/stN}
 * @param changer the ch driver's {@code /dev/schN}, for type 8 when the ch module is loaded
 */
public record ScsiGenericDevice(String name, Path node, String hctl, int peripheralType, String vendor,
                                String model, String revision, Bytes vpd80, Bytes vpd83, Optional<Path> tape,
                                Optional<Path> rewindingTape, Optional<Path> changer) {

  public DeviceType type() {
    return peripheralType < 0 ? DeviceType.UNKNOWN : DeviceType.of(peripheralType);
  }

  public boolean isTapeDrive() {
    return peripheralType == DeviceType.SEQUENTIAL_ACCESS.code();
  }

  public boolean isChanger() {
    return peripheralType == DeviceType.MEDIUM_CHANGER.code();
  }

  public DeviceIdentity identity() {
    return DeviceIdentity.fromVpd(vpd80, vpd83);
  }

  /**
   * The same device with VPD pages obtained otherwise (INQUIRY with EVPD through SG_IO), for kernels
   * that do not export {@code vpd_pg80}/{@code vpd_pg83} (before 4.3, or devices the kernel skips).
   */
  public ScsiGenericDevice withVpd(Bytes page80, Bytes page83) {
    return new ScsiGenericDevice(name, node, hctl, peripheralType, vendor, model, revision, page80, page83, tape,
        rewindingTape, changer);
  }

  /** The host:channel:target part of {@link #hctl}: LUNs of one target share it. */
  public String target() {
    int last = hctl.lastIndexOf(':');
    return last < 0 ? hctl : hctl.substring(0, last);
  }

  @Override
  public String toString() {
    return name + " [" + hctl + "] " + type().text() + " " + vendor + " " + model + " " + revision
        + tape.map(p -> " " + p).orElse("") + changer.map(p -> " " + p).orElse("");
  }
}
