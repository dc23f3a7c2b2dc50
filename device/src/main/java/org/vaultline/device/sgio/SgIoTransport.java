package org.vaultline.device.sgio;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.transport.DataDirection;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * Linux SCSI generic pass-through: one {@code /dev/sgN} node, commands sent with the {@code SG_IO} ioctl
 * (sg driver version 3 interface, {@code struct sg_io_hdr}). CDB, data and sense buffers live in native
 * memory for the duration of each call. The device's answer, CHECK CONDITION included, comes back as a
 * {@link ScsiResult}; a host adapter or driver error (the command may or may not have run) and a failed
 * ioctl come back as {@link TransportException} naming {@code DID_*}, {@code DRIVER_*} or the errno.
 *
 * <p>Several threads may send commands at once (the sg driver queues them); {@link #close} waits for
 * the commands in flight, since an SG_IO call cannot be withdrawn.
 */
public final class SgIoTransport implements ScsiTransport {
  /** Room for the largest sense SPC-4 allows (252 bytes); {@code mx_sb_len} is one byte. */
  static final int SENSE_BUFFER = 252;
  /** The sg v3 interface; older drivers (2.x kernels) do not have SG_IO. */
  static final int MIN_SG_VERSION = 30000;
  private static final long MAX_TIMEOUT_MS = 0xFFFF_FFFEL; // 0xFFFFFFFF would mean "no timeout"

  private final Libc libc;
  private final Path node;
  private final int fd;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed;

  private SgIoTransport(Libc libc, Path node, int fd) {
    this.libc = libc;
    this.node = node;
    this.fd = fd;
  }

  /** Opens {@code node} (e.g. {@code /dev/sg3}) through the system C library. */
  public static SgIoTransport open(Path node) throws TransportException {
    SgIo.ensureAvailable();
    return open(node, Libc.system());
  }

  /**
   * Opens {@code node} through {@code libc}, read-write and non-blocking (an exclusive opener elsewhere
   * then gives EBUSY instead of a hang), and checks with {@code SG_GET_VERSION_NUM} that it is an sg node.
   */
  public static SgIoTransport open(Path node, Libc libc) throws TransportException {
    int fd = libc.open(node.toString(), Libc.O_RDWR | Libc.O_NONBLOCK | Libc.O_CLOEXEC);
    if (fd < 0) {
      throw new TransportException("cannot open " + node + ": " + describeErrno(libc, Native.getLastError()));
    }
    int version;
    try (Memory v = new Memory(4)) {
      v.setInt(0, 0);
      if (libc.ioctl(fd, new NativeLong(Libc.SG_GET_VERSION_NUM), v) < 0) {
        String errno = describeErrno(libc, Native.getLastError());
        libc.close(fd);
        throw new TransportException(node + " is not an sg node: SG_GET_VERSION_NUM failed: " + errno);
      }
      version = v.getInt(0);
    }
    if (version < MIN_SG_VERSION) {
      libc.close(fd);
      throw new TransportException(node + ": sg driver version " + version + " has no SG_IO (needs "
          + MIN_SG_VERSION + " or later)");
    }
    return new SgIoTransport(libc, node, fd);
  }

  @Override
  public ScsiResult execute(ScsiRequest request) throws TransportException {
    return submit(request).result();
  }

  /** Like {@link #execute} but also returns the driver byte and the duration the kernel measured. */
  public SgIoCompletion submit(ScsiRequest request) throws TransportException {
    lock.readLock().lock();
    try {
      if (closed) {
        throw new TransportException(describe() + ": " + request.name() + ": transport is closed");
      }
      return send(request);
    } finally {
      lock.readLock().unlock();
    }
  }

  private SgIoCompletion send(ScsiRequest request) throws TransportException {
    Bytes cdb = request.cdb().bytes();
    if (cdb.size() > 255) {
      throw new TransportException(describe() + ": " + request.name() + ": CDB of " + cdb.size()
          + " bytes does not fit cmd_len");
    }
    int dataLength = switch (request.direction()) {
      case NONE -> 0;
      case FROM_DEVICE -> request.dataInLength();
      case TO_DEVICE -> request.dataOut().size();
    };
    // JNA refuses zero-sized Memory; a command without data passes a null data pointer.
    try (Memory cdbMem = new Memory(cdb.size());
         Memory sense = new Memory(SENSE_BUFFER);
         Memory data = dataLength > 0 ? new Memory(dataLength) : null) {
      cdbMem.write(0, cdb.toByteArray(), 0, cdb.size());
      sense.clear();
      if (data != null) {
        if (request.direction() == DataDirection.TO_DEVICE) {
          data.write(0, request.dataOut().toByteArray(), 0, dataLength);
        } else {
          data.clear();
        }
      }
      SgIoHdr hdr = new SgIoHdr();
      hdr.interface_id = SgIoHdr.INTERFACE_ID;
      hdr.dxfer_direction = switch (request.direction()) {
        case NONE -> SgIoHdr.SG_DXFER_NONE;
        case FROM_DEVICE -> dataLength > 0 ? SgIoHdr.SG_DXFER_FROM_DEV : SgIoHdr.SG_DXFER_NONE;
        case TO_DEVICE -> dataLength > 0 ? SgIoHdr.SG_DXFER_TO_DEV : SgIoHdr.SG_DXFER_NONE;
      };
      hdr.cmd_len = (byte) cdb.size();
      hdr.mx_sb_len = (byte) SENSE_BUFFER;
      hdr.iovec_count = 0;
      hdr.dxfer_len = dataLength;
      hdr.dxferp = data;
      hdr.cmdp = cdbMem;
      hdr.sbp = sense;
      hdr.timeout = (int) timeoutMillis(request.timeout());
      hdr.flags = 0;
      hdr.write();
      if (libc.ioctl(fd, new NativeLong(Libc.SG_IO), hdr.getPointer()) < 0) {
        throw new TransportException(describe() + ": " + request.name() + ": SG_IO failed: "
            + describeErrno(libc, Native.getLastError()));
      }
      hdr.read();
      return decode(request, hdr, data, dataLength, sense);
    }
  }

  private SgIoCompletion decode(ScsiRequest request, SgIoHdr hdr, Pointer data, int dataLength, Pointer sense)
      throws TransportException {
    int status = hdr.status & 0xff;
    int host = hdr.host_status & 0xffff;
    DriverStatus driver = new DriverStatus(hdr.driver_status & 0xffff);
    long durationMs = hdr.duration & 0xffff_ffffL;
    int senseWritten = Math.min(hdr.sb_len_wr & 0xff, SENSE_BUFFER);
    if (host != HostStatus.DID_OK.code()) {
      throw new TransportException(describe() + ": " + request.name() + ": " + HostStatus.describe(host)
          + (driver.raw() != 0 ? ", " + driver : "") + " after " + durationMs + " ms");
    }
    if (!driver.isOk()) {
      throw new TransportException(describe() + ": " + request.name() + ": " + driver + " after "
          + durationMs + " ms");
    }
    int residual = Math.max(0, Math.min(hdr.resid, dataLength));
    Bytes dataIn = Bytes.EMPTY;
    if (request.direction() == DataDirection.FROM_DEVICE && data != null) {
      int transferred = dataLength - residual;
      dataIn = Bytes.of(data.getByteArray(0, transferred));
    }
    Bytes senseBytes = senseWritten > 0 ? Bytes.of(sense.getByteArray(0, senseWritten)) : Bytes.EMPTY;
    return new SgIoCompletion(new ScsiResult(status, dataIn, senseBytes, residual), driver,
        Duration.ofMillis(durationMs), senseWritten);
  }

  static long timeoutMillis(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      return 1;
    }
    long ms;
    try {
      ms = timeout.toMillis();
    } catch (ArithmeticException e) {
      return MAX_TIMEOUT_MS;
    }
    return Math.max(1, Math.min(ms, MAX_TIMEOUT_MS));
  }

  static String describeErrno(Libc libc, int errno) {
    String text;
    try {
      text = libc.strerror(errno);
    } catch (RuntimeException e) {
      text = null;
    }
    return Errno.name(errno) + (text == null || text.isBlank() ? "" : " (" + text + ")");
  }

  public Path node() {
    return node;
  }

  @Override
  public String describe() {
    return "sg:" + node;
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        libc.close(fd); // an error from close(2) still releases the descriptor
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public String toString() {
    return describe();
  }
}
