package org.vaultline.device.contract;

import java.io.IOException;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.vaultline.device.iscsi.CuttableProxy;
import org.vaultline.device.iscsi.InitiatorOptions;
import org.vaultline.device.iscsi.IscsiSession;
import org.vaultline.device.iscsi.IscsiTarget;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * The emulator served by our {@link IscsiTarget} on a free loopback port (changer LUN 1, drive LUN 2, as
 * tgtd has them), reached by our initiator through a {@link CuttableProxy}. A dropped connection is the
 * proxy cutting the TCP connection while the emulator holds the command (a {@link Gate}); the session
 * then logs in again on the next command, so the same transport works. A timeout is a held command
 * that the initiator aborts with ABORT TASK.
 */
final class EmulatorOverIscsi extends EmulatedLibraryFixture {
  static final String IQN = "iqn.2024-01.org.vaultline:contract-emulator";
  static final int CHANGER_LUN = 1;
  static final int DRIVE_LUN = 2;

  private final Gate changerGate = new Gate(library.changer(HOST));
  private final ScsiTransport driveUnit = library.drive(0, HOST);
  private final IscsiTarget target;
  private final CuttableProxy proxy;
  private final IscsiSession session;

  EmulatorOverIscsi() throws Exception {
    target = IscsiTarget.builder(IQN).lun(CHANGER_LUN, changerGate).lun(DRIVE_LUN, driveUnit).start();
    proxy = new CuttableProxy("127.0.0.1", target.port());
    session = IscsiSession.open("127.0.0.1", proxy.port(), IQN, InitiatorOptions.defaults());
  }

  @Override
  ScsiTransport changer() {
    return session.transport(CHANGER_LUN);
  }

  @Override
  ScsiTransport drive() {
    return session.transport(DRIVE_LUN);
  }

  @Override
  OptionalInt logins() {
    return OptionalInt.of(session.logins());
  }

  @Override
  Throwable dropConnectionDuring(Command<?> command) throws Exception {
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      changerGate.hold();
      Future<?> inFlight = caller.submit(() -> executor(changer()).execute(command));
      if (!changerGate.awaitArrival(Duration.ofSeconds(20))) {
        throw new AssertionError(command.name() + " never reached the emulator");
      }
      proxy.cut();
      return Outcome.of(inFlight);
    } finally {
      changerGate.release(); // the emulator now carries the command out, as a real library would
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
    session.close();
    proxy.close();
    target.close();
    changerGate.close();
    driveUnit.close();
    super.close();
  }
}
