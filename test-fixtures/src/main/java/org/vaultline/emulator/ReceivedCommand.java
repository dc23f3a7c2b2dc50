package org.vaultline.emulator;

import java.time.Instant;
import java.util.Optional;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.transport.ScsiResult;

/**
 * One command as the emulator received it, and what came of it.
 *
 * @param sequence 1, 2, 3... over the whole library
 * @param result the answer; empty when the transport failed instead ({@code transportFailure} says how)
 */
public record ReceivedCommand(long sequence, Instant at, UnitId unit, Initiator initiator, Cdb cdb,
                              Bytes dataOut, int dataInLength, Optional<ScsiResult> result,
                              Optional<String> transportFailure) {

  public int opcode() {
    return cdb.opcode();
  }

  @Override
  public String toString() {
    return "#" + sequence + " " + unit + " " + initiator + " [" + cdb.bytes().hex() + "] -> "
        + result.map(ScsiResult::toString).orElse(transportFailure.orElse("?"));
  }
}
