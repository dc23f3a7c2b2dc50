package org.vaultline.device.sgio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.vaultline.scsi.sense.TransportException;

/**
 * Whether Linux SG_IO can be used in this process, in the manner of Netty's native transports: callers
 * ask {@link #isAvailable()} and fall back (or say why with {@link #unavailabilityCause()}) instead of
 * failing on a missing JNA, another operating system, or a kernel without the sg driver.
 */
public final class SgIo {
  private SgIo() {
  }

  public static boolean isAvailable() {
    return Holder.CAUSE == null;
  }

  /** Why SG_IO cannot be used, or empty when it can. */
  public static Optional<Throwable> unavailabilityCause() {
    return Optional.ofNullable(Holder.CAUSE);
  }

  /** Throws a {@link TransportException} carrying the cause when SG_IO cannot be used. */
  public static void ensureAvailable() throws TransportException {
    if (Holder.CAUSE != null) {
      throw new TransportException("SG_IO unavailable: " + Holder.CAUSE.getMessage(), Holder.CAUSE);
    }
  }

  /** The checks, in the order a user would fix them: operating system, JNA, sg driver. */
  static Throwable check(String osName, Path sysfsRoot) {
    if (!osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
      return new UnsupportedOperationException("not Linux (" + osName + ")");
    }
    try {
      JnaProbe.probe();
    } catch (LinkageError | RuntimeException e) {
      return new UnsupportedOperationException("JNA cannot be used: " + e, e);
    }
    Path sysClass = sysfsRoot.resolve("sys/class/scsi_generic");
    Path proc = sysfsRoot.resolve("proc/scsi/sg");
    if (!Files.isDirectory(sysClass) && !Files.isDirectory(proc)) {
      return new UnsupportedOperationException("no sg driver (" + sysClass + " missing; load module sg)");
    }
    return null;
  }

  private static final class Holder {
    static final Throwable CAUSE = check(System.getProperty("os.name", ""), Path.of("/"));
  }

  /** Touches JNA only here, so that a missing jar or native stub shows as a LinkageError we can catch. */
  private static final class JnaProbe {
    static void probe() {
      if (com.sun.jna.Native.POINTER_SIZE <= 0) {
        throw new IllegalStateException("JNA reports no pointer size");
      }
      Libc.system();
    }
  }
}
