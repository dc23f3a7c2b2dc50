package org.vaultline.scsi.ssc;

import static org.vaultline.scsi.CdbFields.flag;

import java.time.Duration;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.NoDataCommand;

/**
 * SSC-3 LOCATE(10) (2Bh), an implicit-address command: positions at a logical block (object)
 * identifier, optionally in another partition. Opcode 2Bh is POSITION TO ELEMENT on a changer; this
 * record belongs to the tape command set only.
 *
 * @param blockAddressType BT: the address is vendor-specific (device block) rather than the logical one
 * @param changePartition CP: move to {@code partition} first
 * @param immediate IMMED: status as soon as the CDB is validated
 * @param blockAddress 32-bit logical object identifier, 0..FFFFFFFFh
 * @param partition partition number, used when {@code changePartition}
 */
public record Locate10(boolean blockAddressType, boolean changePartition, boolean immediate, long blockAddress,
                       int partition) implements NoDataCommand {
  public static final int OPCODE = 0x2B;
  public static final String NAME = "LOCATE(10)";

  public Locate10 {
    if (blockAddress < 0 || blockAddress > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("block address must fit in 32 bits: " + blockAddress);
    }
    if (partition < 0 || partition > 0xFF) {
      throw new IllegalArgumentException("partition must be 0..255: " + partition);
    }
  }

  /** Positions at logical block {@code blockAddress} of the current partition. */
  public static Locate10 block(long blockAddress) {
    return new Locate10(false, false, false, blockAddress, 0);
  }

  /** Positions at logical block {@code blockAddress} of {@code partition}. */
  public static Locate10 block(int partition, long blockAddress) {
    return new Locate10(false, true, false, blockAddress, partition);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Cdb cdb() {
    return Cdb.of(OPCODE,
        flag(blockAddressType, 2) | flag(changePartition, 1) | flag(immediate, 0), // byte 1: BT CP IMMED
        0,
        (int) (blockAddress >> 24), (int) (blockAddress >> 16), (int) (blockAddress >> 8), (int) blockAddress,
        0,
        partition, // byte 8: PARTITION
        0);
  }

  @Override
  public Duration defaultTimeout() {
    return SscTimeouts.POSITIONING;
  }

  /** Decodes a LOCATE(10) CDB (target side). */
  public static Locate10 fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 10, NAME);
    f.reserved(1, 0xf8);
    f.reservedBytes(2, 2);
    f.reservedBytes(7, 7);
    return new Locate10(f.bit(1, 2), f.bit(1, 1), f.bit(1, 0), f.u32(3), f.u8(8));
  }
}
