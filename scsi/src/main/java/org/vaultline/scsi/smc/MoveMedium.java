package org.vaultline.scsi.smc;

import static org.vaultline.scsi.CdbFields.flag;

import java.time.Duration;
import java.util.Objects;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.NoDataCommand;

/**
 * SMC-3 MOVE MEDIUM (A5h): the robot takes the cartridge from {@code source} to
 * {@code destination} using {@code transport}. Addresses are element addresses, never slot indexes.
 * A full destination gives 5/3B/0D, an empty source 5/3B/0E, a drive that has not ejected 5/53/02.
 *
 * @param transport bytes 2..3: MEDIUM TRANSPORT ADDRESS (0 lets the library choose)
 * @param source bytes 4..5: SOURCE ADDRESS
 * @param destination bytes 6..7: DESTINATION ADDRESS
 * @param invert byte 10 bit 0: INVERT, turn the cartridge over (two-sided media)
 */
public record MoveMedium(ElementAddress transport, ElementAddress source, ElementAddress destination,
    boolean invert) implements NoDataCommand {
  public static final int OPCODE = 0xA5;
  public static final String NAME = "MOVE MEDIUM";

  public MoveMedium {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
  }

  /** A move without inverting. */
  public static MoveMedium of(ElementAddress transport, ElementAddress source, ElementAddress destination) {
    return new MoveMedium(transport, source, destination, false);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Cdb cdb() {
    return Cdb.of(OPCODE, 0,
        transport.value() >> 8, transport.value(), // bytes 2..3: MEDIUM TRANSPORT ADDRESS
        source.value() >> 8, source.value(), // bytes 4..5: SOURCE ADDRESS
        destination.value() >> 8, destination.value(), // bytes 6..7: DESTINATION ADDRESS
        0, 0, // bytes 8..9: reserved
        flag(invert, 0), // byte 10 bit 0: INVERT
        0); // byte 11: CONTROL
  }

  @Override
  public Duration defaultTimeout() {
    return SmcTimeouts.MOVE;
  }

  /** Decodes a MOVE MEDIUM CDB (target side). */
  public static MoveMedium fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 12, NAME);
    f.reservedBytes(1, 1);
    f.reservedBytes(8, 9);
    f.reserved(10, 0xFE);
    return new MoveMedium(ElementAddress.of(f.u16(2)), ElementAddress.of(f.u16(4)), ElementAddress.of(f.u16(6)),
        f.bit(10, 0));
  }
}
