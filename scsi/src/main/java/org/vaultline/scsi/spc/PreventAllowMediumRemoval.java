package org.vaultline.scsi.spc;

import java.time.Duration;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.NoDataCommand;

/**
 * SPC-4 PREVENT ALLOW MEDIUM REMOVAL (1Eh). The 2-bit PREVENT field (byte 4 bits 1..0): 00b allows
 * removal, 01b prevents it (a changer keeps its door and import/export station shut, a drive ignores
 * its eject button); 10b and 11b are obsolete in SPC-4 and carried as sent.
 *
 * @param prevent 0..3
 */
public record PreventAllowMediumRemoval(int prevent) implements NoDataCommand {
  public static final int OPCODE = 0x1E;
  public static final String NAME = "PREVENT ALLOW MEDIUM REMOVAL";

  public PreventAllowMediumRemoval {
    CdbFields.checkRange("PREVENT", prevent, 3);
  }

  /** PREVENT = 01b. */
  public static PreventAllowMediumRemoval preventRemoval() {
    return new PreventAllowMediumRemoval(1);
  }

  /** PREVENT = 00b. */
  public static PreventAllowMediumRemoval allowRemoval() {
    return new PreventAllowMediumRemoval(0);
  }

  public boolean prevents() {
    return prevent != 0;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Cdb cdb() {
    return Cdb.of(OPCODE, 0, 0, 0, prevent, 0); // byte 4 bits 1..0: PREVENT
  }

  @Override
  public Duration defaultTimeout() {
    return Duration.ofSeconds(30);
  }

  public static PreventAllowMediumRemoval fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 6, NAME);
    return new PreventAllowMediumRemoval(f.bits(4, 1, 0));
  }
}
