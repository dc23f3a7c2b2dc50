package org.vaultline.scsi.transport;

import java.util.Optional;

/** SAM-5 status codes. */
public enum ScsiStatus {
  GOOD(0x00),
  CHECK_CONDITION(0x02),
  CONDITION_MET(0x04),
  BUSY(0x08),
  RESERVATION_CONFLICT(0x18),
  TASK_SET_FULL(0x28),
  ACA_ACTIVE(0x30),
  TASK_ABORTED(0x40);

  private final int code;

  ScsiStatus(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static Optional<ScsiStatus> of(int code) {
    for (ScsiStatus s : values()) {
      if (s.code == code) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  public static String describe(int code) {
    return of(code).map(Enum::name).orElse(String.format("status %02Xh", code));
  }
}
