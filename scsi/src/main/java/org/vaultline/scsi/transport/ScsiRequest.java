package org.vaultline.scsi.transport;

import java.time.Duration;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.bytes.Bytes;

/**
 * What a transport sends: the CDB, the data direction, data to send or how much to receive, and the
 * timeout. {@code name} is for logs and error messages only.
 */
public record ScsiRequest(String name, Cdb cdb, DataDirection direction, Bytes dataOut, int dataInLength,
                          Duration timeout) {
  public ScsiRequest {
    if (direction == DataDirection.TO_DEVICE && dataInLength != 0) {
      throw new IllegalArgumentException("a Data-Out command expects no data in");
    }
    if (direction != DataDirection.TO_DEVICE && !dataOut.isEmpty()) {
      throw new IllegalArgumentException("only a Data-Out command carries data out");
    }
    if (dataInLength < 0) {
      throw new IllegalArgumentException("negative data-in length");
    }
  }

  public static ScsiRequest of(Command<?> command, Duration timeout) {
    return new ScsiRequest(command.name(), command.cdb(), command.direction(), command.dataOut(),
        command.dataInLength(), timeout);
  }

  public ScsiRequest withTimeout(Duration t) {
    return new ScsiRequest(name, cdb, direction, dataOut, dataInLength, t);
  }
}
