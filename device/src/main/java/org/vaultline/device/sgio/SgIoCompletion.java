package org.vaultline.device.sgio;

import java.time.Duration;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiStatus;

/**
 * What the sg driver wrote back into {@link SgIoHdr} after a command that the device answered, decoded:
 * the SCSI result plus what only SG_IO knows (the driver byte and the time the command took).
 *
 * @param result status, data in, sense ({@code sb_len_wr} bytes) and residual ({@code resid})
 * @param driverStatus the driver byte; {@code DRIVER_SENSE} when sense was delivered
 * @param duration {@code duration}, the time the kernel measured
 * @param senseLengthWritten {@code sb_len_wr}
 */
public record SgIoCompletion(ScsiResult result, DriverStatus driverStatus, Duration duration,
                             int senseLengthWritten) {
  @Override
  public String toString() {
    return ScsiStatus.describe(result.status()) + ", " + driverStatus + ", resid " + result.residual()
        + ", sense " + senseLengthWritten + " bytes, " + duration.toMillis() + " ms";
  }
}
