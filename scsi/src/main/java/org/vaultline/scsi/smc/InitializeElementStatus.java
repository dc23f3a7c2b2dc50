package org.vaultline.scsi.smc;

import java.time.Duration;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.NoDataCommand;

/**
 * SMC-3 INITIALIZE ELEMENT STATUS (07h): the library checks every element (an inventory, a barcode
 * scan). It can take many minutes on a large library. Opcode 07h is reserved on a tape drive.
 */
public record InitializeElementStatus() implements NoDataCommand {
  public static final int OPCODE = 0x07;
  public static final String NAME = "INITIALIZE ELEMENT STATUS";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Cdb cdb() {
    return Cdb.of(OPCODE, 0, 0, 0, 0, 0); // bytes 1..4 reserved, byte 5 CONTROL
  }

  @Override
  public Duration defaultTimeout() {
    return SmcTimeouts.INVENTORY;
  }

  /** Decodes an INITIALIZE ELEMENT STATUS CDB (target side). */
  public static InitializeElementStatus fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 6, NAME);
    f.reservedBytes(1, 4);
    return new InitializeElementStatus();
  }
}
