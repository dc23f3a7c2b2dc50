package org.vaultline.device.iscsi;

/**
 * Serial number arithmetic (RFC 1982, required by RFC 7143 4.2.2.1) for CmdSN, StatSN and DataSN, which
 * wrap around at 2^32.
 */
public final class SerialNumbers {
  private SerialNumbers() {
  }

  /** {@code a < b} in serial arithmetic. */
  public static boolean lessThan(int a, int b) {
    return a != b && a - b < 0;
  }

  /** {@code a <= b} in serial arithmetic. */
  public static boolean atMost(int a, int b) {
    return a - b <= 0;
  }

  /** The later of two serial numbers. */
  public static int max(int a, int b) {
    return lessThan(a, b) ? b : a;
  }
}
