package org.vaultline.emulator.personality;

import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;

/** A sense key with ASC and ASCQ, written {@code 2/04/85} in personality files. */
public record SenseCode(SenseKey key, int asc, int ascq) {

  public static SenseCode of(SenseKey key, int asc, int ascq) {
    return new SenseCode(key, asc, ascq);
  }

  /** Parses {@code K/AA/QQ} (hex), or {@code AA/QQ} for an element's ASC/ASCQ alone (key 0). */
  public static SenseCode parse(String text) {
    String[] p = text.trim().split("/");
    if (p.length == 2) {
      p = new String[] {"0", p[0], p[1]};
    }
    if (p.length != 3) {
      throw new IllegalArgumentException("a sense code is written K/AA/QQ: \"" + text + "\"");
    }
    return new SenseCode(SenseKey.of(Integer.parseInt(p[0], 16)), Integer.parseInt(p[1], 16),
        Integer.parseInt(p[2], 16));
  }

  public Sense toSense() {
    return Sense.of(key, asc, ascq);
  }

  @Override
  public String toString() {
    return String.format("%X/%02X/%02X", key.code(), asc, ascq);
  }
}
