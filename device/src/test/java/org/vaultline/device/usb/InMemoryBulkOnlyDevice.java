package org.vaultline.device.usb;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.transport.DataDirection;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * The device end of a bulk-only interface, in memory: decodes each CBW, runs the command on the
 * {@link ScsiTransport} of its LUN, keeps the sense of a failed command for the REQUEST SENSE that
 * follows (BOT has no autosense), answers with a CSW. Faults can be scheduled for the next command.
 * Transfers follow libusb's rule: one {@link #in} returns the whole data phase, shorter than asked only
 * when the device ended it early.
 */
public final class InMemoryBulkOnlyDevice implements BulkPipes {
  /** Misbehaviours for the next command. */
  public enum Fault {
    /** Answer CSW status 2. */
    PHASE_ERROR,
    /** CSW with a wrong signature. */
    BAD_SIGNATURE,
    /** CSW with another tag. */
    WRONG_TAG,
    /** CSW of 12 bytes. */
    SHORT_CSW,
    /** A residue larger than the transfer. */
    RESIDUE_TOO_LARGE,
    /** End a short data-in phase by stalling bulk-in instead of a short packet. */
    STALL_SHORT_DATA,
    /** Stall bulk-in once when the host asks for the CSW. */
    STALL_CSW_ONCE,
    /** Never answer the CSW. */
    HANG_BEFORE_CSW,
    /** Unplugged during the command. */
    DISCONNECT
  }

  private enum State { CBW, DATA_IN, DATA_OUT, CSW }

  private final TreeMap<Integer, ScsiTransport> luns = new TreeMap<>();
  private final Map<Integer, Bytes> pendingSense = new HashMap<>();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final List<CommandBlockWrapper> commands = new ArrayList<>();
  private final List<String> controlRequests = new ArrayList<>();
  private State state = State.CBW;
  private CommandBlockWrapper current;
  private Fault fault;
  private Bytes dataIn = Bytes.EMPTY;
  private Bytes dataOut = Bytes.EMPTY;
  private Bytes csw;
  private boolean inHalted;
  private boolean outHalted;
  private boolean stallMaxLun;
  private boolean closed;

  public InMemoryBulkOnlyDevice lun(int lun, ScsiTransport unit) {
    luns.put(lun, unit);
    return this;
  }

  public InMemoryBulkOnlyDevice thenFault(Fault f) {
    faults.add(f);
    return this;
  }

  InMemoryBulkOnlyDevice stallMaxLun() {
    stallMaxLun = true;
    return this;
  }

  /** Every CBW received, decoded. */
  List<CommandBlockWrapper> commands() {
    return List.copyOf(commands);
  }

  /** "reset", "clear halt IN", "clear halt OUT", "max lun" in the order the host sent them. */
  List<String> controlRequests() {
    return List.copyOf(controlRequests);
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public void out(Bytes data, Duration timeout) throws PipeException {
    if (fault == Fault.DISCONNECT) {
      throw new PipeException(PipeException.Kind.NO_DEVICE, "LIBUSB_ERROR_NO_DEVICE");
    }
    if (outHalted) {
      throw new PipeException(PipeException.Kind.STALL, "bulk-out halted");
    }
    switch (state) {
      case CBW -> receiveCommand(data);
      case DATA_OUT -> {
        dataOut = dataOut.concat(data);
        if (dataOut.size() >= current.dataTransferLength()) {
          execute();
        }
      }
      default -> throw new PipeException(PipeException.Kind.STALL, "bulk-out in state " + state);
    }
  }

  private void receiveCommand(Bytes data) throws PipeException {
    try {
      current = CommandBlockWrapper.decode(data);
    } catch (MalformedResponseException e) {
      // BOT 6.6.1: an invalid CBW stalls both pipes until reset recovery
      inHalted = true;
      outHalted = true;
      return;
    }
    commands.add(current);
    fault = faults.poll();
    if (fault == Fault.DISCONNECT) {
      throw new PipeException(PipeException.Kind.NO_DEVICE, "LIBUSB_ERROR_NO_DEVICE");
    }
    dataOut = Bytes.EMPTY;
    if (!current.dataIn() && current.dataTransferLength() > 0) {
      state = State.DATA_OUT;
    } else {
      execute();
    }
  }

  private void execute() {
    int lun = current.lun();
    Cdb cdb = new Cdb(current.cdb());
    int length = (int) current.dataTransferLength();
    ScsiResult result;
    if (cdb.opcode() == 0x03 && pendingSense.containsKey(lun)) {
      int allocation = cdb.bytes().get(4);
      result = ScsiResult.good(pendingSense.remove(lun).prefix(Math.min(allocation, length)), 0);
    } else if (!luns.containsKey(lun)) {
      result = ScsiResult.checkCondition(Sense.of(SenseKey.ILLEGAL_REQUEST, 0x25, 0x00).encodeFixed());
    } else {
      DataDirection dir = length == 0 ? DataDirection.NONE
          : current.dataIn() ? DataDirection.FROM_DEVICE : DataDirection.TO_DEVICE;
      try {
        result = luns.get(lun).execute(new ScsiRequest("usb", cdb, dir,
            dir == DataDirection.TO_DEVICE ? dataOut.prefix(length) : Bytes.EMPTY,
            dir == DataDirection.FROM_DEVICE ? length : 0, Duration.ofMinutes(1)));
      } catch (TransportException e) {
        throw new IllegalStateException(e);
      }
    }
    int status = CommandStatusWrapper.PASSED;
    if (result.isCheckCondition()) {
      pendingSense.put(lun, result.sense());
      status = CommandStatusWrapper.FAILED;
    }
    long residue;
    if (current.dataIn()) {
      dataIn = result.dataIn().prefix(length);
      residue = length - dataIn.size();
      state = length > 0 ? State.DATA_IN : State.CSW;
    } else {
      residue = Math.min(result.residual(), length);
      state = State.CSW;
    }
    if (fault == Fault.PHASE_ERROR) {
      status = CommandStatusWrapper.PHASE_ERROR;
    }
    if (fault == Fault.RESIDUE_TOO_LARGE) {
      residue = length + 1000L;
    }
    int tag = fault == Fault.WRONG_TAG ? current.tag() + 1 : current.tag();
    Bytes encoded = new CommandStatusWrapper(tag, residue, status).encode();
    if (fault == Fault.BAD_SIGNATURE) {
      encoded = Bytes.ascii("USBX").concat(encoded.slice(4, 13));
    }
    if (fault == Fault.SHORT_CSW) {
      encoded = encoded.prefix(12);
    }
    csw = encoded;
  }

  @Override
  public Bytes in(int maxLength, Duration timeout) throws PipeException {
    if (fault == Fault.DISCONNECT) {
      throw new PipeException(PipeException.Kind.NO_DEVICE, "LIBUSB_ERROR_NO_DEVICE");
    }
    if (inHalted) {
      throw new PipeException(PipeException.Kind.STALL, "bulk-in halted");
    }
    if (state == State.DATA_IN) {
      state = State.CSW;
      if (dataIn.size() < current.dataTransferLength() && fault == Fault.STALL_SHORT_DATA) {
        inHalted = true;
        throw new PipeException(PipeException.Kind.STALL, "LIBUSB_ERROR_PIPE");
      }
      return dataIn.prefix(maxLength);
    }
    if (state == State.CSW) {
      if (fault == Fault.HANG_BEFORE_CSW) {
        throw new PipeException(PipeException.Kind.TIMEOUT, "LIBUSB_ERROR_TIMEOUT");
      }
      if (fault == Fault.STALL_CSW_ONCE) {
        fault = null;
        inHalted = true;
        throw new PipeException(PipeException.Kind.STALL, "LIBUSB_ERROR_PIPE");
      }
      state = State.CBW;
      return csw.prefix(maxLength);
    }
    throw new PipeException(PipeException.Kind.TIMEOUT, "nothing to send in state " + state);
  }

  @Override
  public void reset(Duration timeout) {
    controlRequests.add("reset");
    state = State.CBW;
    fault = null;
  }

  @Override
  public void clearHalt(Endpoint endpoint, Duration timeout) {
    controlRequests.add("clear halt " + endpoint);
    if (endpoint == Endpoint.IN) {
      inHalted = false;
    } else {
      outHalted = false;
    }
  }

  @Override
  public int maxLun(Duration timeout) throws PipeException {
    controlRequests.add("max lun");
    if (stallMaxLun) {
      throw new PipeException(PipeException.Kind.STALL, "LIBUSB_ERROR_PIPE");
    }
    return luns.isEmpty() ? 0 : luns.lastKey();
  }

  @Override
  public String describe() {
    return "usb:in-memory";
  }

  @Override
  public void close() {
    closed = true;
  }
}
