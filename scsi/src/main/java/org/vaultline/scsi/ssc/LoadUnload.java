package org.vaultline.scsi.ssc;

import static org.vaultline.scsi.CdbFields.flag;

import java.time.Duration;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.NoDataCommand;

/**
 * SSC-3 LOAD UNLOAD (1Bh), a common command: threads the medium to the beginning of the partition
 * (LOAD=1) or rewinds and unthreads it for removal (LOAD=0). Opcode 1Bh is OPEN/CLOSE IMPORT/EXPORT ELEMENT on a
 * changer; this record belongs to the tape command set only.
 *
 * @param immediate IMMED: status as soon as the CDB is validated
 * @param load LOAD: load (true) or unload (false)
 * @param retension RETEN: wind to end and back before completing
 * @param endOfTape EOT: on unload, wind to the end of the medium first (invalid together with LOAD)
 * @param hold HOLD: keep the medium in the drive (load: do not position; unload: do not eject)
 */
public record LoadUnload(boolean immediate, boolean load, boolean retension, boolean endOfTape, boolean hold)
    implements NoDataCommand {
  public static final int OPCODE = 0x1B;
  public static final String NAME = "LOAD UNLOAD";

  public LoadUnload {
    if (load && endOfTape) {
      // SSC-3: an EOT bit of one with a LOAD bit of one is an invalid field in the CDB
      throw new IllegalArgumentException("EOT may only be set when unloading");
    }
  }

  /** Load and position at the beginning of partition 0. */
  public static LoadUnload loadMedium() {
    return new LoadUnload(false, true, false, false, false);
  }

  /** Rewind and eject (what to do before the changer moves the cartridge out). */
  public static LoadUnload unloadMedium() {
    return new LoadUnload(false, false, false, false, false);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Cdb cdb() {
    return Cdb.of(OPCODE,
        flag(immediate, 0), // byte 1 bit 0: IMMED
        0, 0,
        flag(hold, 3) | flag(endOfTape, 2) | flag(retension, 1) | flag(load, 0), // byte 4: HOLD EOT RETEN LOAD
        0);
  }

  @Override
  public Duration defaultTimeout() {
    return SscTimeouts.LOAD_UNLOAD;
  }

  /** Decodes a LOAD UNLOAD CDB (target side). */
  public static LoadUnload fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 6, NAME);
    f.reserved(1, 0xfe);
    f.reservedBytes(2, 3);
    f.reserved(4, 0xf0);
    if (f.bit(4, 0) && f.bit(4, 2)) {
      throw CdbFields.invalid(4, 2, "EOT set together with LOAD");
    }
    return new LoadUnload(f.bit(1, 0), f.bit(4, 0), f.bit(4, 1), f.bit(4, 2), f.bit(4, 3));
  }
}
