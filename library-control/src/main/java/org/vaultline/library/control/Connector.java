package org.vaultline.library.control;

import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * Opens the device a path names ({@code DEFINE PATH ... DEVICE=url}): in the appliance
 * {@code DeviceOpener.standard()::open} (SG_IO, iSCSI, USB, and the emulator where it is plugged in); in tests,
 * the emulated library in process.
 */
@FunctionalInterface
public interface Connector {

  /**
   * Opens the logical unit at {@code deviceUrl}.
   *
   * @throws TransportException when it cannot be reached, saying why
   * @throws IllegalArgumentException when {@code deviceUrl} is not a device URL
   */
  ScsiTransport open(String deviceUrl) throws TransportException;
}
