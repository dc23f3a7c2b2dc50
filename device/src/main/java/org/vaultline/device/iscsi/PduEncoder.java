package org.vaultline.device.iscsi;

import org.vaultline.scsi.bytes.Bytes;

/**
 * Writes a PDU as it goes on the wire (RFC 7143 11.1): header, AHS, header digest, data padded to a
 * multiple of 4 bytes, data digest over data and padding.
 */
public final class PduEncoder {
  private PduEncoder() {
  }

  public static byte[] encode(Pdu pdu, Digests digests) {
    Bytes header = pdu.header();
    Bytes ahs = pdu.ahs();
    Bytes data = pdu.data();
    int headerLength = header.size() + ahs.size();
    int padded = (data.size() + 3) & ~3;
    int length = headerLength + (digests.header() ? 4 : 0) + padded
        + (digests.data() && !data.isEmpty() ? 4 : 0);
    byte[] out = new byte[length];
    header.copyTo(out, 0);
    ahs.copyTo(out, header.size());
    int off = headerLength;
    if (digests.header()) {
      Digests.putDigest(out, off, Digests.crc32c(out, 0, headerLength));
      off += 4;
    }
    data.copyTo(out, off);
    if (digests.data() && !data.isEmpty()) {
      Digests.putDigest(out, off + padded, Digests.crc32c(out, off, padded));
    }
    return out;
  }
}
