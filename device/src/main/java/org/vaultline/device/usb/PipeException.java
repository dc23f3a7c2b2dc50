package org.vaultline.device.usb;

/** A bulk or control transfer on a {@link BulkPipes} failed; {@link #kind()} says how. */
public class PipeException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What the host controller reported. */
  public enum Kind {
    /** The endpoint answered STALL (libusb LIBUSB_ERROR_PIPE): clear the halt and carry on per BOT. */
    STALL,
    /** The transfer did not complete in time. */
    TIMEOUT,
    /** The device is gone (unplugged, reset by someone else). */
    NO_DEVICE,
    /** Anything else: I/O error, overflow, access denied. */
    ERROR
  }

  private final Kind kind;

  public PipeException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
