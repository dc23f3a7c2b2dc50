package org.vaultline.scsi.ssc;

import java.util.ArrayList;
import java.util.List;
import org.vaultline.scsi.bytes.BigEndianReader;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * What {@link DensitySupport} and {@link MediumTypeSupport} share (SSC-3 REPORT DENSITY SUPPORT, 44h):
 * a 4-byte header, bytes 0..1 AVAILABLE DENSITY SUPPORT LENGTH and bytes 2..3 reserved, then
 * descriptors of one fixed length.
 */
final class DensitySupportLayout {
  private DensitySupportLayout() {
  }

  /** Decodes one descriptor from a reader over exactly its bytes. */
  interface DescriptorParser<D> {
    D parse(BigEndianReader descriptor) throws MalformedResponseException;
  }

  /** The header's length field and the descriptors received whole. */
  record Parsed<D>(int availableLength, List<D> descriptors) {
  }

  /** The AVAILABLE DENSITY SUPPORT LENGTH of {@code count} descriptors: the bytes after the field itself. */
  static int availableLength(int count, int descriptorLength) {
    return 2 + descriptorLength * count;
  }

  static void checkAvailableLength(int availableLength) {
    if (availableLength < 0 || availableLength > 0xFFFF) {
      throw new IllegalArgumentException("available length must fit in 16 bits: " + availableLength);
    }
  }

  /**
   * Parses the data. A descriptor cut by the end of the transfer is dropped.
   *
   * @throws MalformedResponseException when the header is missing, its length is below 2, or the
   *     stated length is not a whole number of descriptors although all of it was transferred
   */
  static <D> Parsed<D> parse(Bytes data, int descriptorLength, DescriptorParser<D> parser)
      throws MalformedResponseException {
    BigEndianReader r = new BigEndianReader(data);
    int available = r.u16(0); // bytes 0..1: AVAILABLE DENSITY SUPPORT LENGTH; bytes 2..3 reserved
    r.u16(2);
    if (available < 2) {
      throw new MalformedResponseException(0, "available density support length " + available
          + " does not even cover the header");
    }
    int declaredEnd = 2 + available;
    boolean cutShort = declaredEnd > data.size();
    int end = Math.min(declaredEnd, data.size());
    if (!cutShort && (available - 2) % descriptorLength != 0) {
      throw new MalformedResponseException(0, "available density support length " + available
          + " is not 2 plus a multiple of " + descriptorLength);
    }
    List<D> list = new ArrayList<>();
    for (int off = 4; off + descriptorLength <= end; off += descriptorLength) {
      list.add(parser.parse(r.sub(off, descriptorLength)));
    }
    return new Parsed<>(available, list);
  }

  /** A writer holding the header, with room for {@code count} descriptors of {@code descriptorLength} bytes. */
  static BigEndianWriter header(int availableLength, int count, int descriptorLength) {
    return new BigEndianWriter(4 + descriptorLength * count).u16(availableLength).zeros(2);
  }
}
