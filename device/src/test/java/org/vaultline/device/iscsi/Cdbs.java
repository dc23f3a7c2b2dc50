package org.vaultline.device.iscsi;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.transport.DataDirection;
import org.vaultline.scsi.transport.ScsiRequest;

/**
 * Raw requests for transport tests (the command records of org.vaultline.scsi are written elsewhere;
 * a transport test only needs bytes on the wire).
 */
final class Cdbs {
  static final Duration T = Duration.ofSeconds(20);

  private Cdbs() {
  }

  static ScsiRequest inquiry(int allocation) {
    return new ScsiRequest("INQUIRY", Cdb.of(0x12, 0, 0, allocation >> 8, allocation, 0), DataDirection.FROM_DEVICE,
        Bytes.EMPTY, allocation, T);
  }

  static ScsiRequest testUnitReady() {
    return new ScsiRequest("TEST UNIT READY", Cdb.of(0, 0, 0, 0, 0, 0), DataDirection.NONE, Bytes.EMPTY, 0, T);
  }

  static ScsiRequest reportLuns() {
    return new ScsiRequest("REPORT LUNS", Cdb.of(0xa0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0), DataDirection.FROM_DEVICE,
        Bytes.EMPTY, 256, T);
  }

  /** SSC-3 WRITE(6), variable block (FIXED=0): one block of {@code data.size()} bytes. */
  static ScsiRequest write6(Bytes data) {
    int n = data.size();
    return new ScsiRequest("WRITE(6)", Cdb.of(0x0a, 0, n >> 16, n >> 8, n, 0), DataDirection.TO_DEVICE, data, 0, T);
  }

  /** SSC-3 READ(6), variable block, SILI=0. */
  static ScsiRequest read6(int n) {
    return new ScsiRequest("READ(6)", Cdb.of(0x08, 0, n >> 16, n >> 8, n, 0), DataDirection.FROM_DEVICE,
        Bytes.EMPTY, n, T);
  }

  static ScsiRequest writeFilemarks(int count) {
    return new ScsiRequest("WRITE FILEMARKS(6)", Cdb.of(0x10, 0, count >> 16, count >> 8, count, 0),
        DataDirection.NONE, Bytes.EMPTY, 0, T);
  }

  static ScsiRequest rewind() {
    return new ScsiRequest("REWIND", Cdb.of(0x01, 0, 0, 0, 0, 0), DataDirection.NONE, Bytes.EMPTY, 0,
        Duration.ofMinutes(2));
  }

  /** SMC-3 READ ELEMENT STATUS (B8h) with VOLTAG for {@code count} elements of {@code type} from {@code start}. */
  static ScsiRequest readElementStatus(int type, int start, int count, int allocation) {
    return new ScsiRequest("READ ELEMENT STATUS", Cdb.of(0xb8, 0x10 | type, start >> 8, start, count >> 8, count, 0,
        allocation >> 16, allocation >> 8, allocation, 0, 0), DataDirection.FROM_DEVICE, Bytes.EMPTY, allocation, T);
  }

  /** SMC-3 MOVE MEDIUM (A5h). */
  static ScsiRequest moveMedium(int transport, int source, int destination) {
    return new ScsiRequest("MOVE MEDIUM", Cdb.of(0xa5, 0, transport >> 8, transport, source >> 8, source,
        destination >> 8, destination, 0, 0, 0, 0), DataDirection.NONE, Bytes.EMPTY, 0, Duration.ofMinutes(5));
  }

  /** Polls {@code condition} every 10 ms for up to {@code timeout}; true once it holds. */
  static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(10);
    }
    return condition.getAsBoolean();
  }
}
