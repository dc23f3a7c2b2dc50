package org.vaultline.emulator.physical;

import java.util.Optional;

/**
 * A cartridge's barcode label (the SMC-3 primary volume tag) and an optional alternate volume tag.
 * {@code readable} is false for a damaged or badly placed label that the library's scanner cannot read.
 */
public record Label(String primary, Optional<String> alternate, boolean readable) {
  /** SMC-3 7.1: volume identifiers are up to 32 characters. */
  public static final int MAX_LENGTH = 32;

  public Label {
    check(primary);
    alternate.ifPresent(Label::check);
  }

  public static Label of(String primary) {
    return new Label(primary, Optional.empty(), true);
  }

  public Label withAlternate(String alternate) {
    return new Label(primary, Optional.of(alternate), readable);
  }

  public Label unreadable() {
    return new Label(primary, alternate, false);
  }

  private static void check(String tag) {
    if (tag.isEmpty() || tag.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("a volume tag has 1 to 32 characters: \"" + tag + "\"");
    }
    for (int i = 0; i < tag.length(); i++) {
      char c = tag.charAt(i);
      // SMC-3 7.1: volume identifier characters are 20h..7Eh with no embedded spaces in practice
      if (c <= 0x20 || c >= 0x7f) {
        throw new IllegalArgumentException("a volume tag has printable ASCII without spaces: \"" + tag + "\"");
      }
    }
  }
}
