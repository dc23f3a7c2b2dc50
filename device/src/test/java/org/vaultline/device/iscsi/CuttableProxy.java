package org.vaultline.device.iscsi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on a free loopback port to {@code host:port} whose connections can be cut, as a network
 * failure or a target crash would: {@link #cut()} closes every relayed connection at once and keeps
 * accepting new ones, so an initiator can reconnect through it.
 */
public final class CuttableProxy implements AutoCloseable {
  private final ServerSocket server;
  private final String host;
  private final int port;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;
  private final java.util.concurrent.atomic.AtomicLong upstream = new java.util.concurrent.atomic.AtomicLong();

  public CuttableProxy(String host, int port) throws IOException {
    this.host = host;
    this.port = port;
    this.server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::accept, "proxy accept");
    t.setDaemon(true);
    t.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket in = server.accept();
        Socket out = new Socket(host, port);
        sockets.add(in);
        sockets.add(out);
        pump(in, out, true);
        pump(out, in, false);
      } catch (IOException e) {
        // closed, or the far end refused: the initiator sees its connection close
      }
    }
  }

  /** Bytes relayed from initiators to the target so far: what has really left the initiator. */
  public long upstreamBytes() {
    return upstream.get();
  }

  private void pump(Socket from, Socket to, boolean toTarget) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[65536];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          out.write(buf, 0, n);
          if (toTarget) {
            upstream.addAndGet(n);
          }
        }
      } catch (IOException e) {
        // cut
      } finally {
        close(from);
        close(to);
      }
    }, "proxy pump");
    t.setDaemon(true);
    t.start();
  }

  /** Closes every relayed connection now. */
  public void cut() {
    for (Socket s : sockets) {
      close(s);
    }
    sockets.clear();
  }

  private static void close(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    cut();
  }
}
