package org.vaultline.scsi.smc;

import static org.vaultline.scsi.CdbFields.flag;

import java.time.Duration;
import java.util.Objects;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.NoDataCommand;

/**
 * SMC-3 EXCHANGE MEDIUM (A6h): the cartridge in {@code source} goes to {@code firstDestination}
 * and the one that was there to {@code secondDestination} (which may be {@code source}, a swap).
 * Not every library has it (tgt does not: 5/20/00).
 *
 * @param transport bytes 2..3: MEDIUM TRANSPORT ADDRESS
 * @param source bytes 4..5: SOURCE ADDRESS
 * @param firstDestination bytes 6..7: FIRST DESTINATION ADDRESS
 * @param secondDestination bytes 8..9: SECOND DESTINATION ADDRESS
 * @param invert1 byte 10 bit 1: INV1, turn the first cartridge over
 * @param invert2 byte 10 bit 0: INV2, turn the second cartridge over
 */
public record ExchangeMedium(ElementAddress transport, ElementAddress source, ElementAddress firstDestination,
    ElementAddress secondDestination, boolean invert1, boolean invert2) implements NoDataCommand {
  public static final int OPCODE = 0xA6;
  public static final String NAME = "EXCHANGE MEDIUM";

  public ExchangeMedium {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(firstDestination, "firstDestination");
    Objects.requireNonNull(secondDestination, "secondDestination");
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
        firstDestination.value() >> 8, firstDestination.value(), // bytes 6..7: FIRST DESTINATION ADDRESS
        secondDestination.value() >> 8, secondDestination.value(), // bytes 8..9: SECOND DESTINATION ADDRESS
        flag(invert1, 1) | flag(invert2, 0), // byte 10: INV1, INV2
        0); // byte 11: CONTROL
  }

  @Override
  public Duration defaultTimeout() {
    return SmcTimeouts.EXCHANGE;
  }

  /** Decodes an EXCHANGE MEDIUM CDB (target side). */
  public static ExchangeMedium fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 12, NAME);
    f.reservedBytes(1, 1);
    f.reserved(10, 0xFC);
    return new ExchangeMedium(ElementAddress.of(f.u16(2)), ElementAddress.of(f.u16(4)), ElementAddress.of(f.u16(6)),
        ElementAddress.of(f.u16(8)), f.bit(10, 1), f.bit(10, 0));
  }
}
