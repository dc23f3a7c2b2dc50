package org.vaultline.scsi.ssc;

import static org.vaultline.scsi.CdbFields.flag;

import java.time.Duration;
import java.util.Objects;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.NoDataCommand;

/**
 * SSC-3 LOCATE(16) (92h), an explicit-address command: positions at a 64-bit logical object or logical
 * file identifier, optionally in another partition.
 *
 * @param destination DEST_TYPE: what {@code logicalIdentifier} names
 * @param changePartition CP: move to {@code partition} first
 * @param immediate IMMED: status as soon as the CDB is validated
 * @param explicitAddressMode BAM: process as an explicit-address command (0: implicit address mode)
 * @param partition partition number, used when {@code changePartition}
 * @param logicalIdentifier the 64-bit identifier, unsigned
 */
public record Locate16(LocateDestination destination, boolean changePartition, boolean immediate,
                       boolean explicitAddressMode, int partition, long logicalIdentifier) implements NoDataCommand {
  public static final int OPCODE = 0x92;
  public static final String NAME = "LOCATE(16)";

  public Locate16 {
    Objects.requireNonNull(destination, "destination");
    if (partition < 0 || partition > 0xFF) {
      throw new IllegalArgumentException("partition must be 0..255: " + partition);
    }
  }

  /** Positions at logical object {@code identifier} of the current partition. */
  public static Locate16 object(long identifier) {
    return new Locate16(LocateDestination.LOGICAL_OBJECT, false, false, false, 0, identifier);
  }

  /** Positions at logical object {@code identifier} of {@code partition}. */
  public static Locate16 object(int partition, long identifier) {
    return new Locate16(LocateDestination.LOGICAL_OBJECT, true, false, false, partition, identifier);
  }

  /** Positions after file {@code fileNumber} (the filemark of that number) of the current partition. */
  public static Locate16 file(long fileNumber) {
    return new Locate16(LocateDestination.LOGICAL_FILE, false, false, false, 0, fileNumber);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Cdb cdb() {
    int[] c = new int[16];
    c[0] = OPCODE;
    c[1] = destination.code() << 3 | flag(changePartition, 1) | flag(immediate, 0); // DEST_TYPE 4..3, CP 1, IMMED 0
    c[2] = flag(explicitAddressMode, 0); // byte 2 bit 0: BAM
    c[3] = partition; // byte 3: PARTITION
    for (int i = 0; i < 8; i++) { // bytes 4..11: LOGICAL IDENTIFIER
      c[4 + i] = (int) (logicalIdentifier >>> (56 - 8 * i));
    }
    return Cdb.of(c);
  }

  @Override
  public Duration defaultTimeout() {
    return SscTimeouts.POSITIONING;
  }

  /** Decodes a LOCATE(16) CDB (target side). */
  public static Locate16 fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 16, NAME);
    f.reserved(1, 0xe4);
    f.reserved(2, 0xfe);
    f.reservedBytes(12, 14);
    int destType = f.bits(1, 4, 3);
    LocateDestination destination = LocateDestination.of(destType);
    if (destination == null) {
      throw CdbFields.invalid(1, 4, "DEST_TYPE " + (destType >> 1) + (destType & 1) + "b is reserved");
    }
    return new Locate16(destination, f.bit(1, 1), f.bit(1, 0), f.bit(2, 0), f.u8(3), f.u64(4));
  }
}
