package org.vaultline.device.contract;

import java.io.IOException;
import org.vaultline.device.usb.BulkOnlyTransport;
import org.vaultline.device.usb.InMemoryBulkOnlyDevice;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * The emulator behind a USB mass storage bulk-only interface, as a small autoloader presents itself: the
 * drive on LUN 0 and the changer on LUN 1 of one interface, whose bulk pipes are an in-memory device
 * ({@link InMemoryBulkOnlyDevice}) running the emulator's logical units. A dropped connection is the
 * device unplugged during the command (libusb's NO_DEVICE): the transport stays failed, and the caller
 * opens the re-plugged device. A timeout is a device that never sends its status (CSW); the transport
 * does the bulk-only reset recovery and stays usable.
 */
final class EmulatorBehindUsb extends EmulatedLibraryFixture {
  static final int DRIVE_LUN = 0;
  static final int CHANGER_LUN = 1;

  private final ScsiTransport changerUnit = library.changer(HOST);
  private final ScsiTransport driveUnit = library.drive(0, HOST);
  private InMemoryBulkOnlyDevice device;
  private BulkOnlyTransport drive;
  private BulkOnlyTransport changer;

  EmulatorBehindUsb() {
    plugIn();
  }

  private void plugIn() {
    device = new InMemoryBulkOnlyDevice().lun(DRIVE_LUN, driveUnit).lun(CHANGER_LUN, changerUnit);
    drive = BulkOnlyTransport.open(device);
    changer = drive.lun(CHANGER_LUN);
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
  Throwable dropConnectionDuring(Command<?> command) {
    device.thenFault(InMemoryBulkOnlyDevice.Fault.DISCONNECT);
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
    changer.close();
    drive.close();
    plugIn();
  }

  @Override
  Stalled stallNextChangerCommand() {
    device.thenFault(InMemoryBulkOnlyDevice.Fault.HANG_BEFORE_CSW);
    return () -> { };
  }

  @Override
  public void close() throws IOException {
    changer.close();
    drive.close();
    changerUnit.close();
    driveUnit.close();
    super.close();
  }
}
