package org.vaultline.scsi.spc;

import java.time.Duration;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.transport.DataDirection;

/**
 * SPC-4 MODE SELECT in either CDB size, {@link ModeSelect6} (15h) or {@link ModeSelect10} (55h): the
 * mode parameter list is the data-out. A record decoded from a CDB alone ({@code fromCdb}, the target
 * side) knows only the list's length and carries an empty list until the data has arrived
 * ({@code withParameterList}).
 */
public sealed interface ModeSelect extends Command<Void> permits ModeSelect6, ModeSelect10 {

  /** PF: the pages follow the standard's page format (set it; SMC-3 and SSC require it). */
  boolean pageFormat();

  /** SP: also save the pages. */
  boolean savePages();

  /** PARAMETER LIST LENGTH. */
  int parameterListLength();

  /** The data-out: {@link #parameterListLength()} bytes, or empty while not yet received. */
  Bytes parameterList();

  /** The parameter list decoded (MODE DATA LENGTH ignored, as it is reserved here). */
  ModeParameters parameters() throws MalformedResponseException;

  @Override
  default DataDirection direction() {
    return parameterListLength() == 0 ? DataDirection.NONE : DataDirection.TO_DEVICE;
  }

  @Override
  default Bytes dataOut() {
    return parameterList();
  }

  @Override
  default Duration defaultTimeout() {
    return Duration.ofSeconds(60);
  }

  @Override
  default Void parse(Bytes dataIn) {
    return null;
  }

  /**
   * The records' own check: a list, once it is there, has the length the CDB announces.
   *
   * @throws IllegalArgumentException when it does not
   */
  static void checkParameterList(int parameterListLength, Bytes parameterList) {
    if (!parameterList.isEmpty() && parameterList.size() != parameterListLength) {
      throw new IllegalArgumentException("parameter list of " + parameterList.size()
          + " bytes does not match the parameter list length " + parameterListLength);
    }
  }
}
