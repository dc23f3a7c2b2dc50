package org.vaultline.appliance.systemd;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;

/** The few libc calls sd_notify needs (Linux, glibc or musl): a datagram socket on AF_UNIX. */
interface LibC extends Library {
  LibC INSTANCE = Native.load("c", LibC.class);

  int AF_UNIX = 1;
  int SOCK_DGRAM = 2;
  int SOCK_CLOEXEC = 0x80000;
  int MSG_NOSIGNAL = 0x4000;

  int socket(int domain, int type, int protocol) throws LastErrorException;

  /** {@code addr} is a {@code struct sockaddr_un} laid out by {@link SockaddrUn}. */
  NativeLong sendto(int fd, byte[] buf, NativeLong len, int flags, byte[] addr, int addrLen)
      throws LastErrorException;

  int close(int fd) throws LastErrorException;
}
