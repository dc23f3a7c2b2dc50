package org.vaultline.device.usb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.spc.RequestSense;
import org.vaultline.scsi.transport.DataDirection;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiStatus;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * SCSI over USB Mass Storage Bulk-Only Transport 1.0 (class 08h, subclass 06h SCSI transparent, protocol
 * 50h): CBW on bulk-out, optional data phase, CSW on bulk-in. BOT has no autosense, so a CSW "failed" is
 * followed at once by REQUEST SENSE and the result carries the sense as on every other transport. A
 * phase error, an invalid CSW or a timeout leads to reset recovery (BOT 5.3.4: Bulk-Only Mass Storage
 * Reset, then CLEAR HALT on bulk-in and bulk-out) and a {@link TransportException}: the command's
 * outcome is unknown.
 *
 * <p>One command at a time per interface; LUNs of the same interface ({@link #lun(int)}) share the
 * pipes and take turns.
 */
public final class BulkOnlyTransport implements ScsiTransport {
  /**
   * Allocation length of the REQUEST SENSE sent after a failed CSW: 18 bytes, the fixed-format sense
   * every device supports (Linux usb-storage asks for 18 too, as some bridges fail longer requests).
   */
  public static final int REQUEST_SENSE_LENGTH = 18;
  static final Duration CONTROL_TIMEOUT = Duration.ofSeconds(5);
  static final Duration REQUEST_SENSE_TIMEOUT = Duration.ofSeconds(10);

  private final Link link;
  private final int lun;
  private boolean closed;

  private BulkOnlyTransport(Link link, int lun) {
    this.link = link;
    this.lun = lun;
  }

  /** A transport to LUN 0 of the interface behind {@code pipes}; closing the last LUN closes the pipes. */
  public static BulkOnlyTransport open(BulkPipes pipes) {
    return new BulkOnlyTransport(new Link(pipes), 0);
  }

  /** A transport to another LUN of the same interface (a changer is often LUN 1 behind its drive). */
  public BulkOnlyTransport lun(int n) {
    if (n < 0 || n > 15) {
      throw new IllegalArgumentException("LUN out of range 0..15: " + n);
    }
    synchronized (link) {
      link.users++;
    }
    return new BulkOnlyTransport(link, n);
  }

  public int lunNumber() {
    return lun;
  }

  /** The highest LUN of the interface (Get Max LUN); 0 when the device stalls the request. */
  public int maxLun() throws TransportException {
    synchronized (link) {
      ensureOpen("GET MAX LUN");
      try {
        return link.pipes.maxLun(CONTROL_TIMEOUT);
      } catch (PipeException e) {
        if (e.kind() == PipeException.Kind.STALL) {
          return 0;
        }
        throw new TransportException(describe() + ": GET MAX LUN failed: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public ScsiResult execute(ScsiRequest request) throws TransportException {
    synchronized (link) {
      ensureOpen(request.name());
      long deadline = System.nanoTime() + Math.max(1, nanos(request.timeout()));
      Outcome o = transact(request.name(), request.cdb(), request.direction(), request.dataOut(),
          request.dataInLength(), deadline, request.timeout());
      if (o.status == CommandStatusWrapper.PASSED) {
        return ScsiResult.good(o.dataIn, o.residual);
      }
      // CSW "failed": BOT carries no sense, ask for it before anything else reaches this LUN.
      Cdb requestSense = new RequestSense(false, REQUEST_SENSE_LENGTH).cdb();
      Outcome s = transact("REQUEST SENSE after " + request.name(), requestSense, DataDirection.FROM_DEVICE,
          Bytes.EMPTY, REQUEST_SENSE_LENGTH, System.nanoTime() + nanos(REQUEST_SENSE_TIMEOUT),
          REQUEST_SENSE_TIMEOUT);
      if (s.status != CommandStatusWrapper.PASSED) {
        throw new TransportException(describe() + ": " + request.name()
            + " failed and the REQUEST SENSE that followed failed too");
      }
      return new ScsiResult(ScsiStatus.CHECK_CONDITION.code(), o.dataIn, s.dataIn, o.residual);
    }
  }

  private record Outcome(int status, Bytes dataIn, int residual) {
  }

  private Outcome transact(String name, Cdb cdb, DataDirection direction, Bytes dataOut, int dataInLength,
                           long deadline, Duration timeout) throws TransportException {
    BulkPipes pipes = link.pipes;
    int length = switch (direction) {
      case NONE -> 0;
      case FROM_DEVICE -> dataInLength;
      case TO_DEVICE -> dataOut.size();
    };
    if (cdb.length() > 16) {
      throw new TransportException(describe() + ": " + name + ": a " + cdb.length()
          + "-byte CDB does not fit a CBW (16 bytes at most)");
    }
    int tag = link.nextTag();
    CommandBlockWrapper cbw = new CommandBlockWrapper(tag, length, direction == DataDirection.FROM_DEVICE, lun,
        cdb.bytes());
    try {
      pipes.out(cbw.encode(), remaining(deadline));
    } catch (PipeException e) {
      throw recoverAndFail(name, "sending the command block", e, timeout);
    }

    Bytes dataIn = Bytes.EMPTY;
    int moved = 0;
    if (length > 0 && direction == DataDirection.FROM_DEVICE) {
      try {
        dataIn = pipes.in(length, remaining(deadline));
        if (dataIn.size() > length) {
          dataIn = dataIn.prefix(length);
        }
        moved = dataIn.size();
      } catch (PipeException e) {
        // BOT 6.7.2: the device may STALL bulk-in to end the data phase early; the CSW follows.
        if (e.kind() != PipeException.Kind.STALL) {
          throw recoverAndFail(name, "receiving data", e, timeout);
        }
        clearHaltOrFail(name, BulkPipes.Endpoint.IN, e);
      }
    } else if (length > 0 && direction == DataDirection.TO_DEVICE) {
      try {
        pipes.out(dataOut, remaining(deadline));
        moved = length;
      } catch (PipeException e) {
        if (e.kind() != PipeException.Kind.STALL) {
          throw recoverAndFail(name, "sending data", e, timeout);
        }
        clearHaltOrFail(name, BulkPipes.Endpoint.OUT, e);
      }
    }

    CommandStatusWrapper csw = readStatus(name, tag, deadline, timeout);
    if (csw.status() != CommandStatusWrapper.PASSED && csw.status() != CommandStatusWrapper.FAILED) {
      TransportException t = new TransportException(describe() + ": " + name + ": CSW "
          + csw.describeStatus() + "; reset recovery done, outcome unknown");
      resetRecovery(t);
      throw t;
    }
    // BOT 6.7: the residue is the device's count; a value larger than the transfer is not meaningful.
    long residue = csw.dataResidue() <= length ? csw.dataResidue() : 0;
    int residual = (int) Math.max(length - moved, residue);
    if (direction == DataDirection.FROM_DEVICE && dataIn.size() > length - residual) {
      dataIn = dataIn.prefix(length - residual);
    }
    return new Outcome(csw.status(), dataIn, residual);
  }

  private CommandStatusWrapper readStatus(String name, int tag, long deadline, Duration timeout)
      throws TransportException {
    Bytes raw;
    try {
      raw = link.pipes.in(CommandStatusWrapper.LENGTH, remaining(deadline));
    } catch (PipeException e) {
      if (e.kind() != PipeException.Kind.STALL) {
        throw recoverAndFail(name, "waiting for the status (CSW)", e, timeout);
      }
      // BOT 5.3.3: on a STALL, clear it and try the CSW once more.
      clearHaltOrFail(name, BulkPipes.Endpoint.IN, e);
      try {
        raw = link.pipes.in(CommandStatusWrapper.LENGTH, remaining(deadline));
      } catch (PipeException again) {
        throw recoverAndFail(name, "waiting for the status (CSW) after clearing a stall", again, timeout);
      }
    }
    CommandStatusWrapper csw;
    try {
      csw = CommandStatusWrapper.decode(raw);
    } catch (MalformedResponseException e) {
      TransportException t = new TransportException(describe() + ": " + name + ": invalid CSW [" + raw.hex()
          + "]: " + e.reason() + "; reset recovery done, outcome unknown", e);
      resetRecovery(t);
      throw t;
    }
    if (csw.tag() != tag) {
      TransportException t = new TransportException(String.format(
          "%s: %s: CSW tag %08X does not match CBW tag %08X; reset recovery done, outcome unknown", describe(),
          name, csw.tag(), tag));
      resetRecovery(t);
      throw t;
    }
    return csw;
  }

  private void clearHaltOrFail(String name, BulkPipes.Endpoint endpoint, PipeException stall)
      throws TransportException {
    try {
      link.pipes.clearHalt(endpoint, CONTROL_TIMEOUT);
    } catch (PipeException e) {
      TransportException t = new TransportException(describe() + ": " + name + ": bulk-" + endpoint.name()
          .toLowerCase(java.util.Locale.ROOT) + " stalled (" + stall.getMessage() + ") and the halt could not be"
          + " cleared: " + e.getMessage(), e);
      resetRecovery(t);
      throw t;
    }
  }

  private TransportException recoverAndFail(String name, String phase, PipeException e, Duration timeout) {
    String what = switch (e.kind()) {
      case TIMEOUT -> "timed out after " + timeout.toMillis() + " ms " + phase;
      case NO_DEVICE -> "device disconnected while " + phase;
      case STALL -> "endpoint stalled while " + phase;
      case ERROR -> "USB error while " + phase;
    };
    TransportException t = new TransportException(describe() + ": " + name + ": " + what + " (" + e.getMessage()
        + ")", e);
    if (e.kind() != PipeException.Kind.NO_DEVICE) {
      resetRecovery(t);
    }
    return t;
  }

  /** BOT 5.3.4: mass storage reset, then clear halt on bulk-in and bulk-out; failures join {@code cause}. */
  private void resetRecovery(TransportException cause) {
    List<PipeException> failures = new ArrayList<>();
    try {
      link.pipes.reset(CONTROL_TIMEOUT);
    } catch (PipeException e) {
      failures.add(e);
    }
    for (BulkPipes.Endpoint ep : BulkPipes.Endpoint.values()) {
      try {
        link.pipes.clearHalt(ep, CONTROL_TIMEOUT);
      } catch (PipeException e) {
        failures.add(e);
      }
    }
    failures.forEach(cause::addSuppressed);
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(1_000_000L, deadline - System.nanoTime()));
  }

  private static long nanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE / 4;
    }
  }

  private void ensureOpen(String name) throws TransportException {
    if (closed || link.users == 0) {
      throw new TransportException(describe() + ": " + name + ": transport is closed");
    }
  }

  @Override
  public String describe() {
    return link.pipes.describe() + " lun " + lun;
  }

  @Override
  public void close() {
    synchronized (link) {
      if (closed) {
        return;
      }
      closed = true;
      if (--link.users == 0) {
        link.pipes.close();
      }
    }
  }

  @Override
  public String toString() {
    return describe();
  }

  /** The pipes of one interface, shared by its LUNs; the monitor serialises their commands. */
  private static final class Link {
    final BulkPipes pipes;
    int users = 1;
    int tag;

    Link(BulkPipes pipes) {
      this.pipes = pipes;
    }

    int nextTag() {
      return ++tag;
    }
  }
}
