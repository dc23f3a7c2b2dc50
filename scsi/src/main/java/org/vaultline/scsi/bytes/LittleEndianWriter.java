package org.vaultline.scsi.bytes;

import java.util.Arrays;

/** Builds little-endian data (USB bulk-only CBW/CSW). */
public final class LittleEndianWriter {
  private byte[] buf = new byte[32];
  private int size;

  private void ensure(int more) {
    if (size + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
  }

  public int size() {
    return size;
  }

  public LittleEndianWriter u8(int v) {
    ensure(1);
    buf[size++] = (byte) v;
    return this;
  }

  public LittleEndianWriter u16(int v) {
    return u8(v).u8(v >> 8);
  }

  public LittleEndianWriter u32(long v) {
    return u8((int) v).u8((int) (v >> 8)).u8((int) (v >> 16)).u8((int) (v >> 24));
  }

  public LittleEndianWriter bytes(Bytes b) {
    ensure(b.size());
    b.copyTo(buf, size);
    size += b.size();
    return this;
  }

  public LittleEndianWriter zeros(int n) {
    ensure(n);
    size += n;
    return this;
  }

  public Bytes toBytes() {
    return Bytes.wrap(Arrays.copyOf(buf, size));
  }
}
