package org.vaultline.device.contract;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.emulator.physical.ElementKind;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.transport.ScsiExecutor;
import org.vaultline.scsi.transport.ScsiTransport;
import org.vaultline.scsi.transport.Sleeper;

/**
 * One way of reaching the contract's tape library: an IBM TS3100 as the emulator's {@code ibm-ts3100}
 * personality has it (one robot at 0001h, 22 slots from 1000h, one I/O station cell at 0010h, one
 * LTO drive at 0100h), stocked with {@link #CARTRIDGES}, seen through one transport. Each subclass
 * starts its peer on loopback and a free port, and says how its transport fails and recovers.
 */
abstract class LibraryUnderTest implements AutoCloseable {
  static final Personality PERSONALITY = Personality.named("ibm-ts3100");
  static final ElementAddress TRANSPORT = first(ElementKind.MEDIUM_TRANSPORT);
  static final List<ElementAddress> SLOTS = PERSONALITY.layout().addresses(ElementKind.STORAGE).stream()
      .map(ElementAddress::of).toList();
  static final ElementAddress IMPORT_EXPORT = first(ElementKind.IMPORT_EXPORT);
  static final ElementAddress DRIVE = first(ElementKind.DATA_TRANSFER);
  /** The changer's and the drive's serial numbers (VPD 80h); the drive's is also its DVCID. */
  static final String CHANGER_SERIAL = PERSONALITY.changer().serial();
  static final String DRIVE_SERIAL = PERSONALITY.driveSerial(0);
  /** Barcodes by element address: the first three slots and the I/O station cell. */
  static final Map<ElementAddress, String> CARTRIDGES = cartridges();

  /** How a transport comes back after its connection dropped. */
  enum Recovery {
    /** The same transport object works again: it logs in again by itself, or it never lost its handle. */
    SAME_TRANSPORT,
    /** The transport stays failed; the caller opens a new one (a new connection, a re-plugged device). */
    REOPEN
  }

  @Override
  public abstract void close() throws IOException;

  private final List<Sense> attentions = new CopyOnWriteArrayList<>();

  private static ElementAddress first(ElementKind kind) {
    return ElementAddress.of(PERSONALITY.layout().addresses(kind).get(0));
  }

  private static Map<ElementAddress, String> cartridges() {
    Map<ElementAddress, String> m = new LinkedHashMap<>();
    m.put(SLOTS.get(0), "A00001L6");
    m.put(SLOTS.get(1), "A00002L6");
    m.put(SLOTS.get(2), "A00003L6");
    m.put(IMPORT_EXPORT, "A00009L6");
    return Collections.unmodifiableMap(m);
  }

  abstract ExpectedDifferences differences();

  /** The changer's logical unit, as the transport currently reaches it. */
  abstract ScsiTransport changer();

  /** The drive's logical unit. */
  abstract ScsiTransport drive();

  /** What the executor's retry interceptors wait with. */
  abstract Sleeper sleeper();

  /**
   * Runs {@code command} on the changer through an executor and drops the connection while it is in
   * flight.
   *
   * @return what the caller got; the test expects a TransportException
   */
  abstract Throwable dropConnectionDuring(Command<?> command) throws Exception;

  abstract Recovery recoveryAfterDrop();

  /** Opens new transports to the changer and the drive ({@link Recovery#REOPEN}). */
  void reopen() throws Exception {
    throw new UnsupportedOperationException(this + " recovers on its own");
  }

  /** A command held back by {@link #stallNextChangerCommand()}. */
  interface Stalled {
    /** Lets the library answer again (the stalled command's answer, if any, comes too late). */
    void letGo() throws Exception;
  }

  /**
   * Makes the next changer command not complete until {@link Stalled#letGo()}, so that it times out: the
   * caller sends it with a short timeout.
   */
  abstract Stalled stallNextChangerCommand() throws Exception;

  /** How many times an iSCSI session has logged in (1 + reconnections); empty for other transports. */
  OptionalInt logins() {
    return OptionalInt.empty();
  }

  /** The standard chain (unit attention retry, not-ready backoff, busy retry) on {@code transport}. */
  final ScsiExecutor executor(ScsiTransport transport) {
    return ScsiExecutor.standard(transport, sleeper(), attentions::add);
  }

  /** Every UNIT ATTENTION the executors heard (and retried), oldest first. */
  final List<Sense> attentionsHeard() {
    return List.copyOf(attentions);
  }

  final void forgetAttentions() {
    attentions.clear();
  }
}
