package org.vaultline.scsi.ssc;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.OptionalLong;
import org.vaultline.scsi.bytes.Bytes;

/**
 * One medium auxiliary memory attribute as READ ATTRIBUTE (8Ch) service action ATTRIBUTE VALUES returns
 * it (SPC-4, attribute format: identifier, READ ONLY bit, FORMAT, length, value). Values are kept raw;
 * {@link #text()} and {@link #number()} read the common formats.
 *
 * @param id the attribute identifier, 0000h..FFFFh (0806h BARCODE, 0401h MEDIUM SERIAL NUMBER ...)
 * @param readOnly READ ONLY: the application client cannot change it
 * @param format how the value is encoded
 * @param value the value bytes, at most FFFFh
 */
public record MamAttribute(int id, boolean readOnly, AttributeFormat format, Bytes value) {
  /** MEDIUM SERIAL NUMBER (ASCII, 32 bytes), set by the cartridge manufacturer. */
  public static final int MEDIUM_SERIAL_NUMBER = 0x0401;
  /** BARCODE (ASCII, 32 bytes), written by the application or the library. */
  public static final int BARCODE = 0x0806;

  public MamAttribute {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(value, "value");
    if (id < 0 || id > 0xFFFF) {
      throw new IllegalArgumentException("attribute identifier must fit in 16 bits: " + id);
    }
    if (value.size() > 0xFFFF) {
      throw new IllegalArgumentException("attribute value is longer than 65535 bytes: " + value.size());
    }
  }

  /** An ASCII attribute padded with spaces to {@code width} bytes, as a drive stores it. */
  public static MamAttribute ascii(int id, boolean readOnly, String text, int width) {
    byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
    byte[] v = new byte[width];
    for (int i = 0; i < width; i++) {
      v[i] = i < t.length ? t[i] : (byte) ' ';
    }
    return new MamAttribute(id, readOnly, AttributeFormat.ASCII, Bytes.of(v));
  }

  /** A binary attribute of {@code width} bytes holding {@code number}, big-endian. */
  public static MamAttribute binary(int id, boolean readOnly, long number, int width) {
    byte[] v = new byte[width];
    for (int i = 0; i < width; i++) {
      v[width - 1 - i] = i < 8 ? (byte) (number >>> (8 * i)) : 0;
    }
    return new MamAttribute(id, readOnly, AttributeFormat.BINARY, Bytes.of(v));
  }

  /**
   * The value as text with trailing spaces and NULs removed: ASCII as ISO-8859-1, TEXT as UTF-8 (the
   * usual TEXT LOCALIZATION IDENTIFIER; other character sets are rare). Binary values are shown the
   * same way, which is seldom what is wanted: check {@link #format()} first.
   */
  public String text() {
    int end = value.size();
    while (end > 0 && (value.get(end - 1) == ' ' || value.get(end - 1) == 0)) {
      end--;
    }
    byte[] b = value.slice(0, end).toByteArray();
    return new String(b, format == AttributeFormat.TEXT ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
  }

  /** A binary value of 1..8 bytes as an unsigned number; empty for longer or empty values. */
  public OptionalLong number() {
    if (value.isEmpty() || value.size() > 8) {
      return OptionalLong.empty();
    }
    long n = 0;
    for (int i = 0; i < value.size(); i++) {
      n = n << 8 | value.get(i);
    }
    return OptionalLong.of(n);
  }

  /** Header plus value: the number of bytes this attribute takes in READ ATTRIBUTE data. */
  public int encodedLength() {
    return 5 + value.size();
  }
}
