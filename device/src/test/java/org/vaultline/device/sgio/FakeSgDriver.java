package org.vaultline.device.sgio;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.transport.DataDirection;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * A Linux sg driver in a test: {@code fake_sg.c}, compiled by gcc into a shared library that provides
 * open/ioctl/close/strerror, forwards {@code ioctl(SG_IO)} to {@link #command}, which runs the request
 * on the {@link ScsiTransport} bound to the opened path and writes data, sense and status back through
 * the caller's native buffers.
 */
public final class FakeSgDriver {
  /** The control functions of the fake library (its libc functions are reached through {@link Libc}). */
  interface Control extends Library {
    void vl_fake_sg_install(OpenCallback open, CommandCallback command);

    void vl_fake_sg_set_version(int version);

    int vl_fake_sg_closes();
  }

  interface OpenCallback extends Callback {
    int invoke(String path, int flags);
  }

  interface CommandCallback extends Callback {
    int invoke(int fd, int interfaceId, int direction, Pointer cdb, int cdbLength, Pointer data, int dataLength,
               Pointer sense, int maxSense, int timeoutMs, int flags, int iovecCount, Pointer reply);
  }

  /** What the C side read from the caller's sg_io_hdr. */
  record Seen(int interfaceId, int direction, Bytes cdb, int dataLength, Bytes dataOut, int maxSense,
              long timeoutMs, int flags, int iovecCount, int openFlags) {
  }

  /** Makes the next command end otherwise than the logical unit says. */
  public record Fault(int errno, int hostStatus, int driverStatus, int durationMs) {
    public static Fault errno(int errno) {
      return new Fault(errno, 0, 0, 0);
    }

    public static Fault host(int hostStatus, int durationMs) {
      return new Fault(0, hostStatus, 0, durationMs);
    }

    public static Fault driver(int driverStatus) {
      return new Fault(0, 0, driverStatus, 0);
    }
  }

  private static Path library;

  final Libc libc;
  final Control control;
  private final Map<String, ScsiTransport> nodes = new HashMap<>();
  private final Map<String, Integer> openErrors = new HashMap<>();
  private final Map<Integer, ScsiTransport> byFd = new HashMap<>();
  private final Map<Integer, Integer> openFlags = new HashMap<>();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
  private int nextFd = 100;
  private int reportedDurationMs = 7;
  // Strong references: the C side holds raw pointers to these.
  private final OpenCallback openCallback = this::open;
  private final CommandCallback commandCallback = this::command;

  private FakeSgDriver(Path lib) {
    // RTLD_NOW without RTLD_GLOBAL: our open/ioctl/close must not be seen by anything else in the JVM.
    Map<String, Object> options = Map.of(Library.OPTION_OPEN_FLAGS, 2);
    this.libc = Native.load(lib.toString(), Libc.class, options);
    this.control = Native.load(lib.toString(), Control.class, options);
    control.vl_fake_sg_install(openCallback, commandCallback);
  }

  /** Builds the library once per test run (skipping where gcc is missing) and installs a fresh driver. */
  public static synchronized FakeSgDriver start() throws IOException {
    NativeBuild.assumeGcc();
    if (library == null) {
      Path dir = Files.createTempDirectory("vaultline-fake-sg");
      dir.toFile().deleteOnExit();
      library = NativeBuild.compile("fake_sg.c", dir, true);
      library.toFile().deleteOnExit();
      dir.resolve("fake_sg.c").toFile().deleteOnExit();
    }
    return new FakeSgDriver(library);
  }

  public FakeSgDriver bind(String path, ScsiTransport unit) {
    nodes.put(path, unit);
    return this;
  }

  FakeSgDriver failOpen(String path, int errno) {
    openErrors.put(path, errno);
    return this;
  }

  public FakeSgDriver thenFault(Fault fault) {
    faults.add(fault);
    return this;
  }

  FakeSgDriver reportDuration(int ms) {
    reportedDurationMs = ms;
    return this;
  }

  List<Seen> seen() {
    return List.copyOf(seen);
  }

  public SgIoTransport open(String path) throws TransportException {
    return SgIoTransport.open(Path.of(path), libc);
  }

  private int open(String path, int flags) {
    Integer errno = openErrors.get(path);
    if (errno != null) {
      return -errno;
    }
    ScsiTransport unit = nodes.get(path);
    if (unit == null) {
      return -2; // ENOENT
    }
    int fd = nextFd++;
    byFd.put(fd, unit);
    openFlags.put(fd, flags);
    return fd;
  }

  private int command(int fd, int interfaceId, int direction, Pointer cdb, int cdbLength, Pointer data,
                      int dataLength, Pointer sense, int maxSense, int timeoutMs, int flags, int iovecCount,
                      Pointer reply) {
    try {
      Bytes cdbBytes = Bytes.of(cdb.getByteArray(0, cdbLength));
      Bytes out = direction == SgIoHdr.SG_DXFER_TO_DEV && dataLength > 0
          ? Bytes.of(data.getByteArray(0, dataLength)) : Bytes.EMPTY;
      seen.add(new Seen(interfaceId, direction, cdbBytes, dataLength, out, maxSense, timeoutMs & 0xffffffffL,
          flags, iovecCount, openFlags.getOrDefault(fd, -1)));
      if (interfaceId != SgIoHdr.INTERFACE_ID) {
        return -38; // ENOSYS, as the sg driver answers a wrong interface_id
      }
      Fault fault = faults.poll();
      if (fault != null && fault.errno() != 0) {
        return -fault.errno();
      }
      ScsiTransport unit = byFd.get(fd);
      if (unit == null) {
        return -9; // EBADF
      }
      DataDirection dir = switch (direction) {
        case SgIoHdr.SG_DXFER_TO_DEV -> DataDirection.TO_DEVICE;
        case SgIoHdr.SG_DXFER_FROM_DEV -> DataDirection.FROM_DEVICE;
        default -> DataDirection.NONE;
      };
      ScsiResult result = unit.execute(new ScsiRequest("sg", new org.vaultline.scsi.Cdb(cdbBytes), dir, out,
          dir == DataDirection.FROM_DEVICE ? dataLength : 0, Duration.ofMillis(timeoutMs & 0xffffffffL)));
      int written = 0;
      if (dir == DataDirection.FROM_DEVICE) {
        written = Math.min(result.dataIn().size(), dataLength);
        data.write(0, result.dataIn().toByteArray(), 0, written);
      }
      int resid = dir == DataDirection.FROM_DEVICE ? dataLength - written
          : dir == DataDirection.TO_DEVICE ? Math.min(result.residual(), dataLength) : 0;
      int senseLength = Math.min(result.sense().size(), maxSense & 0xff);
      sense.write(0, result.sense().toByteArray(), 0, senseLength);
      int driver = senseLength > 0 ? DriverStatus.DRIVER_SENSE : 0;
      int host = 0;
      if (fault != null) {
        host = fault.hostStatus();
        driver |= fault.driverStatus();
      }
      reply.write(0, new int[] {result.status(), host, driver, resid,
          fault != null && fault.durationMs() != 0 ? fault.durationMs() : reportedDurationMs, senseLength}, 0, 6);
      return 0;
    } catch (Exception e) {
      return -5; // EIO: a test unit that throws looks like a failing adapter
    }
  }
}
