package org.vaultline.scsi.bytes;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable string of bytes. Records hold {@code Bytes}, never {@code byte[]}, so that a parsed
 * response can be neither changed behind the parser's back nor compared by identity.
 */
public final class Bytes implements Comparable<Bytes> {
  public static final Bytes EMPTY = new Bytes(new byte[0]);
  private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

  private final byte[] data;

  private Bytes(byte[] data) {
    this.data = data;
  }

  /** A copy of {@code data}. */
  public static Bytes of(byte[] data) {
    return data.length == 0 ? EMPTY : new Bytes(data.clone());
  }

  /**
   * A copy of {@code length} bytes of {@code data} from {@code offset}.
   *
   * @throws IndexOutOfBoundsException when the range is not inside {@code data}
   */
  public static Bytes of(byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    return new Bytes(Arrays.copyOfRange(data, offset, offset + length));
  }

  /** Bytes from int values, each taken modulo 256: {@code Bytes.of(0x12, 0x00, 0xff)}. */
  public static Bytes of(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return new Bytes(b);
  }

  /** {@code length} zero bytes. */
  public static Bytes zeros(int length) {
    return new Bytes(new byte[length]);
  }

  /** The US-ASCII (ISO-8859-1 for bytes above 7Fh) encoding of {@code text}. */
  public static Bytes ascii(String text) {
    return new Bytes(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /**
   * Parses hex pairs separated by any whitespace, optionally with {@code 0x} prefixes, e.g.
   * {@code "12 00 00 00 60 00"}.
   *
   * @throws IllegalArgumentException naming the offending token
   */
  public static Bytes fromHex(String hex) {
    // a 0x prefix is dropped only where a token starts, so that "a0x1" stays an error
    String compact = hex.strip().replaceAll("(^|\\s)0[xX]", "$1").replaceAll("\\s+", "");
    if (compact.length() % 2 != 0) {
      throw new IllegalArgumentException("odd number of hex digits in \"" + hex + "\"");
    }
    try {
      return new Bytes(HexFormat.of().parseHex(compact));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not hex: \"" + hex + "\"", e);
    }
  }

  /** Wraps without copying; only for code that has just made {@code data} and drops it. */
  static Bytes wrap(byte[] data) {
    return new Bytes(data);
  }

  public int size() {
    return data.length;
  }

  public boolean isEmpty() {
    return data.length == 0;
  }

  /** The byte at {@code index} as an unsigned value 0..255. */
  public int get(int index) {
    return data[index] & 0xff;
  }

  /**
   * Bytes {@code from} (inclusive) to {@code to} (exclusive).
   *
   * @throws IndexOutOfBoundsException when the range is not inside these bytes (never padded)
   */
  public Bytes slice(int from, int to) {
    Objects.checkFromToIndex(from, to, data.length);
    if (from == 0 && to == data.length) {
      return this;
    }
    return new Bytes(Arrays.copyOfRange(data, from, to));
  }

  /** The first {@code n} bytes, or all of them when there are fewer. */
  public Bytes prefix(int n) {
    return slice(0, Math.min(n, data.length));
  }

  public Bytes concat(Bytes other) {
    byte[] b = Arrays.copyOf(data, data.length + other.data.length);
    System.arraycopy(other.data, 0, b, data.length, other.data.length);
    return new Bytes(b);
  }

  /** A copy of the bytes, for handing to I/O. */
  public byte[] toByteArray() {
    return data.clone();
  }

  /** Copies the bytes into {@code dest} at {@code offset}. */
  public void copyTo(byte[] dest, int offset) {
    System.arraycopy(data, 0, dest, offset, data.length);
  }

  /** Hex pairs separated by spaces: {@code 12 00 00 00 60 00}. */
  public String hex() {
    return HEX.formatHex(data);
  }

  /** A hex dump with 16 bytes a line, offsets on the left, as sg3_utils prints it. */
  public String hexDump() {
    StringBuilder sb = new StringBuilder();
    for (int line = 0; line < data.length; line += 16) {
      sb.append(String.format("%04x  ", line));
      int end = Math.min(line + 16, data.length);
      for (int i = line; i < end; i++) {
        sb.append(String.format("%02x", data[i] & 0xff)).append(i == line + 7 ? "  " : " ");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes other && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data);
  }

  @Override
  public int compareTo(Bytes o) {
    return Arrays.compareUnsigned(data, o.data);
  }

  /** Hex pairs; long values are shortened in the middle so that logs stay readable. */
  @Override
  public String toString() {
    if (data.length <= 64) {
      return hex();
    }
    return HEX.formatHex(data, 0, 32) + " ... (" + data.length + " bytes) ... "
        + HEX.formatHex(data, data.length - 16, data.length);
  }
}
