package org.vaultline.device.usb;

import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.bytes.LittleEndianReader;
import org.vaultline.scsi.bytes.LittleEndianWriter;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * USB Mass Storage Class Bulk-Only Transport 1.0, 5.1: the 31-byte Command Block Wrapper that carries a
 * CDB to the device on the bulk-out pipe. Little-endian, around a big-endian CDB.
 *
 * @param tag echoed in the CSW so the host can pair them
 * @param dataTransferLength bytes the host expects to move in the data phase (unsigned 32 bits)
 * @param dataIn direction of the data phase: true device to host
 * @param lun logical unit number, 0..15
 * @param cdb the command block, 1..16 bytes
 */
public record CommandBlockWrapper(int tag, long dataTransferLength, boolean dataIn, int lun, Bytes cdb) {
  public static final int LENGTH = 31;
  /** "USBC" read as a little-endian 32-bit number. */
  public static final long SIGNATURE = 0x43425355L;

  public CommandBlockWrapper {
    if (dataTransferLength < 0 || dataTransferLength > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("data transfer length out of range: " + dataTransferLength);
    }
    if (lun < 0 || lun > 15) {
      throw new IllegalArgumentException("LUN out of range 0..15: " + lun);
    }
    if (cdb.isEmpty() || cdb.size() > 16) {
      throw new IllegalArgumentException("a CBW carries a CDB of 1 to 16 bytes, not " + cdb.size());
    }
  }

  public Bytes encode() {
    return new LittleEndianWriter()
        .u32(SIGNATURE)              // bytes 0-3: dCBWSignature
        .u32(tag)                    // bytes 4-7: dCBWTag
        .u32(dataTransferLength)     // bytes 8-11: dCBWDataTransferLength
        .u8(dataIn ? 0x80 : 0x00)    // byte 12 bit 7: direction, 1 = Data-In
        .u8(lun)                     // byte 13 bits 3..0: bCBWLUN
        .u8(cdb.size())              // byte 14 bits 4..0: bCBWCBLength
        .bytes(cdb)                  // bytes 15-30: CBWCB, zero padded
        .zeros(16 - cdb.size())
        .toBytes();
  }

  /**
   * Decodes a CBW as a device receives it. BOT 6.2.1: a CBW is valid only when it is exactly 31 bytes
   * with the signature; 6.2.2: meaningful only with reserved bits zero and a CB length of 1..16.
   */
  public static CommandBlockWrapper decode(Bytes raw) throws MalformedResponseException {
    LittleEndianReader r = new LittleEndianReader(raw);
    if (raw.size() != LENGTH) {
      throw new MalformedResponseException(Math.min(raw.size(), LENGTH), "a CBW is 31 bytes, not " + raw.size());
    }
    long signature = r.u32(0);
    if (signature != SIGNATURE) {
      throw new MalformedResponseException(0, String.format("CBW signature %08X, expected %08X", signature,
          SIGNATURE));
    }
    int flags = r.u8(12);
    if ((flags & 0x7f) != 0) {
      throw new MalformedResponseException(12, String.format("reserved bits set in bmCBWFlags %02X", flags));
    }
    int lunByte = r.u8(13);
    if ((lunByte & 0xf0) != 0) {
      throw new MalformedResponseException(13, String.format("reserved bits set in bCBWLUN %02X", lunByte));
    }
    int cbLength = r.u8(14);
    if (cbLength < 1 || cbLength > 16) {
      throw new MalformedResponseException(14, "bCBWCBLength " + cbLength + " is not 1..16");
    }
    return new CommandBlockWrapper((int) r.u32(4), r.u32(8), (flags & 0x80) != 0, lunByte, r.bytes(15, cbLength));
  }
}
