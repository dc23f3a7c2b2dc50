package org.vaultline.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.vaultline.emulator.fault.Fault;
import org.vaultline.emulator.personality.SenseCode;
import org.vaultline.emulator.target.Reply;
import org.vaultline.emulator.target.Target;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.transport.DataDirection;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiStatus;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * One initiator's connection to one logical unit of the emulated library, in process. Per command, in
 * this order: record it, fire a scripted fault, settle the robot, check pending unit attentions (except
 * for INQUIRY, REPORT LUNS and REQUEST SENSE, SPC-4 5.x), dispatch, then wait on the emulator clock
 * until the command completes (outside the library lock) and cut data-in to the allocation length. A
 * command that completes after its request timeout ends in TransportException, as on a real bus: its
 * effect stays.
 */
public final class UnitTransport implements ScsiTransport {
  private static final int INQUIRY = 0x12;
  private static final int REPORT_LUNS = 0xA0;
  private static final int REQUEST_SENSE = 0x03;

  private final EmulatedLibrary library;
  private final UnitId unit;
  private final Initiator initiator;
  private final Target target;
  private volatile boolean closed;

  UnitTransport(EmulatedLibrary library, UnitId unit, Initiator initiator, Target target) {
    this.library = library;
    this.unit = unit;
    this.initiator = initiator;
    this.target = target;
  }

  public UnitId unit() {
    return unit;
  }

  public Initiator initiator() {
    return initiator;
  }

  @Override
  public ScsiResult execute(ScsiRequest request) throws TransportException {
    EmulatorClock clock = library.clock();
    Instant start = clock.now();
    long seq = library.commands().nextSequence();
    if (closed) {
      log(seq, start, request, null, "connection closed");
      throw new TransportException(describe() + ": connection closed");
    }
    Optional<Fault> fault = library.faults(unit).next(request.cdb().opcode());
    ScsiResult result;
    try {
      if (fault.isPresent()) {
        Fault f = fault.get();
        if (f instanceof Fault.CheckCondition cc) {
          result = ScsiResult.checkCondition(cc.sense().encodeFixed());
        } else if (f instanceof Fault.Busy) {
          result = new ScsiResult(ScsiStatus.BUSY.code(), Bytes.EMPTY, Bytes.EMPTY, 0);
        } else if (f instanceof Fault.UnitAttention ua) {
          synchronized (library.lock()) {
            target.attentions().raise(ua.asc(), ua.ascq());
            target.attentions().raise(initiator, ua.asc(), ua.ascq());
          }
          result = run(request, start);
        } else if (f instanceof Fault.ShortData sd) {
          ScsiResult full = run(request, start);
          int n = Math.min(sd.bytes(), full.dataIn().size());
          result = new ScsiResult(full.status(), full.dataIn().prefix(n), full.sense(),
              full.residual() + full.dataIn().size() - n);
        } else if (f instanceof Fault.Stall st) {
          if (st.executed()) {
            run(request, start);
          }
          clock.sleepUntil(start.plus(request.timeout()).plusMillis(1));
          log(seq, start, request, null, "stalled past the timeout");
          throw new TransportException(describe() + ": " + request.name() + " timed out after "
              + request.timeout().toSeconds() + " s");
        } else {
          Fault.DropConnection dc = (Fault.DropConnection) f;
          if (dc.executed()) {
            run(request, start);
          }
          closed = true;
          log(seq, start, request, null, "connection dropped");
          throw new TransportException(describe() + ": connection dropped during " + request.name());
        }
      } else {
        result = run(request, start);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log(seq, start, request, null, "interrupted");
      throw new TransportException(describe() + ": interrupted", e);
    }
    Duration took = Duration.between(start, clock.now());
    if (took.compareTo(request.timeout()) > 0) {
      log(seq, start, request, null, "timed out after " + took);
      throw new TransportException(describe() + ": " + request.name() + " timed out after "
          + request.timeout().toSeconds() + " s (the command took " + took.toSeconds() + " s)");
    }
    log(seq, start, request, result, null);
    return result;
  }

  private ScsiResult run(ScsiRequest request, Instant start) throws InterruptedException {
    Reply reply;
    int opcode = request.cdb().opcode();
    boolean first = true;
    while (true) {
      synchronized (library.lock()) {
        library.physical().settle(library.clock().now());
        if (first) {
          target.beforeCommand(initiator);
          target.attentions().register(initiator);
          if (opcode != INQUIRY && opcode != REPORT_LUNS && opcode != REQUEST_SENSE) {
            Optional<SenseCode> ua = target.attentions().take(initiator);
            if (ua.isPresent()) {
              return ScsiResult.checkCondition(ua.get().toSense().encodeFixed());
            }
          }
        }
        try {
          reply = target.execute(initiator, request);
        } catch (CheckCondition cc) {
          return ScsiResult.checkCondition(cc.sense().encodeFixed());
        } catch (RuntimeException e) {
          // an emulator bug or an I/O failure of the media store: a real device reports a hardware error
          library.recordInternalError(e);
          return ScsiResult.checkCondition(Sense.of(org.vaultline.scsi.sense.SenseKey.HARDWARE_ERROR, 0x44, 0x00)
              .encodeFixed());
        }
      }
      first = false;
      if (reply.retryAt().isEmpty()) {
        break;
      }
      library.clock().sleepUntil(reply.retryAt().get());
    }
    if (reply.completeAt().isPresent()) {
      library.clock().sleepUntil(reply.completeAt().get());
    }
    Bytes data = reply.data();
    int allocation = request.direction() == DataDirection.FROM_DEVICE ? request.dataInLength() : 0;
    if (data.size() > allocation) {
      data = data.prefix(allocation);
    }
    int residual = allocation - data.size();
    if (reply.sense().isPresent()) {
      return new ScsiResult(ScsiStatus.CHECK_CONDITION.code(), data, reply.sense().get().encodeFixed(), residual);
    }
    return ScsiResult.good(data, residual);
  }

  private void log(long seq, Instant at, ScsiRequest r, ScsiResult result, String failure) {
    library.commands().add(new ReceivedCommand(seq, at, unit, initiator, r.cdb(), r.dataOut(), r.dataInLength(),
        Optional.ofNullable(result), Optional.ofNullable(failure)));
  }

  @Override
  public String describe() {
    return "emulator:" + library.personality().name() + "/" + unit + "@" + initiator;
  }

  @Override
  public void close() {
    closed = true;
  }
}
