package org.vaultline.scsi.spc;

import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * SPC-4 MODE SELECT(6) (15h): sends a mode parameter list; see {@link ModeSelect} for what the two
 * CDB sizes share. CDB: byte 1 bit 4 PF, bit 0 SP; byte 4 PARAMETER LIST LENGTH; byte 5 CONTROL.
 *
 * @param pageFormat PF: the pages follow the standard's page format (set it; SMC-3 and SSC require it)
 * @param savePages SP: also save the pages
 * @param parameterListLength PARAMETER LIST LENGTH, 0..255
 * @param parameterList the data-out: {@code parameterListLength} bytes, or empty while not yet received
 */
public record ModeSelect6(boolean pageFormat, boolean savePages, int parameterListLength, Bytes parameterList)
    implements ModeSelect {
  public static final int OPCODE = 0x15;
  public static final String NAME = "MODE SELECT(6)";

  public ModeSelect6 {
    CdbFields.checkRange("parameter list length", parameterListLength, 0xff);
    ModeSelect.checkParameterList(parameterListLength, parameterList);
  }

  /**
   * Sends {@code parameters} with PF set.
   *
   * @throws IllegalStateException when the encoded list does not fit the CDB's length field
   */
  public static ModeSelect6 of(ModeParameters parameters, boolean savePages) {
    Bytes list = parameters.encodeSelect6();
    return new ModeSelect6(true, savePages, list.size(), list);
  }

  /** The same command with the data-out that arrived for it. */
  public ModeSelect6 withParameterList(Bytes list) {
    return new ModeSelect6(pageFormat, savePages, parameterListLength, list);
  }

  @Override
  public ModeParameters parameters() throws MalformedResponseException {
    return ModeParameters.parseSelect6(parameterList);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Cdb cdb() {
    return CdbFields.cdb(new BigEndianWriter(6)
        .u8(OPCODE)
        .u8(CdbFields.flag(pageFormat, 4) | CdbFields.flag(savePages, 0))
        .zeros(2)
        .u8(parameterListLength)
        .u8(0));
  }

  /** Decodes the CDB; the parameter list is empty until {@link #withParameterList}. */
  public static ModeSelect6 fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 6, NAME);
    return new ModeSelect6(f.bit(1, 4), f.bit(1, 0), f.u8(4), Bytes.EMPTY);
  }
}
