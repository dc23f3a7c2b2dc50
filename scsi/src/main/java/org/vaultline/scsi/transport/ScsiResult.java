package org.vaultline.scsi.transport;

import org.vaultline.scsi.bytes.Bytes;

/**
 * What a device answered. CHECK CONDITION is a normal result here, carrying the sense bytes; only a
 * transport that cannot tell what happened throws ({@code TransportException}).
 *
 * @param status the SCSI status byte
 * @param dataIn the data transferred from the device (already cut to the transferred length)
 * @param sense sense bytes delivered with CHECK CONDITION (autosense), else empty
 * @param residual bytes requested but not transferred (the transport's resid)
 */
public record ScsiResult(int status, Bytes dataIn, Bytes sense, int residual) {

  public static ScsiResult good(Bytes dataIn, int residual) {
    return new ScsiResult(ScsiStatus.GOOD.code(), dataIn, Bytes.EMPTY, residual);
  }

  public static ScsiResult good() {
    return good(Bytes.EMPTY, 0);
  }

  public static ScsiResult checkCondition(Bytes sense) {
    return new ScsiResult(ScsiStatus.CHECK_CONDITION.code(), Bytes.EMPTY, sense, 0);
  }

  public boolean isGood() {
    return status == ScsiStatus.GOOD.code() || status == ScsiStatus.CONDITION_MET.code();
  }

  public boolean isCheckCondition() {
    return status == ScsiStatus.CHECK_CONDITION.code();
  }

  @Override
  public String toString() {
    return ScsiStatus.describe(status) + (dataIn.isEmpty() ? "" : ", " + dataIn.size() + " bytes in")
        + (residual != 0 ? ", residual " + residual : "") + (sense.isEmpty() ? "" : ", sense " + sense.hex());
  }
}
