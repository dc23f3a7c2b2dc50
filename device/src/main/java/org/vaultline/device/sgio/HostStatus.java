package org.vaultline.device.sgio;

/**
 * The Linux SCSI mid-level's host byte ({@code host_status} of {@link SgIoHdr}, {@code DID_*} in
 * {@code include/scsi/scsi_status.h}): what the host adapter says about the command's delivery. Anything
 * but {@link #DID_OK} means the command's outcome is unknown.
 */
public enum HostStatus {
  DID_OK(0x00, "no error"),
  DID_NO_CONNECT(0x01, "could not connect before timeout"),
  DID_BUS_BUSY(0x02, "bus stayed busy through time out period"),
  DID_TIME_OUT(0x03, "timed out"),
  DID_BAD_TARGET(0x04, "bad target"),
  DID_ABORT(0x05, "aborted"),
  DID_PARITY(0x06, "parity error"),
  DID_ERROR(0x07, "internal error in the host adapter"),
  DID_RESET(0x08, "reset by somebody"),
  DID_BAD_INTR(0x09, "unexpected interrupt"),
  DID_PASSTHROUGH(0x0a, "forced command past mid-layer"),
  DID_SOFT_ERROR(0x0b, "low-level driver wants the command retried"),
  DID_IMM_RETRY(0x0c, "retry without decrementing retry count"),
  DID_REQUEUE(0x0d, "requeue command"),
  DID_TRANSPORT_DISRUPTED(0x0e, "transport disrupted"),
  DID_TRANSPORT_FAILFAST(0x0f, "transport class fastfailed"),
  DID_TARGET_FAILURE(0x10, "permanent target failure"),
  DID_NEXUS_FAILURE(0x11, "permanent nexus failure"),
  DID_ALLOC_FAILURE(0x12, "space allocation failure"),
  DID_MEDIUM_ERROR(0x13, "medium error"),
  DID_TRANSPORT_MARGINAL(0x14, "transport marginal");

  private final int code;
  private final String text;

  HostStatus(int code, String text) {
    this.code = code;
    this.text = text;
  }

  public int code() {
    return code;
  }

  public String text() {
    return text;
  }

  /** {@code DID_TIME_OUT (timed out)}, or {@code host status 0x2a} for a code not in the table. */
  public static String describe(int code) {
    for (HostStatus h : values()) {
      if (h.code == code) {
        return h.name() + " (" + h.text + ")";
      }
    }
    return String.format("host status 0x%02x", code);
  }
}
