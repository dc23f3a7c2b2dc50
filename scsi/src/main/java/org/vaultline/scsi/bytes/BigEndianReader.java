package org.vaultline.scsi.bytes;

import java.nio.charset.StandardCharsets;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * Reads big-endian (SCSI byte order) fields at absolute offsets of a {@link Bytes}, offset by a base
 * so that a parser of one descriptor can use the offsets its standard gives for that descriptor.
 * Every read past the end throws {@link MalformedResponseException} with the absolute offset, which
 * is what makes the parsers built on it total.
 */
public final class BigEndianReader {
  private final Bytes bytes;
  private final int base;
  private final int limit;

  public BigEndianReader(Bytes bytes) {
    this(bytes, 0, bytes.size());
  }

  private BigEndianReader(Bytes bytes, int base, int limit) {
    this.bytes = bytes;
    this.base = base;
    this.limit = limit;
  }

  /** A reader of {@code length} bytes starting at {@code offset}; offsets of the new reader start at 0. */
  public BigEndianReader sub(int offset, int length) throws MalformedResponseException {
    require(offset, length, "sub-structure");
    return new BigEndianReader(bytes, base + offset, base + offset + length);
  }

  /** Like {@link #sub} but shortened to what is there, for a structure whose stated length lies. */
  public BigEndianReader subClamped(int offset, int length) {
    int start = (int) Math.min((long) base + Math.max(offset, 0), limit);
    int end = (int) Math.min((long) start + Math.max(length, 0), limit);
    return new BigEndianReader(bytes, start, end);
  }

  /** Number of readable bytes. */
  public int length() {
    return limit - base;
  }

  /** Offset of this reader's byte 0 in the whole response, for error messages. */
  public int absoluteOffset(int offset) {
    return base + offset;
  }

  public boolean has(int offset, int length) {
    return offset >= 0 && length >= 0 && (long) base + offset + length <= limit;
  }

  private void require(int offset, int length, String what) throws MalformedResponseException {
    if (!has(offset, length)) {
      throw new MalformedResponseException(base + Math.max(offset, 0),
          what + " of " + length + " byte(s) at offset " + (base + offset)
              + " runs past the end of the data (" + limit + " bytes)");
    }
  }

  public int u8(int offset) throws MalformedResponseException {
    require(offset, 1, "byte");
    return bytes.get(base + offset);
  }

  public int u16(int offset) throws MalformedResponseException {
    require(offset, 2, "16-bit field");
    return bytes.get(base + offset) << 8 | bytes.get(base + offset + 1);
  }

  public int u24(int offset) throws MalformedResponseException {
    require(offset, 3, "24-bit field");
    return bytes.get(base + offset) << 16 | bytes.get(base + offset + 1) << 8 | bytes.get(base + offset + 2);
  }

  public long u32(int offset) throws MalformedResponseException {
    require(offset, 4, "32-bit field");
    return ((long) bytes.get(base + offset) << 24) | (bytes.get(base + offset + 1) << 16)
        | (bytes.get(base + offset + 2) << 8) | bytes.get(base + offset + 3);
  }

  /** A 32-bit field that must fit in an int (lengths, counts). */
  public int u32AsInt(int offset) throws MalformedResponseException {
    long v = u32(offset);
    if (v > Integer.MAX_VALUE) {
      throw new MalformedResponseException(base + offset, "32-bit value " + v + " is too large");
    }
    return (int) v;
  }

  public long u48(int offset) throws MalformedResponseException {
    require(offset, 6, "48-bit field");
    return ((long) u16(offset) << 32) | u32(offset + 2);
  }

  public long u64(int offset) throws MalformedResponseException {
    require(offset, 8, "64-bit field");
    return (u32(offset) << 32) | u32(offset + 4);
  }

  /** Bit {@code bit} (0 = least significant) of byte {@code offset}. */
  public boolean bit(int offset, int bit) throws MalformedResponseException {
    return (u8(offset) >> bit & 1) != 0;
  }

  /** Bits {@code high} down to {@code low} of byte {@code offset}, shifted down. */
  public int bits(int offset, int high, int low) throws MalformedResponseException {
    return (u8(offset) >> low) & ((1 << (high - low + 1)) - 1);
  }

  public Bytes bytes(int offset, int length) throws MalformedResponseException {
    require(offset, length, "field");
    return bytes.slice(base + offset, base + offset + length);
  }

  /** Everything from {@code offset} to the end of this reader (empty when offset is at or past it). */
  public Bytes rest(int offset) {
    int start = (int) Math.min((long) base + Math.max(offset, 0), limit);
    return bytes.slice(start, limit);
  }

  /** ASCII text with trailing spaces and NULs removed. */
  public String ascii(int offset, int length) throws MalformedResponseException {
    require(offset, length, "text field");
    int end = base + offset + length;
    while (end > base + offset && (bytes.get(end - 1) == ' ' || bytes.get(end - 1) == 0)) {
      end--;
    }
    return new String(bytes.slice(base + offset, end).toByteArray(), StandardCharsets.ISO_8859_1);
  }

  /** ASCII text exactly as stored. */
  public String asciiRaw(int offset, int length) throws MalformedResponseException {
    require(offset, length, "text field");
    return new String(bytes.slice(base + offset, base + offset + length).toByteArray(),
        StandardCharsets.ISO_8859_1);
  }
}
