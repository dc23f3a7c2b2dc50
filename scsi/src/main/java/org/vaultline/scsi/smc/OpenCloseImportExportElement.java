package org.vaultline.scsi.smc;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.transport.DataDirection;

/**
 * SMC-3 OPEN/CLOSE IMPORT/EXPORT ELEMENT (1Bh): unlocks and opens, or closes, the I/O station
 * that holds {@code element}. Opcode 1Bh is LOAD UNLOAD on a tape drive; this record belongs to the
 * changer command set only. Some libraries refuse while busy, and some have no such mechanism.
 *
 * @param element bytes 2..3: ELEMENT ADDRESS of an import/export element
 * @param action byte 4 bits 4..0: ACTION CODE
 */
public record OpenCloseImportExportElement(ElementAddress element, Action action) implements Command<Void> {
  public static final int OPCODE = 0x1B;

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
    return "OPEN/CLOSE IMPORT/EXPORT ELEMENT";
  }

  @Override
  public Cdb cdb() {
    return Cdb.of(OPCODE, 0,
        element.value() >> 8, element.value(), // bytes 2..3: ELEMENT ADDRESS
        action.code(), // byte 4 bits 4..0: ACTION CODE
        0); // byte 5: CONTROL
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

  /** Decodes an OPEN/CLOSE IMPORT/EXPORT ELEMENT CDB (target side). */
  public static OpenCloseImportExportElement fromCdb(Cdb cdb) throws InvalidCdbException {
    Bytes b = CdbFields.expect(cdb, OPCODE, 6, "OPEN/CLOSE IMPORT/EXPORT ELEMENT");
    CdbFields.reservedBytes(b, 1, 1);
    CdbFields.reserved(b, 4, 0xE0);
    int code = b.get(4) & 0x1F;
    for (Action a : Action.values()) {
      if (a.code() == code) {
        return new OpenCloseImportExportElement(CdbFields.address(b, 2), a);
      }
    }
    throw new InvalidCdbException(4, OptionalInt.of(4), String.format("action code %02Xh is reserved", code));
  }
}
