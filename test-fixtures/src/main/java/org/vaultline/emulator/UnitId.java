package org.vaultline.emulator;

/**
 * Which logical unit of the emulated library: the changer, or drive N (0-based, in element address
 * order). Each is served as its own {@link org.vaultline.scsi.transport.ScsiTransport}.
 */
public record UnitId(int drive) {
  public static final UnitId CHANGER = new UnitId(-1);

  public UnitId {
    if (drive < -1) {
      throw new IllegalArgumentException("drive index " + drive);
    }
  }

  public static UnitId drive(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("drive index " + index);
    }
    return new UnitId(index);
  }

  public boolean isChanger() {
    return drive < 0;
  }

  @Override
  public String toString() {
    return isChanger() ? "changer" : "drive" + drive;
  }
}
