package org.vaultline.scsi.ssc;

import org.vaultline.scsi.bytes.BigEndianReader;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * READ ATTRIBUTE (8Ch) LOGICAL VOLUME LIST or PARTITION LIST data (SPC-4): AVAILABLE DATA (2 bytes,
 * 0002h), the first number and how many are available.
 *
 * @param availableData the AVAILABLE DATA field, 2 from a conforming device
 * @param first FIRST LOGICAL VOLUME NUMBER or FIRST PARTITION NUMBER
 * @param count NUMBER OF LOGICAL VOLUMES AVAILABLE or NUMBER OF PARTITIONS AVAILABLE
 */
public record AttributeNumberRange(int availableData, int first, int count) implements AttributeData {
  public AttributeNumberRange {
    if (availableData < 0 || availableData > 0xFFFF || first < 0 || first > 0xFF || count < 0 || count > 0xFF) {
      throw new IllegalArgumentException("field out of range: " + availableData + "/" + first + "/" + count);
    }
  }

  public static AttributeNumberRange of(int first, int count) {
    return new AttributeNumberRange(2, first, count);
  }

  /**
   * Parses the 4 bytes.
   *
   * @throws MalformedResponseException when fewer than 4 bytes came back
   */
  public static AttributeNumberRange parse(Bytes data) throws MalformedResponseException {
    BigEndianReader r = new BigEndianReader(data);
    // bytes 0..1: AVAILABLE DATA; byte 2: FIRST ...NUMBER; byte 3: NUMBER OF ... AVAILABLE
    return new AttributeNumberRange(r.u16(0), r.u8(2), r.u8(3));
  }

  @Override
  public Bytes encode() {
    return new BigEndianWriter(4).u16(availableData).u8(first).u8(count).toBytes();
  }
}
