package org.vaultline.scsi.bytes;

import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * Reads little-endian fields at absolute offsets, for the wrappers that put SCSI inside another
 * protocol in Intel byte order (USB bulk-only CBW/CSW). Reads past the end throw
 * {@link MalformedResponseException}.
 */
public final class LittleEndianReader {
  private final Bytes bytes;

  public LittleEndianReader(Bytes bytes) {
    this.bytes = bytes;
  }

  public int length() {
    return bytes.size();
  }

  private void require(int offset, int length) throws MalformedResponseException {
    if (offset < 0 || length < 0 || (long) offset + length > bytes.size()) {
      throw new MalformedResponseException(Math.max(offset, 0), length + "-byte field at offset " + offset
          + " runs past the end of the data (" + bytes.size() + " bytes)");
    }
  }

  public int u8(int offset) throws MalformedResponseException {
    require(offset, 1);
    return bytes.get(offset);
  }

  public int u16(int offset) throws MalformedResponseException {
    require(offset, 2);
    return bytes.get(offset) | bytes.get(offset + 1) << 8;
  }

  public long u32(int offset) throws MalformedResponseException {
    require(offset, 4);
    return bytes.get(offset) | (bytes.get(offset + 1) << 8) | (bytes.get(offset + 2) << 16)
        | ((long) bytes.get(offset + 3) << 24);
  }

  public Bytes bytes(int offset, int length) throws MalformedResponseException {
    require(offset, length);
    return bytes.slice(offset, offset + length);
  }
}
