package org.vaultline.scsi.smc;

import static org.vaultline.scsi.smc.CdbFields.bit;
import static org.vaultline.scsi.smc.CdbFields.flag;

import java.time.Duration;
import java.util.Objects;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.transport.DataDirection;

/**
 * SMC-3 INITIALIZE ELEMENT STATUS WITH RANGE (37h): an inventory of some elements only, e.g. the
 * I/O station after the operator closed it (6/28/01).
 *
 * @param fast byte 1 bit 1: FAST, check only elements whose state the library does not know
 * @param range byte 1 bit 0: RANGE, check {@code numberOfElements} elements from
 *     {@code startingAddress}; with RANGE=0 the library checks all elements and ignores both fields
 * @param startingAddress bytes 2..3: STARTING ELEMENT ADDRESS
 * @param numberOfElements bytes 6..7: NUMBER OF ELEMENTS
 */
public record InitializeElementStatusWithRange(boolean fast, boolean range, ElementAddress startingAddress,
    int numberOfElements) implements Command<Void> {
  public static final int OPCODE = 0x37;

  public InitializeElementStatusWithRange {
    Objects.requireNonNull(startingAddress, "startingAddress");
    if (numberOfElements < 0 || numberOfElements > 0xFFFF) {
      throw new IllegalArgumentException("number of elements is 16 bits, not " + numberOfElements);
    }
  }

  /** Check {@code count} elements from {@code start} (RANGE=1, FAST=0). */
  public static InitializeElementStatusWithRange of(ElementAddress start, int count) {
    return new InitializeElementStatusWithRange(false, true, start, count);
  }

  @Override
  public String name() {
    return "INITIALIZE ELEMENT STATUS WITH RANGE";
  }

  @Override
  public Cdb cdb() {
    return Cdb.of(OPCODE,
        flag(fast, 1) | flag(range, 0), // byte 1: FAST, RANGE
        startingAddress.value() >> 8, startingAddress.value(), // bytes 2..3: STARTING ELEMENT ADDRESS
        0, 0, // bytes 4..5: reserved
        numberOfElements >> 8, numberOfElements, // bytes 6..7: NUMBER OF ELEMENTS
        0, // byte 8: reserved
        0); // byte 9: CONTROL
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

  /** Decodes an INITIALIZE ELEMENT STATUS WITH RANGE CDB (target side). */
  public static InitializeElementStatusWithRange fromCdb(Cdb cdb) throws InvalidCdbException {
    Bytes b = CdbFields.expect(cdb, OPCODE, 10, "INITIALIZE ELEMENT STATUS WITH RANGE");
    CdbFields.reserved(b, 1, 0xFC);
    CdbFields.reservedBytes(b, 4, 5);
    CdbFields.reservedBytes(b, 8, 8);
    return new InitializeElementStatusWithRange(bit(b, 1, 1), bit(b, 1, 0), CdbFields.address(b, 2),
        CdbFields.u16(b, 6));
  }
}
