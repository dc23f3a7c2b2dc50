package org.vaultline.emulator.personality;

/**
 * What a device says it is in INQUIRY (T10 vendor 8 chars, product 16, revision 4) and VPD page 80h
 * (serial number).
 */
public record DeviceIdentity(String vendor, String product, String revision, String serial) {
  public DeviceIdentity {
    if (vendor.length() > 8 || product.length() > 16 || revision.length() > 4) {
      throw new IllegalArgumentException("INQUIRY fields are at most 8/16/4 characters: " + vendor + " "
          + product + " " + revision);
    }
  }

  /** The identity with another serial number (drive N of a library). */
  public DeviceIdentity withSerial(String s) {
    return new DeviceIdentity(vendor, product, revision, s);
  }
}
