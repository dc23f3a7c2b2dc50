package org.vaultline.library.control;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.vaultline.scsi.bytes.Bytes;

/**
 * A standard ANSI tape label (ANSI X3.27, ISO 1001): the 80-byte VOL1 record that names the volume, followed
 * by the 80-byte HDR1 record of the first file, written as two blocks before the first tapemark. This is what
 * LABEL LIBVOLUME writes and CHECKIN/AUDIT with CHECKLABEL=YES read back.
 *
 * <p>Layout, 1-based columns as the standard counts them. VOL1: 1-3 {@code VOL}, 4 {@code 1}, 5-10 volume
 * identifier, 11 accessibility (blank: no restriction), 25-37 implementation identifier, 38-51 owner
 * identifier, 80 label standard version ({@code 4}); the rest blanks. HDR1: 1-4 {@code HDR1}, 5-21 file
 * identifier, 22-27 file set identifier (the volume identifier), 28-31 file section number, 32-35 file
 * sequence number, 36-39 generation number, 40-41 generation version, 42-47 creation date and 48-53
 * expiration date (each {@code cyyddd}: c blank for 19yy, {@code 0} for 20yy; expiration {@code  00000}
 * for none), 54 accessibility, 55-60 block count, 61-73 implementation identifier; the rest blanks.
 *
 * @param volume the volume identifier, 1 to 6 characters of A-Z, 0-9 and the standard's few specials
 * @param owner the owner identifier, up to 14 characters
 * @param created the HDR1 creation date
 */
public record TapeLabel(String volume, String owner, LocalDate created) {
  /** Bytes of each label record. */
  public static final int RECORD_LENGTH = 80;
  /** Columns 25-37 of VOL1 and 61-73 of HDR1: who wrote the label. */
  static final String IMPLEMENTATION = "VAULTLINE";

  public TapeLabel {
    Objects.requireNonNull(volume, "volume");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(created, "created");
    if (volume.isEmpty() || volume.length() > 6 || !volume.chars().allMatch(TapeLabel::isLabelCharacter)) {
      throw new IllegalArgumentException("a volume identifier is 1 to 6 characters A-Z, 0-9 (and ! \" % & ' ( ) * +"
          + " , - . / : ; < = > ? _), not \"" + volume + "\"");
    }
    if (owner.length() > 14) {
      throw new IllegalArgumentException("an owner identifier has at most 14 characters: \"" + owner + "\"");
    }
  }

  /** The label Vaultline writes for {@code volume} today. */
  public static TapeLabel of(String volume, LocalDate created) {
    return new TapeLabel(volume.toUpperCase(Locale.ROOT), "", created);
  }

  private static boolean isLabelCharacter(int c) {
    return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ' || "!\"%&'()*+,-./:;<=>?_".indexOf(c) >= 0;
  }

  /** The VOL1 record. */
  public Bytes vol1() {
    StringBuilder r = new StringBuilder(RECORD_LENGTH);
    r.append("VOL1");
    put(r, volume, 6);            // 5-10 volume identifier
    r.append(' ');                // 11 accessibility
    put(r, "", 13);               // 12-24 reserved
    put(r, IMPLEMENTATION, 13);   // 25-37 implementation identifier
    put(r, owner, 14);            // 38-51 owner identifier
    put(r, "", 28);               // 52-79 reserved
    r.append('4');                // 80 label standard version
    return ascii(r);
  }

  /** The HDR1 record of the (empty) first file. */
  public Bytes hdr1() {
    StringBuilder r = new StringBuilder(RECORD_LENGTH);
    r.append("HDR1");
    put(r, "", 17);               // 5-21 file identifier
    put(r, volume, 6);            // 22-27 file set identifier
    r.append("0001");             // 28-31 file section number
    r.append("0001");             // 32-35 file sequence number
    r.append("0001");             // 36-39 generation number
    r.append("00");               // 40-41 generation version number
    r.append(julian(created));    // 42-47 creation date
    r.append(" 00000");           // 48-53 expiration date: none
    r.append(' ');                // 54 accessibility
    r.append("000000");           // 55-60 block count
    put(r, IMPLEMENTATION, 13);   // 61-73 implementation identifier
    put(r, "", 7);                // 74-80 reserved
    return ascii(r);
  }

  /**
   * Reads the volume identifier from the first block of a tape: empty when the block is not a VOL1 record
   * (a tape written without a standard label, or by something else).
   */
  public static Optional<String> volumeOf(Bytes firstBlock) {
    if (firstBlock.size() < 10) {
      return Optional.empty();
    }
    String head = new String(firstBlock.prefix(10).toByteArray(), StandardCharsets.US_ASCII);
    if (!head.startsWith("VOL1")) {
      return Optional.empty();
    }
    String id = head.substring(4, 10).strip();
    return id.isEmpty() ? Optional.empty() : Optional.of(id);
  }

  /** {@code cyyddd}: c is blank for the 1900s and {@code 0} for the 2000s (ISO 1001 7.2). */
  static String julian(LocalDate d) {
    char century = d.getYear() < 2000 ? ' ' : (char) ('0' + (d.getYear() / 100 - 20));
    return String.format("%c%02d%03d", century, d.getYear() % 100, d.getDayOfYear());
  }

  private static void put(StringBuilder r, String text, int width) {
    r.append(text);
    r.append(" ".repeat(width - text.length()));
  }

  private static Bytes ascii(StringBuilder r) {
    if (r.length() != RECORD_LENGTH) {
      throw new AssertionError("label record of " + r.length() + " bytes");
    }
    return Bytes.of(r.toString().getBytes(StandardCharsets.US_ASCII));
  }
}
