package org.vaultline.scsi.ssc;

import static org.vaultline.scsi.CdbFields.flag;

import java.time.Duration;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.NoDataCommand;

/**
 * SSC-3 WRITE FILEMARKS(6) (10h), an implicit-address command. A count of 0 with IMMED=0 only flushes
 * the drive's buffer to the medium, the usual way to make sure written data is on tape.
 *
 * @param immediate IMMED: status before the buffered data is written
 * @param setmarks WSMK: write setmarks instead of filemarks (obsolete in SSC-3; kept for old drives)
 * @param count number of marks, 0..FFFFFFh
 */
public record WriteFilemarks6(boolean immediate, boolean setmarks, int count) implements NoDataCommand {
  public static final int OPCODE = 0x10;
  public static final String NAME = "WRITE FILEMARKS(6)";

  public WriteFilemarks6 {
    if (count < 0 || count > 0xFFFFFF) {
      throw new IllegalArgumentException("filemark count must be 0..16777215: " + count);
    }
  }

  /** {@code count} filemarks, waiting until they (and all data before them) are on the medium. */
  public static WriteFilemarks6 filemarks(int count) {
    return new WriteFilemarks6(false, false, count);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Cdb cdb() {
    return Cdb.of(OPCODE, flag(setmarks, 1) | flag(immediate, 0), // byte 1: WSMK bit 1, IMMED bit 0
        count >> 16, count >> 8, count, // bytes 2..4: TRANSFER LENGTH (count)
        0);
  }

  @Override
  public Duration defaultTimeout() {
    return SscTimeouts.WRITE_FILEMARKS;
  }

  /** Decodes a WRITE FILEMARKS(6) CDB (target side). */
  public static WriteFilemarks6 fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 6, NAME);
    f.reserved(1, 0xfc);
    return new WriteFilemarks6(f.bit(1, 0), f.bit(1, 1), f.u24(2));
  }
}
