package org.vaultline.scsi.spc;

import java.time.Duration;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.NoDataCommand;

/**
 * SPC-4 TEST UNIT READY (00h): GOOD when the logical unit is ready, else CHECK CONDITION with the
 * reason (2/04/01 becoming ready, 2/3A/00 medium not present, 6/29/00 after a reset...). No data.
 */
public record TestUnitReady() implements NoDataCommand {
  public static final int OPCODE = 0x00;
  public static final String NAME = "TEST UNIT READY";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Cdb cdb() {
    return Cdb.of(OPCODE, 0, 0, 0, 0, 0);
  }

  @Override
  public Duration defaultTimeout() {
    return Duration.ofSeconds(10);
  }

  public static TestUnitReady fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields.expect(cdb, OPCODE, 6, NAME);
    return new TestUnitReady();
  }
}
