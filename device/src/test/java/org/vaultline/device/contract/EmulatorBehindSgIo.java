package org.vaultline.device.contract;

import java.io.IOException;
import org.vaultline.device.sgio.FakeSgDriver;
import org.vaultline.device.sgio.HostStatus;
import org.vaultline.device.sgio.SgIoTransport;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * The emulator behind Linux SG_IO: {@link SgIoTransport} on {@code /dev/sg0} (the drive) and
 * {@code /dev/sg1} (the changer), whose open/ioctl/close are a gcc-built library forwarding each
 * {@code sg_io_hdr} to the emulator, so native buffers, direction, residual and status decoding run
 * for real. A link that drops during a command is what the kernel reports for it, host status
 * DID_TRANSPORT_DISRUPTED after the command reached the device; the sg node stays open and usable, as
 * when a SAS or FC link comes back. A timeout is host status DID_TIME_OUT, which the SCSI mid-layer sets
 * after it aborted a command that ran past the sg_io_hdr timeout.
 */
final class EmulatorBehindSgIo extends EmulatedLibraryFixture {
  private final FakeSgDriver driver;
  private final SgIoTransport changer;
  private final SgIoTransport drive;

  EmulatorBehindSgIo() throws Exception {
    driver = FakeSgDriver.start();
    driver.bind("/dev/sg0", library.drive(0, HOST)).bind("/dev/sg1", library.changer(HOST));
    drive = driver.open("/dev/sg0");
    changer = driver.open("/dev/sg1");
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
    driver.thenFault(FakeSgDriver.Fault.host(HostStatus.DID_TRANSPORT_DISRUPTED.code(), 0));
    try {
      executor(changer).execute(command);
      return null;
    } catch (Exception e) {
      return e;
    }
  }

  @Override
  Recovery recoveryAfterDrop() {
    return Recovery.SAME_TRANSPORT;
  }

  @Override
  Stalled stallNextChangerCommand() {
    driver.thenFault(FakeSgDriver.Fault.host(HostStatus.DID_TIME_OUT.code(), 1000));
    return () -> { };
  }

  @Override
  public void close() throws IOException {
    changer.close();
    drive.close();
    super.close();
  }
}
