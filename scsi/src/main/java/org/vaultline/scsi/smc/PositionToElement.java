package org.vaultline.scsi.smc;

import static org.vaultline.scsi.CdbFields.flag;

import java.time.Duration;
import java.util.Objects;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.NoDataCommand;

/**
 * SMC-3 POSITION TO ELEMENT (2Bh): the robot moves in front of an element without taking anything.
 * Opcode 2Bh is LOCATE(10) on a tape drive; this record belongs to the changer command set only.
 * Not every library has it (tgt does not).
 *
 * @param transport bytes 2..3: MEDIUM TRANSPORT ADDRESS
 * @param destination bytes 4..5: DESTINATION ELEMENT ADDRESS
 * @param invert byte 8 bit 0: INVERT
 */
public record PositionToElement(ElementAddress transport, ElementAddress destination, boolean invert)
    implements NoDataCommand {
  public static final int OPCODE = 0x2B;
  public static final String NAME = "POSITION TO ELEMENT";

  public PositionToElement {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(destination, "destination");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Cdb cdb() {
    return Cdb.of(OPCODE, 0,
        transport.value() >> 8, transport.value(), // bytes 2..3: MEDIUM TRANSPORT ADDRESS
        destination.value() >> 8, destination.value(), // bytes 4..5: DESTINATION ELEMENT ADDRESS
        0, 0, // bytes 6..7: reserved
        flag(invert, 0), // byte 8 bit 0: INVERT
        0); // byte 9: CONTROL
  }

  @Override
  public Duration defaultTimeout() {
    return SmcTimeouts.MOVE;
  }

  /** Decodes a POSITION TO ELEMENT CDB (target side). */
  public static PositionToElement fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 10, NAME);
    f.reservedBytes(1, 1);
    f.reservedBytes(6, 7);
    f.reserved(8, 0xFE);
    return new PositionToElement(ElementAddress.of(f.u16(2)), ElementAddress.of(f.u16(4)), f.bit(8, 0));
  }
}
