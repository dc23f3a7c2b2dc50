package org.vaultline.scsi.ssc;

import static org.vaultline.scsi.CdbFields.flag;

import java.time.Duration;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.NoDataCommand;

/**
 * SSC-3 REWIND (01h), a common command: positions at the beginning of the current partition.
 *
 * @param immediate IMMED: status as soon as the CDB is validated (buffered data is still written first)
 */
public record Rewind(boolean immediate) implements NoDataCommand {
  public static final int OPCODE = 0x01;
  public static final String NAME = "REWIND";

  public Rewind() {
    this(false);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Cdb cdb() {
    return Cdb.of(OPCODE, flag(immediate, 0) /* byte 1 bit 0: IMMED */, 0, 0, 0, 0);
  }

  @Override
  public Duration defaultTimeout() {
    return SscTimeouts.REWIND;
  }

  /** Decodes a REWIND CDB (target side). */
  public static Rewind fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 6, NAME);
    f.reserved(1, 0xfe);
    f.reservedBytes(2, 4);
    return new Rewind(f.bit(1, 0));
  }
}
