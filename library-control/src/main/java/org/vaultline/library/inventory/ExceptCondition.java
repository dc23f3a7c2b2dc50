package org.vaultline.library.inventory;

import org.vaultline.scsi.sense.AdditionalSense;

/**
 * Why an element is in an abnormal state: EXCEPT set in its element descriptor (SMC-3 6.11, byte 2
 * bit 2) with the ASC/ASCQ of bytes 4..5. Vendor codes (83/00 "label not yet scanned" on IBM libraries)
 * are kept as they are.
 */
public record ExceptCondition(int asc, int ascq) {
  public ExceptCondition {
    if (asc < 0 || asc > 0xFF || ascq < 0 || ascq > 0xFF) {
      throw new IllegalArgumentException("ASC and ASCQ are bytes: " + asc + "/" + ascq);
    }
  }

  public boolean is(int asc, int ascq) {
    return this.asc == asc && this.ascq == ascq;
  }

  /** The T10 text, or "vendor specific", with the codes: {@code vendor specific [83/00]}. */
  public String text() {
    return AdditionalSense.lookup(asc, ascq).orElse("vendor specific") + String.format(" [%02X/%02X]", asc, ascq);
  }

  @Override
  public String toString() {
    return text();
  }
}
