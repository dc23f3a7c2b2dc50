package org.vaultline.emulator.physical;

import java.util.Optional;

/**
 * One physical cartridge. {@code serial} is the medium serial number (MAM attribute 0401h) and the key
 * under which its contents are stored; labelled cartridges default to their barcode as serial.
 */
public record Cartridge(String serial, Optional<Label> label, MediaType media, boolean writeProtected) {
  public Cartridge {
    if (serial.isEmpty() || serial.length() > 32) {
      throw new IllegalArgumentException("a medium serial has 1 to 32 characters: \"" + serial + "\"");
    }
  }

  /** A labelled data or cleaning cartridge; the type follows the label, else {@code fallback}. */
  public static Cartridge labelled(String barcode, MediaType fallback) {
    return new Cartridge(barcode, Optional.of(Label.of(barcode)),
        MediaType.fromBarcode(barcode).orElse(fallback), false);
  }

  public Cartridge withLabel(Label l) {
    return new Cartridge(serial, Optional.of(l), media, writeProtected);
  }

  public Cartridge withWriteProtect(boolean wp) {
    return new Cartridge(serial, label, media, wp);
  }

  /** The barcode as the scanner reads it: empty without a label or with an unreadable one. */
  public Optional<String> readableBarcode() {
    return label.filter(Label::readable).map(Label::primary);
  }

  /** How an operator would name it: the barcode, or the serial in brackets when unlabelled. */
  public String displayName() {
    return label.map(Label::primary).orElse("[" + serial + "]");
  }
}
