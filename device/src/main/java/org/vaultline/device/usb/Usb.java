package org.vaultline.device.usb;

import java.util.Optional;
import org.usb4java.Context;
import org.usb4java.LibUsb;
import org.vaultline.scsi.sense.TransportException;

/**
 * Whether USB can be used in this process through usb4java (libusb), in the manner of Netty's native
 * transports: {@link #isAvailable()} and {@link #unavailabilityCause()} let everything else run where the
 * native library is missing or libusb cannot start. Holds the one libusb context of the process, made
 * on first use and kept for the life of the process.
 */
public final class Usb {
  private Usb() {
  }

  public static boolean isAvailable() {
    return Holder.CAUSE == null;
  }

  /** Why USB cannot be used, or empty when it can. */
  public static Optional<Throwable> unavailabilityCause() {
    return Optional.ofNullable(Holder.CAUSE);
  }

  public static void ensureAvailable() throws TransportException {
    if (Holder.CAUSE != null) {
      throw new TransportException("USB unavailable: " + Holder.CAUSE.getMessage(), Holder.CAUSE);
    }
  }

  /** The process's libusb context. */
  static Context context() throws TransportException {
    ensureAvailable();
    return Holder.CONTEXT;
  }

  /** {@code LIBUSB_ERROR_PIPE (Pipe error)} for a libusb error code. */
  static String errorName(int code) {
    try {
      return LibUsb.errorName(code) + " (" + LibUsb.strError(code) + ")";
    } catch (LinkageError | RuntimeException e) {
      return "libusb error " + code;
    }
  }

  private static final class Holder {
    static final Context CONTEXT;
    static final Throwable CAUSE;

    static {
      Context context = null;
      Throwable cause = null;
      try {
        Context c = new Context();
        int r = LibUsb.init(c); // loads libusb4java (libusb linked in) from the usb4java natives jar
        if (r != LibUsb.SUCCESS) {
          cause = new UnsupportedOperationException("libusb_init failed: " + errorName(r));
        } else {
          context = c;
        }
      } catch (LinkageError | RuntimeException e) {
        cause = new UnsupportedOperationException("usb4java native library cannot be loaded: " + e, e);
      }
      CONTEXT = context;
      CAUSE = cause;
    }
  }
}
