package org.vaultline.scsi;

import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.transport.DataDirection;

/**
 * A command that moves no data either way (MOVE MEDIUM, REWIND, TEST UNIT READY ...): direction
 * {@link DataDirection#NONE}, and nothing to parse. Its outcome is the status and sense alone.
 */
public interface NoDataCommand extends Command<Void> {

  @Override
  default DataDirection direction() {
    return DataDirection.NONE;
  }

  @Override
  default Void parse(Bytes dataIn) {
    return null;
  }
}
