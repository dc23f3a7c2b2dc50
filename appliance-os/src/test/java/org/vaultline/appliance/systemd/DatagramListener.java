package org.vaultline.appliance.systemd;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A real AF_UNIX datagram socket bound at a path or abstract name, standing in for systemd's notify socket. */
final class DatagramListener implements AutoCloseable {
  interface Sys extends Library {
    Sys INSTANCE = Native.load("c", Sys.class);
    int MSG_DONTWAIT = 0x40;

    int socket(int domain, int type, int protocol) throws LastErrorException;

    int bind(int fd, byte[] addr, int addrLen) throws LastErrorException;

    NativeLong recv(int fd, byte[] buf, NativeLong len, int flags) throws LastErrorException;

    int close(int fd) throws LastErrorException;
  }

  private static final int EAGAIN = 11;
  private final int fd;

  DatagramListener(String path) {
    fd = Sys.INSTANCE.socket(LibC.AF_UNIX, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC, 0);
    SockaddrUn a = SockaddrUn.of(path);
    Sys.INSTANCE.bind(fd, a.bytes(), a.length());
  }

  /** The next queued datagram; empty when none is queued. (sendto on AF_UNIX queues before it returns.) */
  Optional<String> poll() {
    byte[] buf = new byte[4096];
    try {
      int n = Sys.INSTANCE.recv(fd, buf, new NativeLong(buf.length), Sys.MSG_DONTWAIT).intValue();
      return Optional.of(new String(buf, 0, n, StandardCharsets.UTF_8));
    } catch (LastErrorException e) {
      if (e.getErrorCode() == EAGAIN) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public void close() {
    Sys.INSTANCE.close(fd);
  }
}
