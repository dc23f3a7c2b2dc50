package org.vaultline.device.iscsi;

/**
 * The 8-byte LUN field of iSCSI PDUs (SAM-5 4.7): LUNs below 256 with peripheral device addressing
 * (byte 0 = 00h, byte 1 = LUN), larger ones with flat space addressing (byte 0 bits 7..6 = 01b).
 */
public final class LunField {
  private LunField() {
  }

  public static long encode(int lun) {
    if (lun < 0 || lun > 16383) {
      throw new IllegalArgumentException("LUN out of range 0..16383: " + lun);
    }
    return lun < 256 ? (long) lun << 48 : (0x4000L | lun) << 48;
  }

  /** The LUN number, or -1 for addressing methods or bus numbers this code does not map to a number. */
  public static int decode(long field) {
    int b0 = (int) (field >>> 56) & 0xff;
    int b1 = (int) (field >>> 48) & 0xff;
    if ((field & 0x0000ffffffffffffL) != 0) {
      return -1;
    }
    return switch (b0 >> 6) {
      case 0 -> b0 == 0 ? b1 : -1;
      case 1 -> (b0 & 0x3f) << 8 | b1;
      default -> -1;
    };
  }
}
