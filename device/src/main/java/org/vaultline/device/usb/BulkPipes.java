package org.vaultline.device.usb;

import java.time.Duration;
import org.vaultline.scsi.bytes.Bytes;

/**
 * The two bulk endpoints and the class requests of one bulk-only interface: what
 * {@link BulkOnlyTransport} needs from USB. usb4java provides them in production ({@link UsbBulkPipes});
 * tests use an in-memory device.
 */
public interface BulkPipes extends AutoCloseable {

  /** Which bulk endpoint. */
  enum Endpoint { IN, OUT }

  /** Sends {@code data} on the bulk-out endpoint as one transfer. */
  void out(Bytes data, Duration timeout) throws PipeException;

  /**
   * Receives one transfer of at most {@code maxLength} bytes from the bulk-in endpoint. As with libusb,
   * fewer bytes come back only when the device ended the transfer early with a short packet.
   */
  Bytes in(int maxLength, Duration timeout) throws PipeException;

  /** BOT 3.1 Bulk-Only Mass Storage Reset: class request FFh to the interface. */
  void reset(Duration timeout) throws PipeException;

  /** CLEAR FEATURE (ENDPOINT_HALT) on one endpoint. */
  void clearHalt(Endpoint endpoint, Duration timeout) throws PipeException;

  /** BOT 3.2 Get Max LUN: class request FEh. A device without LUNs may STALL it ({@link PipeException.Kind#STALL}). */
  int maxLun(Duration timeout) throws PipeException;

  /** For messages: {@code usb:0x0b4d:0x1234 bus 1 address 4 interface 0}. */
  String describe();

  @Override
  void close();
}
