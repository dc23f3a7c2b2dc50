package org.vaultline.library.control;

import java.util.Locale;
import java.util.Optional;

/** TSM's device types ({@code LTO}, {@code 3592} ...), from a drive's INQUIRY product or a cartridge's barcode. */
final class DeviceTypes {
  private DeviceTypes() {}

  /** From a drive's product identification: {@code ULT3580-TD6}, {@code Ultrium 5-SCSI} are LTO. */
  static String ofDrive(String product) {
    String p = product.toUpperCase(Locale.ROOT);
    if (p.contains("ULT") || p.contains("LTO")) {
      return "LTO";
    }
    if (p.contains("3592") || p.startsWith("03592")) {
      return "3592";
    }
    if (p.contains("T10000")) {
      return "ECARTRIDGE";
    }
    return "GENERICTAPE";
  }

  /**
   * From a barcode's media identifier ({@code L6} of {@code A00017L6}: LTO; {@code JC}: 3592), else the
   * library's drives' type; empty when neither says.
   */
  static Optional<String> ofVolume(Optional<String> barcode, String libraryType) {
    if (barcode.isPresent() && barcode.get().length() == 8) {
      String media = barcode.get().substring(6).toUpperCase(Locale.ROOT);
      if (media.charAt(0) == 'L') {
        return Optional.of("LTO");
      }
      if (media.charAt(0) == 'J') {
        return Optional.of("3592");
      }
    }
    return libraryType.isEmpty() ? Optional.empty() : Optional.of(libraryType);
  }
}
