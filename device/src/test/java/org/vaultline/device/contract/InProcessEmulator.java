package org.vaultline.device.contract;

import java.io.IOException;
import org.vaultline.emulator.UnitId;
import org.vaultline.emulator.fault.Fault;
import org.vaultline.emulator.fault.Trigger;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * The emulator's own in-process transports, one per logical unit ({@code EmulatedLibrary.changer()}).
 * There is no wire to cut or to stall, so the dropped connection and the timeout are the emulator's
 * scripted faults: {@link Fault.DropConnection} (the MOVE MEDIUM takes effect, then the connection is
 * gone for good: a new transport is a new connection) and {@link Fault.Stall} (the command does not
 * answer within its timeout on the virtual clock).
 */
final class InProcessEmulator extends EmulatedLibraryFixture {
  private ScsiTransport changer = library.changer(HOST);
  private ScsiTransport drive = library.drive(0, HOST);

  @Override
  ScsiTransport changer() {
    return changer;
  }

  @Override
  ScsiTransport drive() {
    return drive;
  }

  @Override
  Throwable dropConnectionDuring(Command<?> command) {
    library.inject(UnitId.CHANGER, new Fault.DropConnection(Trigger.next(), true));
    try {
      executor(changer).execute(command);
      return null;
    } catch (Exception e) {
      return e;
    }
  }

  @Override
  Recovery recoveryAfterDrop() {
    return Recovery.REOPEN;
  }

  @Override
  void reopen() {
    changer = library.changer(HOST);
    drive = library.drive(0, HOST);
  }

  @Override
  Stalled stallNextChangerCommand() {
    library.inject(UnitId.CHANGER, new Fault.Stall(Trigger.next(), false));
    return () -> { };
  }

  @Override
  public void close() throws IOException {
    changer.close();
    drive.close();
    super.close();
  }
}
