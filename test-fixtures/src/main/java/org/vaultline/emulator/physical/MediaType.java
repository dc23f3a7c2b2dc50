package org.vaultline.emulator.physical;

import java.util.Locale;
import java.util.Optional;

/**
 * Cartridge generations the emulated drives accept, with the LTO density code (SSC REPORT DENSITY
 * SUPPORT / MODE SENSE block descriptor) and the barcode suffix that names them (LTO label spec:
 * six-character volser plus {@code L5}, {@code L6}...). Cleaning cartridges carry a {@code CLN} prefix.
 */
public enum MediaType {
  LTO4("L4", 0x46, false, 800_000, 896),
  LTO5("L5", 0x58, false, 1_500_000, 1280),
  LTO6("L6", 0x5A, false, 2_500_000, 2176),
  LTO7("L7", 0x5C, false, 6_000_000, 3584),
  LTO8("L8", 0x5E, false, 12_000_000, 6656),
  LTO9("L9", 0x60, false, 18_000_000, 8960),
  CLEANING("CU", 0x00, true, 0, 0);

  private final String suffix;
  private final int densityCode;
  private final boolean cleaning;
  private final long nativeMegabytes;
  private final int tracks;

  MediaType(String suffix, int densityCode, boolean cleaning, long nativeMegabytes, int tracks) {
    this.suffix = suffix;
    this.densityCode = densityCode;
    this.cleaning = cleaning;
    this.nativeMegabytes = nativeMegabytes;
    this.tracks = tracks;
  }

  /** Native (uncompressed) capacity of the real generation in 10^6 bytes, for REPORT DENSITY SUPPORT. */
  public long nativeMegabytes() {
    return nativeMegabytes;
  }

  /** Data tracks of the real generation. */
  public int tracks() {
    return tracks;
  }

  /** {@code 5} for LTO-5; 0 for a cleaning cartridge. */
  public int generation() {
    return cleaning ? 0 : ordinal() + 4;
  }

  public String suffix() {
    return suffix;
  }

  public int densityCode() {
    return densityCode;
  }

  public boolean isCleaning() {
    return cleaning;
  }

  /** SMC-3 element descriptor MEDIUM TYPE: 1 data medium, 2 cleaning medium. */
  public int smcMediumType() {
    return cleaning ? 2 : 1;
  }

  /**
   * The type a barcode label names: {@code CLN...} is a cleaning cartridge, an 8-character label ending
   * in {@code L4}..{@code L9} (or {@code M8}, LTO-7 type M) names the generation; otherwise empty.
   */
  public static Optional<MediaType> fromBarcode(String barcode) {
    String b = barcode.toUpperCase(Locale.ROOT);
    if (b.startsWith("CLN")) {
      return Optional.of(CLEANING);
    }
    if (b.length() == 8) {
      String s = b.substring(6);
      if (s.equals("M8")) {
        return Optional.of(LTO7);
      }
      for (MediaType t : values()) {
        if (!t.cleaning && t.suffix.equals(s)) {
          return Optional.of(t);
        }
      }
    }
    return Optional.empty();
  }
}
