package org.vaultline.device.contract;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * A logical unit that can be told to hold its next command until released, as a device busy with a
 * long robot move would: the command is then in flight on the wire for as long as a test needs, which
 * it learns from {@link #awaitArrival} rather than by sleeping.
 */
final class Gate implements ScsiTransport {
  private final ScsiTransport unit;
  private volatile CountDownLatch arrived = new CountDownLatch(0);
  private volatile CountDownLatch open = new CountDownLatch(0);

  Gate(ScsiTransport unit) {
    this.unit = unit;
  }

  /** The next command (and any after it) waits at the gate until {@link #release()}. */
  void hold() {
    arrived = new CountDownLatch(1);
    open = new CountDownLatch(1);
  }

  /** Whether a command reached the held gate within {@code timeout}. */
  boolean awaitArrival(Duration timeout) throws InterruptedException {
    return arrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  void release() {
    open.countDown();
  }

  @Override
  public ScsiResult execute(ScsiRequest request) throws TransportException {
    CountDownLatch gate = open;
    arrived.countDown();
    try {
      if (!gate.await(60, TimeUnit.SECONDS)) {
        throw new TransportException(describe() + ": held for 60 s and never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException(describe() + ": interrupted at the gate", e);
    }
    return unit.execute(request);
  }

  @Override
  public String describe() {
    return "gate:" + unit.describe();
  }

  @Override
  public void close() {
    release();
    unit.close();
  }
}
