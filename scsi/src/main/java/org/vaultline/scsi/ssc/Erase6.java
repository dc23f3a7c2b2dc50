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
 * SSC-3 ERASE(6) (19h), an implicit-address command: with LONG=0 writes an end-of-data mark at the
 * current position; with LONG=1 erases from the current position to the end of the partition, which
 * takes hours.
 *
 * @param immediate IMMED: status as soon as the CDB is validated
 * @param longErase LONG: erase the rest of the partition
 */
public record Erase6(boolean immediate, boolean longErase) implements Command<Void> {
  public static final int OPCODE = 0x19;

  @Override
  public String name() {
    return "ERASE(6)";
  }

  @Override
  public Cdb cdb() {
    return Cdb.of(OPCODE, flag(immediate, 1) | flag(longErase, 0) /* byte 1: IMMED bit 1, LONG bit 0 */,
        0, 0, 0, 0);
  }

  @Override
  public DataDirection direction() {
    return DataDirection.NONE;
  }

  /** Long erase: {@link SscTimeouts#ERASE_LONG} (about 46 hours); short erase: the WRITE timeout. */
  @Override
  public Duration defaultTimeout() {
    return longErase ? SscTimeouts.ERASE_LONG : SscTimeouts.ERASE_SHORT;
  }

  @Override
  public Void parse(Bytes dataIn) {
    return null;
  }

  /** Decodes an ERASE(6) CDB (target side). */
  public static Erase6 fromCdb(Cdb cdb) throws InvalidCdbException {
    Bytes b = CdbFields.expect(cdb, OPCODE, 6, "ERASE(6)");
    CdbFields.reserved(b, 1, 0xfc);
    CdbFields.reservedBytes(b, 2, 4);
    return new Erase6(bit(b, 1, 1), bit(b, 1, 0));
  }
}
