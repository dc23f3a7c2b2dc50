package org.vaultline.scsi.smc;

import java.util.Optional;

/**
 * SMC-3 volume tag information (36 bytes in an element descriptor, SMC-3 6.11 "volume tag
 * information"): a 32-byte volume identifier, normally the cartridge's barcode, left-aligned and padded
 * with spaces, two reserved bytes and a 16-bit volume sequence number.
 *
 * <p>Barcodes of LTO cartridges carry eight characters: the six-character volser that TSM names the
 * volume by, and a two-character media identifier ({@code ABC123L6}: LTO-6). Some libraries are set up to
 * report only the volser. Cleaning cartridges are labelled with a {@code CLN} prefix. Both forms are kept
 * here as read; {@link #volser()} gives TSM's name.
 *
 * @param volumeIdentifier the identifier with trailing spaces and NULs removed; 1..32 ISO-8859-1
 *     characters
 * @param sequenceNumber volume sequence number, 0..65535 (0 on every library we know of)
 */
public record VolumeTag(String volumeIdentifier, int sequenceNumber) {
  /** Bytes of volume tag information in an element descriptor. */
  public static final int LENGTH = 36;
  /** Bytes of the volume identifier field. */
  public static final int IDENTIFIER_LENGTH = 32;

  public VolumeTag {
    volumeIdentifier = stripTrailing(volumeIdentifier);
    if (volumeIdentifier.isEmpty()) {
      throw new IllegalArgumentException("a volume tag needs a volume identifier");
    }
    if (volumeIdentifier.length() > IDENTIFIER_LENGTH) {
      throw new IllegalArgumentException("a volume identifier has at most 32 characters: \"" + volumeIdentifier + "\"");
    }
    if (volumeIdentifier.chars().anyMatch(c -> c > 0xFF)) {
      throw new IllegalArgumentException("a volume identifier is 8-bit text: \"" + volumeIdentifier + "\"");
    }
    if (sequenceNumber < 0 || sequenceNumber > 0xFFFF) {
      throw new IllegalArgumentException("a volume sequence number is 16 bits, not " + sequenceNumber);
    }
  }

  /** A tag with sequence number 0, as libraries report barcodes. */
  public static VolumeTag of(String volumeIdentifier) {
    return new VolumeTag(volumeIdentifier, 0);
  }

  /** The six-character volser TSM names the volume by: the first six characters ({@code ABC123L6} -> {@code ABC123}). */
  public String volser() {
    return volumeIdentifier.length() <= 6 ? volumeIdentifier : volumeIdentifier.substring(0, 6);
  }

  /** The characters after the volser of an eight-character LTO barcode ({@code L6}, {@code LU}); empty otherwise. */
  public Optional<String> mediaIdentifier() {
    return volumeIdentifier.length() == 8 ? Optional.of(volumeIdentifier.substring(6)) : Optional.empty();
  }

  /** Whether the label marks a cleaning cartridge ({@code CLN} prefix, REFERENCE §1.9). */
  public boolean isCleaningCartridge() {
    return volumeIdentifier.startsWith("CLN");
  }

  private static String stripTrailing(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0)) {
      end--;
    }
    return s.substring(0, end);
  }

  /** The identifier, with {@code #n} appended when the sequence number is not 0. */
  @Override
  public String toString() {
    return sequenceNumber == 0 ? volumeIdentifier : volumeIdentifier + "#" + sequenceNumber;
  }
}
