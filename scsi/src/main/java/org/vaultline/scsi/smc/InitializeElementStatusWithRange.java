package org.vaultline.scsi.smc;

import static org.vaultline.scsi.CdbFields.flag;

import java.time.Duration;
import java.util.Objects;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.NoDataCommand;

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
    int numberOfElements) implements NoDataCommand {
  public static final int OPCODE = 0x37;
  public static final String NAME = "INITIALIZE ELEMENT STATUS WITH RANGE";

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
    return NAME;
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
  public Duration defaultTimeout() {
    return SmcTimeouts.INVENTORY;
  }

  /** Decodes an INITIALIZE ELEMENT STATUS WITH RANGE CDB (target side). */
  public static InitializeElementStatusWithRange fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 10, NAME);
    f.reserved(1, 0xFC);
    f.reservedBytes(4, 5);
    f.reservedBytes(8, 8);
    return new InitializeElementStatusWithRange(f.bit(1, 1), f.bit(1, 0), ElementAddress.of(f.u16(2)),
        f.u16(6));
  }
}
