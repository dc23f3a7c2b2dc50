package org.vaultline.scsi.ssc;

import static org.vaultline.scsi.ssc.CdbFields.bit;
import static org.vaultline.scsi.ssc.CdbFields.flag;

import java.time.Duration;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.transport.DataDirection;

/**
 * SSC-3 REWIND (01h), a common command: positions at the beginning of the current partition.
 *
 * @param immediate IMMED: status as soon as the CDB is validated (buffered data is still written first)
 */
public record Rewind(boolean immediate) implements Command<Void> {
  public static final int OPCODE = 0x01;

  public Rewind() {
    this(false);
  }

  @Override
  public String name() {
    return "REWIND";
  }

  @Override
  public Cdb cdb() {
    return Cdb.of(OPCODE, flag(immediate, 0) /* byte 1 bit 0: IMMED */, 0, 0, 0, 0);
  }

  @Override
  public DataDirection direction() {
    return DataDirection.NONE;
  }

  @Override
  public Duration defaultTimeout() {
    return SscTimeouts.REWIND;
  }

  @Override
  public Void parse(Bytes dataIn) {
    return null;
  }

  /** Decodes a REWIND CDB (target side). */
  public static Rewind fromCdb(Cdb cdb) throws InvalidCdbException {
    Bytes b = CdbFields.expect(cdb, OPCODE, 6, "REWIND");
    CdbFields.reserved(b, 1, 0xfe);
    CdbFields.reservedBytes(b, 2, 4);
    return new Rewind(bit(b, 1, 0));
  }
}
