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
    boolean invert) implements Command<Void> {
  public static final int OPCODE = 0xA5;

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
    return "MOVE MEDIUM";
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
  public DataDirection direction() {
    return DataDirection.NONE;
  }

  @Override
  public Duration defaultTimeout() {
    return SmcTimeouts.MOVE;
  }

  @Override
  public Void parse(Bytes dataIn) {
    return null;
  }

  /** Decodes a MOVE MEDIUM CDB (target side). */
  public static MoveMedium fromCdb(Cdb cdb) throws InvalidCdbException {
    Bytes b = CdbFields.expect(cdb, OPCODE, 12, "MOVE MEDIUM");
    CdbFields.reservedBytes(b, 1, 1);
    CdbFields.reservedBytes(b, 8, 9);
    CdbFields.reserved(b, 10, 0xFE);
    return new MoveMedium(CdbFields.address(b, 2), CdbFields.address(b, 4), CdbFields.address(b, 6), bit(b, 10, 0));
  }
}
