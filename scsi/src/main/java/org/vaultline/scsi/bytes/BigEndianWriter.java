package org.vaultline.scsi.bytes;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds big-endian (SCSI byte order) data: CDBs, and the responses the emulator sends. Writes append
 * at the end; {@code put*At} methods fill a field already written (a length known only afterwards).
 */
public final class BigEndianWriter {
  private byte[] buf;
  private int size;

  public BigEndianWriter() {
    this(32);
  }

  public BigEndianWriter(int capacity) {
    buf = new byte[Math.max(capacity, 8)];
  }

  private void ensure(int more) {
    if (size + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
  }

  public int size() {
    return size;
  }

  public BigEndianWriter u8(int v) {
    ensure(1);
    buf[size++] = (byte) v;
    return this;
  }

  public BigEndianWriter u16(int v) {
    return u8(v >> 8).u8(v);
  }

  public BigEndianWriter u24(int v) {
    return u8(v >> 16).u8(v >> 8).u8(v);
  }

  public BigEndianWriter u32(long v) {
    return u8((int) (v >> 24)).u8((int) (v >> 16)).u8((int) (v >> 8)).u8((int) v);
  }

  public BigEndianWriter u48(long v) {
    return u16((int) (v >> 32)).u32(v);
  }

  public BigEndianWriter u64(long v) {
    return u32(v >>> 32).u32(v);
  }

  public BigEndianWriter zeros(int n) {
    ensure(n);
    size += n;
    return this;
  }

  public BigEndianWriter bytes(Bytes b) {
    ensure(b.size());
    b.copyTo(buf, size);
    size += b.size();
    return this;
  }

  /** {@code text} in ISO-8859-1, padded with spaces (or cut) to exactly {@code width} bytes. */
  public BigEndianWriter asciiPadded(String text, int width) {
    byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
    ensure(width);
    for (int i = 0; i < width; i++) {
      buf[size + i] = i < t.length ? t[i] : (byte) ' ';
    }
    size += width;
    return this;
  }

  public BigEndianWriter putU8At(int offset, int v) {
    check(offset, 1);
    buf[offset] = (byte) v;
    return this;
  }

  public BigEndianWriter putU16At(int offset, int v) {
    check(offset, 2);
    buf[offset] = (byte) (v >> 8);
    buf[offset + 1] = (byte) v;
    return this;
  }

  public BigEndianWriter putU24At(int offset, int v) {
    check(offset, 3);
    buf[offset] = (byte) (v >> 16);
    buf[offset + 1] = (byte) (v >> 8);
    buf[offset + 2] = (byte) v;
    return this;
  }

  public BigEndianWriter putU32At(int offset, long v) {
    check(offset, 4);
    for (int i = 0; i < 4; i++) {
      buf[offset + i] = (byte) (v >> (24 - 8 * i));
    }
    return this;
  }

  /** Sets ({@code on}) or clears bit {@code bit} of the byte already written at {@code offset}. */
  public BigEndianWriter setBitAt(int offset, int bit, boolean on) {
    check(offset, 1);
    if (on) {
      buf[offset] |= (byte) (1 << bit);
    } else {
      buf[offset] &= (byte) ~(1 << bit);
    }
    return this;
  }

  private void check(int offset, int length) {
    if (offset < 0 || offset + length > size) {
      throw new IndexOutOfBoundsException("field at " + offset + " (+" + length + ") outside " + size + " bytes written");
    }
  }

  public Bytes toBytes() {
    return Bytes.wrap(Arrays.copyOf(buf, size));
  }
}
