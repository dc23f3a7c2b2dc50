package org.vaultline.device.iscsi;

import java.util.Arrays;
import java.util.Optional;
import org.vaultline.scsi.bytes.Bytes;

/**
 * Cuts a byte stream into PDUs, whatever the size of the pieces it is fed (one byte at a time or many
 * PDUs at once). Every input yields PDUs or a {@link MalformedPduException}; after a header error the
 * stream cannot be resynchronised and every later call throws the same error, while a
 * {@link DataDigestException} consumes the damaged PDU and leaves the decoder usable.
 */
public final class PduDecoder {
  private final int maxDataSegmentLength;
  private Digests digests = Digests.NONE;
  private byte[] buf = new byte[8192];
  private int start;
  private int end;
  private MalformedPduException broken;

  /**
   * @param maxDataSegmentLength the largest data segment accepted, at most 2^24 - 1 (the field's range);
   *     a larger DataSegmentLength is an error rather than a reason to buffer it
   */
  public PduDecoder(int maxDataSegmentLength) {
    if (maxDataSegmentLength < 0 || maxDataSegmentLength > 0xffffff) {
      throw new IllegalArgumentException("maximum data segment length out of range: " + maxDataSegmentLength);
    }
    this.maxDataSegmentLength = maxDataSegmentLength;
  }

  /** Digests apply from the next PDU on (after login, RFC 7143 13.1). */
  public void digests(Digests d) {
    this.digests = d;
  }

  public Digests digests() {
    return digests;
  }

  /** Appends received bytes. */
  public void feed(byte[] b, int off, int len) {
    if (end + len > buf.length) {
      if (end - start + len <= buf.length) {
        System.arraycopy(buf, start, buf, 0, end - start);
      } else {
        byte[] nb = new byte[Math.max(buf.length * 2, end - start + len)];
        System.arraycopy(buf, start, nb, 0, end - start);
        buf = nb;
      }
      end -= start;
      start = 0;
    }
    System.arraycopy(b, off, buf, end, len);
    end += len;
  }

  public void feed(byte[] b) {
    feed(b, 0, b.length);
  }

  /** Bytes received but not yet part of a complete PDU. */
  public int buffered() {
    return end - start;
  }

  /** The next complete PDU, or empty when more bytes are needed. */
  public Optional<Pdu> next() throws MalformedPduException {
    if (broken != null) {
      throw broken;
    }
    int available = end - start;
    if (available < Bhs.LENGTH) {
      return Optional.empty();
    }
    int ahsLength = (buf[start + 4] & 0xff) * 4;
    int dataLength = (buf[start + 5] & 0xff) << 16 | (buf[start + 6] & 0xff) << 8 | buf[start + 7] & 0xff;
    if (dataLength > maxDataSegmentLength) {
      throw fail("DataSegmentLength " + dataLength + " exceeds the limit of " + maxDataSegmentLength
          + " (opcode " + String.format("%02Xh", buf[start] & 0x3f) + ")");
    }
    int headerLength = Bhs.LENGTH + ahsLength;
    int headerDigest = digests.header() ? 4 : 0;
    int padded = (dataLength + 3) & ~3;
    int dataDigest = digests.data() && dataLength > 0 ? 4 : 0;
    int total = headerLength + headerDigest + padded + dataDigest;
    if (available < total) {
      return Optional.empty();
    }
    int p = start;
    if (digests.header()) {
      int expected = Digests.crc32c(buf, p, headerLength);
      int got = Digests.getDigest(buf, p + headerLength);
      if (expected != got) {
        throw fail(String.format("header digest %08X does not match CRC32C %08X", got, expected));
      }
    }
    Bytes header = Bytes.of(buf, p, Bhs.LENGTH);
    Bytes ahs = Bytes.of(buf, p + Bhs.LENGTH, ahsLength);
    int dataStart = p + headerLength + headerDigest;
    Bytes data = Bytes.of(buf, dataStart, dataLength);
    start += total;
    if (dataDigest != 0) {
      int expected = Digests.crc32c(buf, dataStart, padded);
      int got = Digests.getDigest(buf, dataStart + padded);
      if (expected != got) {
        throw new DataDigestException(String.format("data digest %08X does not match CRC32C %08X", got,
            expected), header);
      }
    }
    if (start == end) {
      start = 0;
      end = 0;
      if (buf.length > 1 << 20) {
        buf = new byte[8192];
      }
    }
    // a malformed data segment (a bad SenseLength) leaves the framing, and so the decoder, intact
    return Optional.of(Pdu.decode(header, ahs, data));
  }

  private MalformedPduException fail(String message) {
    broken = new MalformedPduException(message);
    Arrays.fill(buf, (byte) 0);
    start = 0;
    end = 0;
    return broken;
  }
}
