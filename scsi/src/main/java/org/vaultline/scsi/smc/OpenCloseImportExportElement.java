package org.vaultline.scsi.smc;

import java.time.Duration;
import java.util.Objects;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.NoDataCommand;

/**
 * SMC-3 OPEN/CLOSE IMPORT/EXPORT ELEMENT (1Bh): unlocks and opens, or closes, the I/O station
 * that holds {@code element}. Opcode 1Bh is LOAD UNLOAD on a tape drive; this record belongs to the
 * changer command set only. Some libraries refuse while busy, and some have no such mechanism.
 *
 * @param element bytes 2..3: ELEMENT ADDRESS of an import/export element
 * @param action byte 4 bits 4..0: ACTION CODE
 */
public record OpenCloseImportExportElement(ElementAddress element, Action action) implements NoDataCommand {
  public static final int OPCODE = 0x1B;
  public static final String NAME = "OPEN/CLOSE IMPORT/EXPORT ELEMENT";

  /** The ACTION CODE values SMC-3 defines; 02h..1Fh are reserved. */
  public enum Action {
    /** 00h: open the import/export element. */
    OPEN(0x00),
    /** 01h: close the import/export element. */
    CLOSE(0x01);

    private final int code;

    Action(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }
  }

  public OpenCloseImportExportElement {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(action, "action");
  }

  public static OpenCloseImportExportElement open(ElementAddress element) {
    return new OpenCloseImportExportElement(element, Action.OPEN);
  }

  public static OpenCloseImportExportElement close(ElementAddress element) {
    return new OpenCloseImportExportElement(element, Action.CLOSE);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Cdb cdb() {
    return Cdb.of(OPCODE, 0,
        element.value() >> 8, element.value(), // bytes 2..3: ELEMENT ADDRESS
        action.code(), // byte 4 bits 4..0: ACTION CODE
        0); // byte 5: CONTROL
  }

  @Override
  public Duration defaultTimeout() {
    return SmcTimeouts.MOVE;
  }

  /** Decodes an OPEN/CLOSE IMPORT/EXPORT ELEMENT CDB (target side). */
  public static OpenCloseImportExportElement fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 6, NAME);
    f.reservedBytes(1, 1);
    f.reserved(4, 0xE0);
    int code = f.bits(4, 4, 0);
    for (Action a : Action.values()) {
      if (a.code() == code) {
        return new OpenCloseImportExportElement(ElementAddress.of(f.u16(2)), a);
      }
    }
    throw CdbFields.invalid(4, 4, String.format("action code %02Xh is reserved", code));
  }
}
