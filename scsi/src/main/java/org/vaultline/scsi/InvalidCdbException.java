package org.vaultline.scsi;

import java.util.OptionalInt;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;

/**
 * A CDB that its command's decoder rejects, pointing at the offending byte and bit: what a target
 * answers with ILLEGAL REQUEST, INVALID FIELD IN CDB (5/24/00) and the field pointer set.
 */
public class InvalidCdbException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int fieldByte;
  private final OptionalInt bit;
  private final int asc;
  private final int ascq;

  public InvalidCdbException(int fieldByte, OptionalInt bit, String reason) {
    this(fieldByte, bit, 0x24, 0x00, reason);
  }

  public InvalidCdbException(int fieldByte, OptionalInt bit, int asc, int ascq, String reason) {
    super(reason + " (CDB byte " + fieldByte + (bit.isPresent() ? " bit " + bit.getAsInt() : "") + ")");
    this.fieldByte = fieldByte;
    this.bit = bit;
    this.asc = asc;
    this.ascq = ascq;
  }

  public int fieldByte() {
    return fieldByte;
  }

  public OptionalInt bit() {
    return bit;
  }

  /** The sense a target returns for this CDB: 5/24/00 (or the given ASC) with the field pointer. */
  public Sense toSense() {
    return Sense.of(SenseKey.ILLEGAL_REQUEST, asc, ascq).withCdbFieldPointer(fieldByte, bit);
  }
}
