package org.vaultline.scsi;

import java.time.Duration;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.transport.DataDirection;

/**
 * One SCSI command: it builds its CDB, knows its data direction, how much data it expects and how long
 * it may take, and parses its response. Implemented by a record per T10 command in {@code spc},
 * {@code smc} and {@code ssc}.
 *
 * @param <R> the parsed response; {@link Void} for commands that return no data
 */
public interface Command<R> {

  /** The T10 name, as sg3_utils prints it: {@code MOVE MEDIUM}. */
  String name();

  Cdb cdb();

  DataDirection direction();

  /** Bytes expected from the device (allocation or transfer length); 0 when none. */
  default int dataInLength() {
    return 0;
  }

  /** Bytes sent to the device (parameter list, write data). */
  default Bytes dataOut() {
    return Bytes.EMPTY;
  }

  /** The timeout the standard's guidance and field experience give (REFERENCE §1.6). */
  Duration defaultTimeout();

  /**
   * Parses the data the device returned (already cut to what it actually transferred).
   *
   * @throws MalformedResponseException when the bytes do not form a valid response
   */
  R parse(Bytes dataIn) throws MalformedResponseException;
}
