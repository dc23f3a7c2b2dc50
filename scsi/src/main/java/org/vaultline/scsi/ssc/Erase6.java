package org.vaultline.scsi.ssc;

import static org.vaultline.scsi.CdbFields.flag;

import java.time.Duration;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.NoDataCommand;

/**
 * SSC-3 ERASE(6) (19h), an implicit-address command: with LONG=0 writes an end-of-data mark at the
 * current position; with LONG=1 erases from the current position to the end of the partition, which
 * takes hours.
 *
 * @param immediate IMMED: status as soon as the CDB is validated
 * @param longErase LONG: erase the rest of the partition
 */
public record Erase6(boolean immediate, boolean longErase) implements NoDataCommand {
  public static final int OPCODE = 0x19;
  public static final String NAME = "ERASE(6)";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Cdb cdb() {
    return Cdb.of(OPCODE, flag(immediate, 1) | flag(longErase, 0) /* byte 1: IMMED bit 1, LONG bit 0 */,
        0, 0, 0, 0);
  }

  /** Long erase: {@link SscTimeouts#ERASE_LONG} (about 46 hours); short erase: the WRITE timeout. */
  @Override
  public Duration defaultTimeout() {
    return longErase ? SscTimeouts.ERASE_LONG : SscTimeouts.ERASE_SHORT;
  }

  /** Decodes an ERASE(6) CDB (target side). */
  public static Erase6 fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 6, NAME);
    f.reserved(1, 0xfc);
    f.reservedBytes(2, 4);
    return new Erase6(f.bit(1, 1), f.bit(1, 0));
  }
}
