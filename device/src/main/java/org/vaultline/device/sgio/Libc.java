package org.vaultline.device.sgio;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The four C library functions SG_IO needs. Production binds them to libc; a test binds them to a
 * shared library of its own that forwards {@code ioctl(SG_IO)} to Java, so that the whole marshalling
 * path runs for real on a machine without {@code /dev/sg*}.
 *
 * <p>Failures are read as C does: the return value says whether the call failed, and only then is errno
 * ({@link Native#getLastError()}, which JNA saves after every call) looked at. JNA's
 * {@code throws LastErrorException} is not used because it throws on any non-zero errno, even after a
 * successful call that happened to leave one behind.
 */
public interface Libc extends Library {
  /** {@code open(2)} flags, the same on x86, x86-64, arm and arm64 (not on alpha, mips, parisc, sparc). */
  int O_RDWR = 0x0002;
  int O_NONBLOCK = 0x0800;
  int O_CLOEXEC = 0x80000;

  /** {@code SG_IO}: send a command described by a {@link SgIoHdr}, wait for its completion. */
  long SG_IO = 0x2285;
  /** {@code SG_GET_VERSION_NUM}: writes the sg driver version (e.g. 30536) into an int; ENOTTY elsewhere. */
  long SG_GET_VERSION_NUM = 0x2282;

  /** Returns the descriptor, or -1 with the errno in {@link Native#getLastError()}. */
  int open(String path, int flags);

  /** Returns 0 (or a request-specific value), or -1 with the errno in {@link Native#getLastError()}. */
  int ioctl(int fd, NativeLong request, Pointer argument);

  int close(int fd);

  String strerror(int errnum);

  /** The process's C library. */
  static Libc system() {
    return Native.load("c", Libc.class);
  }
}
