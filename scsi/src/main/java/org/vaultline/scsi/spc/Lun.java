package org.vaultline.scsi.spc;

import java.util.OptionalInt;
import org.vaultline.scsi.bytes.Bytes;

/**
 * An 8-byte SAM logical unit number as REPORT LUNS lists it and transports carry it. Kept raw;
 * {@link #number()} decodes the single-level forms: peripheral device addressing (byte 0 bits 7..6 =
 * 00b, bus identifier 0, LUN in byte 1) and flat space addressing (01b, 14-bit LUN in byte 0 bits
 * 5..0 and byte 1), bytes 2..7 zero.
 */
public record Lun(Bytes raw) implements Comparable<Lun> {
  public Lun {
    if (raw.size() != 8) {
      throw new IllegalArgumentException("a LUN has 8 bytes, not " + raw.size());
    }
  }

  /** LUN {@code number}: peripheral device addressing up to 255, flat space addressing up to 16383. */
  public static Lun of(int number) {
    if (number < 0 || number > 0x3fff) {
      throw new IllegalArgumentException("LUN " + number + " is outside 0..16383");
    }
    return number <= 0xff
        ? new Lun(Bytes.of(0, number, 0, 0, 0, 0, 0, 0))
        : new Lun(Bytes.of(0x40 | number >> 8, number, 0, 0, 0, 0, 0, 0));
  }

  /** ADDRESS METHOD, byte 0 bits 7..6: 00b peripheral, 01b flat space, 10b logical unit, 11b extended. */
  public int addressMethod() {
    return raw.get(0) >> 6;
  }

  /** The LUN as a number, for single-level peripheral (bus 0) or flat space addressing. */
  public OptionalInt number() {
    for (int i = 2; i < 8; i++) {
      if (raw.get(i) != 0) {
        return OptionalInt.empty();
      }
    }
    int b0 = raw.get(0);
    return switch (addressMethod()) {
      case 0 -> (b0 & 0x3f) == 0 ? OptionalInt.of(raw.get(1)) : OptionalInt.empty();
      case 1 -> OptionalInt.of((b0 & 0x3f) << 8 | raw.get(1));
      default -> OptionalInt.empty();
    };
  }

  @Override
  public int compareTo(Lun o) {
    return raw.compareTo(o.raw);
  }

  /** The number when it has one, else the 8 bytes in hex. */
  @Override
  public String toString() {
    OptionalInt n = number();
    return n.isPresent() ? Integer.toString(n.getAsInt()) : raw.hex();
  }
}
