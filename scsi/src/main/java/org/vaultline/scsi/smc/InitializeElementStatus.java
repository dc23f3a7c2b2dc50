package org.vaultline.scsi.smc;

import java.time.Duration;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.transport.DataDirection;

/**
 * SMC-3 INITIALIZE ELEMENT STATUS (07h): the library checks every element (an inventory, a barcode
 * scan). It can take many minutes on a large library. Opcode 07h is reserved on a tape drive.
 */
public record InitializeElementStatus() implements Command<Void> {
  public static final int OPCODE = 0x07;

  @Override
  public String name() {
    return "INITIALIZE ELEMENT STATUS";
  }

  @Override
  public Cdb cdb() {
    return Cdb.of(OPCODE, 0, 0, 0, 0, 0); // bytes 1..4 reserved, byte 5 CONTROL
  }

  @Override
  public DataDirection direction() {
    return DataDirection.NONE;
  }

  @Override
  public Duration defaultTimeout() {
    return SmcTimeouts.INVENTORY;
  }

  @Override
  public Void parse(Bytes dataIn) {
    return null;
  }

  /** Decodes an INITIALIZE ELEMENT STATUS CDB (target side). */
  public static InitializeElementStatus fromCdb(Cdb cdb) throws InvalidCdbException {
    Bytes b = CdbFields.expect(cdb, OPCODE, 6, "INITIALIZE ELEMENT STATUS");
    CdbFields.reservedBytes(b, 1, 4);
    return new InitializeElementStatus();
  }
}
