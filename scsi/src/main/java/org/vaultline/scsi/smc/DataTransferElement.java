package org.vaultline.scsi.smc;

import java.util.Optional;

/**
 * SMC-3 6.11 data transfer element descriptor (element type 4h): a tape drive, or a drive bay.
 * Bytes 6..7 may say where the drive sits on a parallel SCSI bus; libraries today mostly leave them 0
 * and identify the drive by its identification descriptor instead (DVCID=1, see {@link #serial()}).
 *
 * @param access byte 2 bit 3: ACCESS, the robot can put a cartridge into the drive or take one out
 * @param notBus byte 6 bit 7: NOT BUS, the drive is not on the same bus as the changer
 * @param idValid byte 6 bit 5: ID VALID, {@code scsiBusAddress} is valid
 * @param luValid byte 6 bit 4: LU VALID, {@code lun} is valid
 * @param lun byte 6 bits 2..0: LOGICAL UNIT NUMBER
 * @param scsiBusAddress byte 7: SCSI BUS ADDRESS (target ID)
 */
public record DataTransferElement(ElementState state, boolean access, boolean notBus, boolean idValid,
    boolean luValid, int lun, int scsiBusAddress) implements ElementStatus {
  public DataTransferElement {
    java.util.Objects.requireNonNull(state, "state");
    if (lun < 0 || lun > 7) {
      throw new IllegalArgumentException("the descriptor's LUN is 3 bits, not " + lun);
    }
    if (scsiBusAddress < 0 || scsiBusAddress > 0xFF) {
      throw new IllegalArgumentException("the SCSI bus address is a byte, not " + scsiBusAddress);
    }
  }

  /** A reachable drive with no bus address information. */
  public static DataTransferElement of(ElementState state) {
    return new DataTransferElement(state, true, false, false, false, 0, 0);
  }

  /** The drive's serial number from the identification descriptor (DVCID=1), when the library sent one. */
  public Optional<String> serial() {
    return state.identification().flatMap(DeviceIdentifier::serial);
  }

  @Override
  public ElementType type() {
    return ElementType.DATA_TRANSFER;
  }

  @Override
  public String toString() {
    return "data transfer " + state + (access ? "" : " no access")
        + (idValid ? " bus address " + scsiBusAddress : "") + (luValid ? " LUN " + lun : "")
        + (notBus ? " not on this bus" : "");
  }
}
