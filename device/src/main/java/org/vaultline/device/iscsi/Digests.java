package org.vaultline.device.iscsi;

import java.util.zip.CRC32C;

/**
 * Which digests protect the PDUs of a connection (RFC 7143 13.1 HeaderDigest, DataDigest), and the
 * CRC32C they use. On the wire the 32-bit CRC goes least significant byte first: RFC 3720 B.4 gives
 * {@code aa 36 91 8a} for 32 zero bytes, whose CRC32C is 8A9136AAh.
 */
public record Digests(boolean header, boolean data) {
  public static final Digests NONE = new Digests(false, false);

  /** CRC32C of {@code len} bytes of {@code b} from {@code off}. */
  static int crc32c(byte[] b, int off, int len) {
    CRC32C crc = new CRC32C();
    crc.update(b, off, len);
    return (int) crc.getValue();
  }

  static void putDigest(byte[] dst, int off, int crc) {
    dst[off] = (byte) crc;
    dst[off + 1] = (byte) (crc >> 8);
    dst[off + 2] = (byte) (crc >> 16);
    dst[off + 3] = (byte) (crc >> 24);
  }

  static int getDigest(byte[] src, int off) {
    return src[off] & 0xff | (src[off + 1] & 0xff) << 8 | (src[off + 2] & 0xff) << 16 | (src[off + 3] & 0xff) << 24;
  }
}
