package org.vaultline.scsi.ssc;

import java.util.OptionalLong;
import org.vaultline.scsi.bytes.BigEndianReader;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * The short-form READ POSITION data (SSC-3, READ POSITION (34h) service action 00h), 20 bytes.
 *
 * @param beginningOfPartition BOP: at the beginning of the partition
 * @param endOfPartition EOP: between early warning and the end of the partition
 * @param objectCountUnknown LOCU: {@code objectsInBuffer} is not valid
 * @param byteCountUnknown BYCU: {@code bytesInBuffer} is not valid
 * @param locationUnknown LOLU: the first and last locations are not valid
 * @param positionError PERR: the buffer counts overflowed their fields
 * @param beyondProgrammableEarlyWarning BPEW: past the programmable early warning
 * @param partition the current partition
 * @param firstLocation the logical object identifier of the next object to be read or written
 * @param lastLocation the identifier of the next object to be written to the medium from the buffer
 * @param objectsInBuffer logical objects in the buffer not yet on the medium (24 bits)
 * @param bytesInBuffer bytes in the buffer not yet on the medium (32 bits)
 */
public record ReadPositionShort(
    boolean beginningOfPartition,
    boolean endOfPartition,
    boolean objectCountUnknown,
    boolean byteCountUnknown,
    boolean locationUnknown,
    boolean positionError,
    boolean beyondProgrammableEarlyWarning,
    int partition,
    long firstLocation,
    long lastLocation,
    int objectsInBuffer,
    long bytesInBuffer) {

  /** The length of the short form. */
  public static final int LENGTH = 20;

  public ReadPositionShort {
    if (partition < 0 || partition > 0xFF) {
      throw new IllegalArgumentException("partition must be 0..255: " + partition);
    }
    if (firstLocation < 0 || firstLocation > 0xFFFFFFFFL || lastLocation < 0 || lastLocation > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("locations must fit in 32 bits");
    }
    if (objectsInBuffer < 0 || objectsInBuffer > 0xFFFFFF) {
      throw new IllegalArgumentException("objects in buffer must fit in 24 bits: " + objectsInBuffer);
    }
    if (bytesInBuffer < 0 || bytesInBuffer > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("bytes in buffer must fit in 32 bits: " + bytesInBuffer);
    }
  }

  /** A drive positioned at {@code location} of {@code partition} with an empty buffer. */
  public static ReadPositionShort at(int partition, long location) {
    return new ReadPositionShort(location == 0, false, false, false, false, false, false,
        partition, location, location, 0, 0);
  }

  /** The current logical object identifier, unless the drive says it does not know it (LOLU). */
  public OptionalLong knownLocation() {
    return locationUnknown ? OptionalLong.empty() : OptionalLong.of(firstLocation);
  }

  /**
   * Parses the 20-byte short form; bytes after the 20th are ignored.
   *
   * @throws MalformedResponseException when fewer than 20 bytes came back
   */
  public static ReadPositionShort parse(Bytes data) throws MalformedResponseException {
    BigEndianReader r = new BigEndianReader(data);
    if (data.size() < LENGTH) {
      throw new MalformedResponseException(data.size(),
          "short-form READ POSITION data is 20 bytes, got " + data.size());
    }
    int flags = r.u8(0);
    return new ReadPositionShort(
        (flags & 0x80) != 0, // byte 0 bit 7: BOP
        (flags & 0x40) != 0, // bit 6: EOP
        (flags & 0x20) != 0, // bit 5: LOCU
        (flags & 0x10) != 0, // bit 4: BYCU
        (flags & 0x04) != 0, // bit 2: LOLU
        (flags & 0x02) != 0, // bit 1: PERR
        (flags & 0x01) != 0, // bit 0: BPEW
        r.u8(1), // byte 1: PARTITION NUMBER
        r.u32(4), // bytes 4..7: FIRST LOGICAL OBJECT LOCATION
        r.u32(8), // bytes 8..11: LAST LOGICAL OBJECT LOCATION
        r.u24(13), // bytes 13..15: NUMBER OF LOGICAL OBJECTS IN OBJECT BUFFER
        r.u32(16)); // bytes 16..19: NUMBER OF BYTES IN OBJECT BUFFER
  }

  /** The 20 bytes a drive returns (used by the emulator). */
  public Bytes encode() {
    BigEndianWriter w = new BigEndianWriter(LENGTH);
    w.u8((beginningOfPartition ? 0x80 : 0) | (endOfPartition ? 0x40 : 0) | (objectCountUnknown ? 0x20 : 0)
        | (byteCountUnknown ? 0x10 : 0) | (locationUnknown ? 0x04 : 0) | (positionError ? 0x02 : 0)
        | (beyondProgrammableEarlyWarning ? 0x01 : 0));
    w.u8(partition).zeros(2);
    w.u32(firstLocation).u32(lastLocation);
    w.u8(0).u24(objectsInBuffer);
    w.u32(bytesInBuffer);
    return w.toBytes();
  }
}
