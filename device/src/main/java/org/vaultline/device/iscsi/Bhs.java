package org.vaultline.device.iscsi;

import org.vaultline.scsi.bytes.Bytes;

/**
 * The 48-byte Basic Header Segment (RFC 7143 11.2) as a mutable scratch buffer for the PDU records'
 * encoders and decoders. Offsets are always inside the 48 bytes, so no read or write here can fail.
 */
final class Bhs {
  static final int LENGTH = 48;
  /** The reserved tag value: "no task" for ITT, "no transfer" for TTT. */
  static final int NO_TAG = 0xffffffff;

  private final byte[] b;

  private Bhs(byte[] b) {
    this.b = b;
  }

  /** A header with the opcode (byte 0 bits 5..0) and the immediate bit (byte 0 bit 6) set. */
  static Bhs of(int opcode, boolean immediate) {
    Bhs h = new Bhs(new byte[LENGTH]);
    h.u8(0, (immediate ? 0x40 : 0) | opcode & 0x3f);
    return h;
  }

  /** Reads a header from exactly 48 bytes (copied). */
  static Bhs read(byte[] src, int offset) {
    byte[] b = new byte[LENGTH];
    System.arraycopy(src, offset, b, 0, LENGTH);
    return new Bhs(b);
  }

  static Bhs read(Bytes bytes) {
    return new Bhs(bytes.toByteArray());
  }

  int opcode() {
    return b[0] & 0x3f;
  }

  boolean immediate() {
    return bit(0, 6);
  }

  /** Byte 1 bit 7: the final (F) bit of most PDUs. */
  boolean finalBit() {
    return bit(1, 7);
  }

  /** Byte 4: TotalAHSLength in 4-byte words. */
  int totalAhsWords() {
    return u8(4);
  }

  /** Bytes 5..7: DataSegmentLength, without padding. */
  int dataSegmentLength() {
    return u24(5);
  }

  int u8(int off) {
    return b[off] & 0xff;
  }

  int u16(int off) {
    return (b[off] & 0xff) << 8 | b[off + 1] & 0xff;
  }

  int u24(int off) {
    return (b[off] & 0xff) << 16 | (b[off + 1] & 0xff) << 8 | b[off + 2] & 0xff;
  }

  /** A 32-bit field as an int holding the unsigned value's bits (tags and sequence numbers). */
  int i32(int off) {
    return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | b[off + 3] & 0xff;
  }

  long i64(int off) {
    return (long) i32(off) << 32 | i32(off + 4) & 0xffffffffL;
  }

  boolean bit(int off, int bit) {
    return (b[off] >> bit & 1) != 0;
  }

  Bytes bytes(int off, int len) {
    return Bytes.of(b, off, len);
  }

  Bhs u8(int off, int v) {
    b[off] = (byte) v;
    return this;
  }

  Bhs u16(int off, int v) {
    b[off] = (byte) (v >> 8);
    b[off + 1] = (byte) v;
    return this;
  }

  Bhs u24(int off, int v) {
    b[off] = (byte) (v >> 16);
    b[off + 1] = (byte) (v >> 8);
    b[off + 2] = (byte) v;
    return this;
  }

  Bhs i32(int off, int v) {
    b[off] = (byte) (v >> 24);
    b[off + 1] = (byte) (v >> 16);
    b[off + 2] = (byte) (v >> 8);
    b[off + 3] = (byte) v;
    return this;
  }

  Bhs i64(int off, long v) {
    i32(off, (int) (v >> 32));
    return i32(off + 4, (int) v);
  }

  Bhs bit(int off, int bit, boolean on) {
    if (on) {
      b[off] |= (byte) (1 << bit);
    } else {
      b[off] &= (byte) ~(1 << bit);
    }
    return this;
  }

  Bhs bytes(int off, Bytes v) {
    v.copyTo(b, off);
    return this;
  }

  /** Fills in TotalAHSLength and DataSegmentLength and returns the finished header. */
  Bytes finish(Bytes ahs, Bytes data) {
    u8(4, ahs.size() / 4);
    u24(5, data.size());
    return Bytes.of(b);
  }
}
