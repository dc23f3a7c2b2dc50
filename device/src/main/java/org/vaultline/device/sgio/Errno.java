package org.vaultline.device.sgio;

import java.util.Map;

/**
 * Linux errno numbers (asm-generic, as on x86-64 and arm64) by name, for the errors that opening an sg
 * node or issuing SG_IO can give. Unknown numbers are printed as {@code errno N}.
 */
public final class Errno {
  public static final int EPERM = 1;
  public static final int ENOENT = 2;
  public static final int EINTR = 4;
  public static final int EIO = 5;
  public static final int ENXIO = 6;
  public static final int EBADF = 9;
  public static final int EAGAIN = 11;
  public static final int ENOMEM = 12;
  public static final int EACCES = 13;
  public static final int EFAULT = 14;
  public static final int EBUSY = 16;
  public static final int ENODEV = 19;
  public static final int EINVAL = 22;
  public static final int ENOTTY = 25;
  public static final int EROFS = 30;
  public static final int ENOSYS = 38;
  public static final int EOVERFLOW = 75;
  public static final int EOPNOTSUPP = 95;
  public static final int ETIMEDOUT = 110;
  public static final int ENOMEDIUM = 123;

  private static final Map<Integer, String> NAMES = Map.ofEntries(
      Map.entry(EPERM, "EPERM"), Map.entry(ENOENT, "ENOENT"), Map.entry(EINTR, "EINTR"),
      Map.entry(EIO, "EIO"), Map.entry(ENXIO, "ENXIO"), Map.entry(EBADF, "EBADF"),
      Map.entry(EAGAIN, "EAGAIN"), Map.entry(ENOMEM, "ENOMEM"), Map.entry(EACCES, "EACCES"),
      Map.entry(EFAULT, "EFAULT"), Map.entry(EBUSY, "EBUSY"), Map.entry(ENODEV, "ENODEV"),
      Map.entry(EINVAL, "EINVAL"), Map.entry(ENOTTY, "ENOTTY"), Map.entry(EROFS, "EROFS"),
      Map.entry(ENOSYS, "ENOSYS"), Map.entry(EOVERFLOW, "EOVERFLOW"), Map.entry(EOPNOTSUPP, "EOPNOTSUPP"),
      Map.entry(ETIMEDOUT, "ETIMEDOUT"), Map.entry(ENOMEDIUM, "ENOMEDIUM"));

  private Errno() {
  }

  /** {@code EACCES}, or {@code errno 200} for a number not in the table. */
  public static String name(int errno) {
    String n = NAMES.get(errno);
    return n != null ? n : "errno " + errno;
  }
}
