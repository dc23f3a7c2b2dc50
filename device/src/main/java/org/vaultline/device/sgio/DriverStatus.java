package org.vaultline.device.sgio;

import java.util.ArrayList;
import java.util.List;

/**
 * The Linux SCSI driver byte ({@code driver_status} of {@link SgIoHdr}): low nibble {@code DRIVER_*},
 * high nibble {@code SUGGEST_*}. Kernels since 5.14 report only {@code DRIVER_SENSE} (sense data is
 * present) and {@code DRIVER_TIMEOUT}; older ones report the rest too.
 */
public record DriverStatus(int raw) {
  public static final int DRIVER_OK = 0x00;
  public static final int DRIVER_BUSY = 0x01;
  public static final int DRIVER_SOFT = 0x02;
  public static final int DRIVER_MEDIA = 0x03;
  public static final int DRIVER_ERROR = 0x04;
  public static final int DRIVER_INVALID = 0x05;
  public static final int DRIVER_TIMEOUT = 0x06;
  public static final int DRIVER_HARD = 0x07;
  public static final int DRIVER_SENSE = 0x08;

  public static final int SUGGEST_RETRY = 0x10;
  public static final int SUGGEST_ABORT = 0x20;
  public static final int SUGGEST_REMAP = 0x30;
  public static final int SUGGEST_DIE = 0x40;
  public static final int SUGGEST_SENSE = 0x80;

  private static final String[] DRIVER_NAMES = {"DRIVER_OK", "DRIVER_BUSY", "DRIVER_SOFT", "DRIVER_MEDIA",
      "DRIVER_ERROR", "DRIVER_INVALID", "DRIVER_TIMEOUT", "DRIVER_HARD", "DRIVER_SENSE"};

  public int driverByte() {
    return raw & 0x0f;
  }

  public int suggestion() {
    return raw & 0xf0;
  }

  /** True when the driver reports nothing worse than "sense data is present". */
  public boolean isOk() {
    return driverByte() == DRIVER_OK || driverByte() == DRIVER_SENSE;
  }

  /** {@code DRIVER_TIMEOUT|SUGGEST_ABORT}; unknown nibbles as {@code DRIVER_0x0c}, {@code SUGGEST_0x50}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    int d = driverByte();
    parts.add(d < DRIVER_NAMES.length ? DRIVER_NAMES[d] : String.format("DRIVER_0x%02x", d));
    switch (suggestion()) {
      case 0 -> { }
      case SUGGEST_RETRY -> parts.add("SUGGEST_RETRY");
      case SUGGEST_ABORT -> parts.add("SUGGEST_ABORT");
      case SUGGEST_REMAP -> parts.add("SUGGEST_REMAP");
      case SUGGEST_DIE -> parts.add("SUGGEST_DIE");
      case SUGGEST_SENSE -> parts.add("SUGGEST_SENSE");
      default -> parts.add(String.format("SUGGEST_0x%02x", suggestion()));
    }
    return String.join("|", parts);
  }
}
