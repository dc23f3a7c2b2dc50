package org.vaultline.device.contract;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.vaultline.device.iscsi.CuttableProxy;
import org.vaultline.device.iscsi.IscsiTarget;
import org.vaultline.device.iscsi.LunFactory;
import org.vaultline.device.sgio.SgIoTransport;
import org.vaultline.emulator.EmulatedLibrary;
import org.vaultline.emulator.Initiator;
import org.vaultline.emulator.VirtualClock;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiStatus;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * The emulator behind the real Linux SCSI stack, only inside make kernel-test's QEMU guest: our
 * {@link IscsiTarget} on the guest's loopback (changer LUN 0, drive LUN 1), the kernel's open-iscsi initiator
 * logged in to it through a {@link CuttableProxy}, and {@link SgIoTransport} on the {@code /dev/sgN} nodes the sg
 * driver made: the real {@code SG_IO} ioctl, the block layer, the SCSI mid-layer's timeout and error handling and
 * iscsi_tcp between the test and the library. No seam.
 *
 * <p>The kernel stays logged in for the whole run ({@link Login#shared()}); each test's fresh library is put behind
 * the same LUNs, so its power-on unit attention is the first thing the test's own commands see (the kernel's
 * probing at login, where the ch driver reads mode page 1Dh and sends INITIALIZE ELEMENT STATUS, went to a library
 * of its own). A dropped connection is the proxy cutting the TCP connection while the emulator holds a MOVE MEDIUM:
 * libiscsi fails the command with host status DID_TRANSPORT_DISRUPTED, iscsid logs in again, and the same sg node
 * works. A timeout is a held command: after the sg_io_hdr timeout the mid-layer has iscsi_tcp abort it (ABORT TASK)
 * and completes it with DID_TIME_OUT.
 */
final class EmulatorBehindTheKernel extends EmulatedLibraryFixture {
  private final Gate changerGate = new Gate(library.changer(HOST));
  private final ScsiTransport driveUnit = library.drive(0, HOST);
  private final Login login;
  private final SgIoTransport changer;
  private final SgIoTransport drive;

  EmulatorBehindTheKernel() throws Exception {
    login = Login.shared();
    login.attach(changerGate, driveUnit);
    try {
      changer = SgIoTransport.open(login.changerNode);
      drive = SgIoTransport.open(login.driveNode);
    } catch (TransportException e) {
      login.detach();
      throw e;
    }
  }

  @Override
  ScsiTransport changer() {
    return changer;
  }

  @Override
  ScsiTransport drive() {
    return drive;
  }

  @Override
  Throwable dropConnectionDuring(Command<?> command) throws Exception {
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      changerGate.hold();
      Future<?> inFlight = caller.submit(() -> executor(changer).execute(command));
      if (!changerGate.awaitArrival(Duration.ofSeconds(20))) {
        throw new AssertionError(command.name() + " never reached the emulator");
      }
      login.proxy.cut();
      return Outcome.of(inFlight);
    } finally {
      changerGate.release();
      caller.shutdownNow();
      caller.awaitTermination(20, TimeUnit.SECONDS);
    }
  }

  @Override
  Recovery recoveryAfterDrop() {
    return Recovery.SAME_TRANSPORT;
  }

  @Override
  Stalled stallNextChangerCommand() {
    changerGate.hold();
    return changerGate::release;
  }

  @Override
  public void close() throws IOException {
    changer.close();
    drive.close();
    login.detach();
    changerGate.close();
    driveUnit.close();
    super.close();
  }

  @Override
  public String toString() {
    return "emulator behind " + login.changerNode + " and " + login.driveNode;
  }

  /**
   * Our target on the guest's loopback with the kernel logged in to it for the rest of the JVM's life (a shutdown
   * hook logs out). Its LUNs forward to whichever test library is attached.
   */
  static final class Login {
    static final String IQN = "iqn.2024-01.org.vaultline:contract-kernel";
    /** Long enough for iscsid to log in again after a cut, short enough that a lost target fails a test soon. */
    private static final List<String> NODE_SETTINGS = List.of("node.session.timeo.replacement_timeout=30");
    private static Login shared;

    private final Slot changerSlot = new Slot("changer");
    private final Slot driveSlot = new Slot("drive");
    private final IscsiTarget target;
    final CuttableProxy proxy;
    private final KernelInitiator initiator;
    final Path changerNode;
    final Path driveNode;

    private Login() throws Exception {
      // the kernel's own probing at login goes to a library of its own
      EmulatedLibrary probed = EmulatedLibrary.builder(PERSONALITY).clock(new VirtualClock()).build();
      Initiator kernel = new Initiator("kernel-probe");
      changerSlot.attach(probed.changer(kernel));
      driveSlot.attach(probed.drive(0, kernel));
      target = IscsiTarget.builder(IQN).lun(0, LunFactory.shared(changerSlot)).lun(1, LunFactory.shared(driveSlot))
          .start();
      proxy = new CuttableProxy("127.0.0.1", target.port());
      initiator = KernelInitiator.login("127.0.0.1", proxy.port(), IQN, NODE_SETTINGS);
      changerNode = initiator.sgNode(0, Duration.ofSeconds(60));
      driveNode = initiator.sgNode(1, Duration.ofSeconds(60));
      changerSlot.detach();
      driveSlot.detach();
    }

    static synchronized Login shared() throws Exception {
      if (shared == null) {
        Login l = new Login();
        Runtime.getRuntime().addShutdownHook(new Thread(l::logout, "kernel iSCSI logout"));
        shared = l;
      }
      return shared;
    }

    void attach(ScsiTransport changerUnit, ScsiTransport driveUnit) {
      changerSlot.attach(changerUnit);
      driveSlot.attach(driveUnit);
    }

    void detach() {
      changerSlot.detach();
      driveSlot.detach();
    }

    private void logout() {
      try {
        initiator.close();
      } catch (IOException e) {
        System.err.println("kernel iSCSI logout failed: " + e.getMessage());
      }
      try {
        proxy.close();
      } catch (IOException e) {
        // closing anyway
      }
      target.close();
    }
  }

  /**
   * A logical unit of the shared target: forwards to the attached test library's unit; between tests it answers
   * NOT READY, cause not reportable (2/04/00), which nobody should see.
   */
  private static final class Slot implements ScsiTransport {
    private final String name;
    private volatile ScsiTransport unit;

    Slot(String name) {
      this.name = name;
    }

    void attach(ScsiTransport u) {
      unit = u;
    }

    void detach() {
      unit = null;
    }

    @Override
    public ScsiResult execute(ScsiRequest request) throws TransportException {
      ScsiTransport u = unit;
      if (u == null) {
        return new ScsiResult(ScsiStatus.CHECK_CONDITION.code(), Bytes.EMPTY,
            Sense.of(SenseKey.NOT_READY, 0x04, 0x00).encodeFixed(), request.dataInLength());
      }
      return u.execute(request);
    }

    @Override
    public String describe() {
      return "kernel-test " + name + " slot";
    }

    @Override
    public void close() {
      // the attached units belong to their tests
    }
  }
}
