package org.vaultline.device.usb;

import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.bytes.LittleEndianReader;
import org.vaultline.scsi.bytes.LittleEndianWriter;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * USB Mass Storage Class Bulk-Only Transport 1.0, 5.2: the 13-byte Command Status Wrapper the device
 * returns on the bulk-in pipe after each command. Status values other than 0..2 are reserved; they are
 * kept as read and the transport treats them like a phase error.
 *
 * @param tag the tag of the CBW this answers
 * @param dataResidue bytes of the data phase not processed (unsigned 32 bits)
 * @param status 0 passed, 1 failed (the host asks REQUEST SENSE), 2 phase error (reset recovery)
 */
public record CommandStatusWrapper(int tag, long dataResidue, int status) {
  public static final int LENGTH = 13;
  /** "USBS" read as a little-endian 32-bit number. */
  public static final long SIGNATURE = 0x53425355L;
  public static final int PASSED = 0;
  public static final int FAILED = 1;
  public static final int PHASE_ERROR = 2;

  public CommandStatusWrapper {
    if (dataResidue < 0 || dataResidue > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("data residue out of range: " + dataResidue);
    }
    if (status < 0 || status > 0xff) {
      throw new IllegalArgumentException("status is one byte: " + status);
    }
  }

  public Bytes encode() {
    return new LittleEndianWriter()
        .u32(SIGNATURE)   // bytes 0-3: dCSWSignature
        .u32(tag)         // bytes 4-7: dCSWTag
        .u32(dataResidue) // bytes 8-11: dCSWDataResidue
        .u8(status)       // byte 12: bCSWStatus
        .toBytes();
  }

  /** BOT 6.3.1: a CSW is valid only when it is exactly 13 bytes and carries the signature. */
  public static CommandStatusWrapper decode(Bytes raw) throws MalformedResponseException {
    LittleEndianReader r = new LittleEndianReader(raw);
    if (raw.size() != LENGTH) {
      throw new MalformedResponseException(Math.min(raw.size(), LENGTH), "a CSW is 13 bytes, not " + raw.size());
    }
    long signature = r.u32(0);
    if (signature != SIGNATURE) {
      throw new MalformedResponseException(0, String.format("CSW signature %08X, expected %08X", signature,
          SIGNATURE));
    }
    return new CommandStatusWrapper((int) r.u32(4), r.u32(8), r.u8(12));
  }

  public String describeStatus() {
    return switch (status) {
      case PASSED -> "passed";
      case FAILED -> "failed";
      case PHASE_ERROR -> "phase error";
      default -> String.format("reserved status %02Xh", status);
    };
  }
}
