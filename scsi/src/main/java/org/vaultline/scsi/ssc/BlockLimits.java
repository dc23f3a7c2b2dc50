package org.vaultline.scsi.ssc;

import org.vaultline.scsi.bytes.BigEndianReader;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * READ BLOCK LIMITS data (SSC-3, READ BLOCK LIMITS (05h)), 6 bytes.
 *
 * @param granularity GRANULARITY: supported block lengths are multiples of 2^granularity bytes (0..31)
 * @param maxBlockLength MAXIMUM BLOCK LENGTH LIMIT, 24 bits; 0 means no limit is given
 * @param minBlockLength MINIMUM BLOCK LENGTH LIMIT, 16 bits
 */
public record BlockLimits(int granularity, int maxBlockLength, int minBlockLength) {
  public static final int LENGTH = 6;

  public BlockLimits {
    if (granularity < 0 || granularity > 0x1F) {
      throw new IllegalArgumentException("granularity must be 0..31: " + granularity);
    }
    if (maxBlockLength < 0 || maxBlockLength > 0xFFFFFF) {
      throw new IllegalArgumentException("maximum block length must fit in 24 bits: " + maxBlockLength);
    }
    if (minBlockLength < 0 || minBlockLength > 0xFFFF) {
      throw new IllegalArgumentException("minimum block length must fit in 16 bits: " + minBlockLength);
    }
  }

  /** Only one block length is supported: the drive works in fixed-block mode only. */
  public boolean fixedOnly() {
    return maxBlockLength == minBlockLength;
  }

  /** Whether a block of {@code length} bytes is within the limits and the granularity. */
  public boolean accepts(int length) {
    boolean aligned = (length & ((1 << granularity) - 1)) == 0;
    boolean underMax = maxBlockLength == 0 || length <= maxBlockLength;
    return length >= minBlockLength && underMax && aligned;
  }

  /**
   * Parses the 6-byte block limits.
   *
   * @throws MalformedResponseException when fewer than 6 bytes came back
   */
  public static BlockLimits parse(Bytes data) throws MalformedResponseException {
    BigEndianReader r = new BigEndianReader(data);
    if (data.size() < LENGTH) {
      throw new MalformedResponseException(data.size(), "READ BLOCK LIMITS data is 6 bytes, got " + data.size());
    }
    return new BlockLimits(
        r.bits(0, 4, 0), // byte 0 bits 4..0: GRANULARITY
        r.u24(1), // bytes 1..3: MAXIMUM BLOCK LENGTH LIMIT
        r.u16(4)); // bytes 4..5: MINIMUM BLOCK LENGTH LIMIT
  }

  /** The 6 bytes a drive returns (used by the emulator). */
  public Bytes encode() {
    return new BigEndianWriter(LENGTH).u8(granularity).u24(maxBlockLength).u16(minBlockLength).toBytes();
  }
}
