package org.vaultline.appliance.systemd;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * sd_notify(3): tells systemd about the service's state by sending {@code KEY=value} lines in one datagram to the
 * AF_UNIX socket named by {@code NOTIFY_SOCKET} (a path, or {@code @name} in the abstract namespace). With
 * {@code Type=notify} systemd waits for {@code READY=1}; with {@code WatchdogSec} it expects {@code WATCHDOG=1}
 * regularly ({@link Watchdog}). JDK 17 has no datagram Unix sockets, so this goes through libc with JNA. Without
 * {@code NOTIFY_SOCKET} (not started by systemd, or {@code Type=simple}) every call does nothing.
 */
public final class SdNotify {
  private final Optional<String> socket;

  private SdNotify(Optional<String> socket) {
    this.socket = socket;
  }

  /** From the process environment. */
  public static SdNotify fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  public static SdNotify fromEnvironment(Map<String, String> env) {
    String s = env.get("NOTIFY_SOCKET");
    return new SdNotify(s == null || s.isEmpty() ? Optional.empty() : Optional.of(s));
  }

  /** Sends to the socket at {@code path} ({@code @name} for the abstract namespace). */
  public static SdNotify to(String path) {
    return new SdNotify(Optional.of(path));
  }

  /** True when there is a socket to tell. */
  public boolean enabled() {
    return socket.isPresent();
  }

  /** READY=1: start-up is finished. */
  public void ready() throws IOException {
    send("READY=1");
  }

  /** STATUS=...: a one-line status shown by {@code systemctl status}. */
  public void status(String text) throws IOException {
    send("STATUS=" + text.replace('\n', ' '));
  }

  /** STOPPING=1: shutdown has begun. */
  public void stopping() throws IOException {
    send("STOPPING=1");
  }

  /** WATCHDOG=1: the service is alive. */
  public void watchdog() throws IOException {
    send("WATCHDOG=1");
  }

  /** Sends the lines as one datagram, e.g. {@code send("READY=1", "STATUS=Serving")}. */
  public void send(String... assignments) throws IOException {
    if (socket.isEmpty()) {
      return;
    }
    byte[] message = String.join("\n", assignments).getBytes(StandardCharsets.UTF_8);
    SockaddrUn addr = SockaddrUn.of(socket.get());
    LibC libc = LibC.INSTANCE;
    int fd;
    try {
      fd = libc.socket(LibC.AF_UNIX, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC, 0);
    } catch (LastErrorException e) {
      throw new IOException("sd_notify: socket(AF_UNIX, SOCK_DGRAM): errno " + e.getErrorCode(), e);
    }
    try {
      long sent = libc.sendto(fd, message, new NativeLong(message.length), LibC.MSG_NOSIGNAL, addr.bytes(),
          addr.length()).longValue();
      if (sent != message.length) {
        throw new IOException("sd_notify: short send to " + socket.get() + ": " + sent + " of " + message.length);
      }
    } catch (LastErrorException e) {
      throw new IOException("sd_notify: sendto " + socket.get() + ": errno " + e.getErrorCode(), e);
    } finally {
      try {
        libc.close(fd);
      } catch (LastErrorException ignored) {
        // nothing was buffered for this fd that close could lose: the datagram was sent or sendto failed
      }
    }
  }

  @Override
  public String toString() {
    return "SdNotify[" + socket.orElse("disabled") + "]";
  }
}
