package org.vaultline.scsi.spc;

import org.vaultline.scsi.CdbFields;

/**
 * SPC-4 designation descriptor CODE SET (byte 0 bits 3..0): how the designator's bytes are to be read.
 * A value type rather than an enum so that reserved codes are carried as received.
 */
public record CodeSet(int code) {
  public static final CodeSet BINARY = new CodeSet(1);
  public static final CodeSet ASCII = new CodeSet(2);
  public static final CodeSet UTF8 = new CodeSet(3);

  public CodeSet {
    CdbFields.checkRange("code set", code, 0xf);
  }

  public boolean isText() {
    return code == 2 || code == 3;
  }

  @Override
  public String toString() {
    return switch (code) {
      case 1 -> "binary";
      case 2 -> "ASCII";
      case 3 -> "UTF-8";
      default -> String.format("reserved code set %Xh", code);
    };
  }
}
