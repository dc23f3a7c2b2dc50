package org.vaultline.scsi.transport;

import org.vaultline.scsi.sense.TransportException;

/**
 * Carries one request to one logical unit and brings back its result: Linux SG_IO, USB bulk-only,
 * iSCSI, or the emulator in process. A transport does not interpret sense and does not retry; that is
 * the {@link ScsiExecutor}'s job.
 */
public interface ScsiTransport extends AutoCloseable {

  /**
   * Executes one command.
   *
   * @throws TransportException when the outcome is unknown (timeout, connection lost, adapter error)
   */
  ScsiResult execute(ScsiRequest request) throws TransportException;

  /** Where this transport leads, for messages: {@code sg:/dev/sg3}, {@code iscsi://host/iqn/1}. */
  String describe();

  @Override
  void close();
}
