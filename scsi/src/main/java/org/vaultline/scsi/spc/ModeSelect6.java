package org.vaultline.scsi.spc;

import java.time.Duration;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.transport.DataDirection;

/**
 * SPC-4 MODE SELECT(6) (15h): sends a mode parameter list. CDB: byte 1 bit 4 PF, bit 0 SP; byte 4 PARAMETER LIST LENGTH; byte 5 CONTROL.
 *
 * <p>The parameter list is the data-out; a record decoded from a CDB alone ({@link #fromCdb}, the
 * target side) knows only its length and carries an empty list until the data has arrived
 * ({@link #withParameterList}).
 *
 * @param pageFormat PF: the pages follow the standard's page format (set it; SMC-3 and SSC require it)
 * @param savePages SP: also save the pages
 * @param parameterListLength PARAMETER LIST LENGTH, 0..255
 * @param parameterList the data-out: {@code parameterListLength} bytes, or empty while not yet received
 */
public record ModeSelect6(boolean pageFormat, boolean savePages, int parameterListLength, Bytes parameterList)
    implements Command<Void> {
  public static final int OPCODE = 0x15;
  public static final String NAME = "MODE SELECT(6)";

  public ModeSelect6 {
    CdbFields.checkRange("parameter list length", parameterListLength, 0xff);
    if (!parameterList.isEmpty() && parameterList.size() != parameterListLength) {
      throw new IllegalArgumentException("parameter list of " + parameterList.size()
          + " bytes does not match the parameter list length " + parameterListLength);
    }
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

  /** The parameter list decoded (MODE DATA LENGTH ignored, as it is reserved here). */
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

  @Override
  public DataDirection direction() {
    return parameterListLength == 0 ? DataDirection.NONE : DataDirection.TO_DEVICE;
  }

  @Override
  public Bytes dataOut() {
    return parameterList;
  }

  @Override
  public Duration defaultTimeout() {
    return Duration.ofSeconds(60);
  }

  @Override
  public Void parse(Bytes dataIn) {
    return null;
  }

  /** Decodes the CDB; the parameter list is empty until {@link #withParameterList}. */
  public static ModeSelect6 fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.open(cdb, OPCODE, 6, NAME);
    return new ModeSelect6(f.bit(1, 4), f.bit(1, 0), f.u8(4), Bytes.EMPTY);
  }
}
