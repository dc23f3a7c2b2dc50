package org.vaultline.scsi.ssc;

import java.time.Duration;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.transport.DataDirection;

/**
 * SSC-3 READ BLOCK LIMITS (05h), an implicit-address command: the block lengths the drive accepts.
 * The SSC-4 MLOBL form (byte 1 bit 0, 20-byte answer with the maximum logical object identifier) is not
 * implemented; the decoder refuses it as an SSC-3 drive does.
 */
public record ReadBlockLimits() implements Command<BlockLimits> {
  public static final int OPCODE = 0x05;
  public static final String NAME = "READ BLOCK LIMITS";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Cdb cdb() {
    return Cdb.of(OPCODE, 0, 0, 0, 0, 0);
  }

  @Override
  public DataDirection direction() {
    return DataDirection.FROM_DEVICE;
  }

  @Override
  public int dataInLength() {
    return BlockLimits.LENGTH;
  }

  @Override
  public Duration defaultTimeout() {
    return SscTimeouts.QUERY;
  }

  @Override
  public BlockLimits parse(Bytes dataIn) throws MalformedResponseException {
    return BlockLimits.parse(dataIn);
  }

  /** Decodes a READ BLOCK LIMITS CDB (target side). */
  public static ReadBlockLimits fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 6, NAME);
    if (f.bit(1, 0)) {
      throw CdbFields.invalid(1, 0, "MLOBL (SSC-4) is not supported");
    }
    f.reserved(1, 0xfe);
    f.reservedBytes(2, 4);
    return new ReadBlockLimits();
  }
}
