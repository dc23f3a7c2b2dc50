package org.vaultline.scsi.ssc;

import java.time.Duration;
import java.util.Objects;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.NoDataCommand;

/**
 * SSC-3 SPACE(6) (11h), an implicit-address command: moves forward (positive count) or backward
 * (negative count) over blocks or filemarks, or to end-of-data.
 *
 * @param code what to count
 * @param count signed 24-bit count, -800000h..7FFFFFh (ignored by the drive for end-of-data)
 */
public record Space6(SpaceCode code, int count) implements NoDataCommand {
  public static final int OPCODE = 0x11;
  public static final String NAME = "SPACE(6)";
  public static final int MIN_COUNT = -0x800000;
  public static final int MAX_COUNT = 0x7FFFFF;

  public Space6 {
    Objects.requireNonNull(code, "code");
    if (count < MIN_COUNT || count > MAX_COUNT) {
      throw new IllegalArgumentException("SPACE(6) count must fit in 24 bits, signed: " + count);
    }
  }

  public static Space6 blocks(int count) {
    return new Space6(SpaceCode.BLOCKS, count);
  }

  public static Space6 filemarks(int count) {
    return new Space6(SpaceCode.FILEMARKS, count);
  }

  public static Space6 endOfData() {
    return new Space6(SpaceCode.END_OF_DATA, 0);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Cdb cdb() {
    return Cdb.of(OPCODE, code.code(), // byte 1 bits 3..0: CODE
        count >> 16, count >> 8, count, // bytes 2..4: COUNT, two's complement
        0);
  }

  @Override
  public Duration defaultTimeout() {
    return SscTimeouts.POSITIONING;
  }

  /** Decodes a SPACE(6) CDB (target side); the setmark codes, obsolete since SSC-3, are refused. */
  public static Space6 fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 6, NAME);
    f.reserved(1, 0xf0);
    SpaceCode code = SpaceCode.of(f.bits(1, 3, 0));
    if (code == null) {
      throw CdbFields.invalid(1, 3, String.format("SPACE code %Xh is obsolete or reserved", f.bits(1, 3, 0)));
    }
    int raw = f.u24(2);
    return new Space6(code, raw << 8 >> 8); // sign-extend the 24-bit count
  }
}
