package org.vaultline.appliance.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operator's commands on a loopback TCP port, for tests, {@code make demo} and the QEMU harness acting
 * as the operator from another process: one command per line in, the {@link OperatorConsole.Reply} lines
 * out, ending with {@code OK} or {@code ERROR ...}. Several clients may be connected; {@code quit} stops
 * the emulator. Only loopback: whoever can reach it can empty the library.
 */
final class OperatorPort implements AutoCloseable {
  private final ServerSocket server;
  private final OperatorConsole console;
  private final PrintWriter log;
  private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private OperatorPort(ServerSocket server, OperatorConsole console, PrintWriter log) {
    this.server = server;
    this.console = console;
    this.log = log;
  }

  static OperatorPort start(int port, OperatorConsole console, PrintWriter log) throws IOException {
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 8);
    OperatorPort p = new OperatorPort(s, console, log);
    daemon(p::accept, "operator port " + s.getLocalPort()).start();
    return p;
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket c = server.accept();
        clients.add(c);
        daemon(() -> serve(c), "operator " + c.getRemoteSocketAddress()).start();
      } catch (IOException e) {
        if (!closed) {
          say("VLN0364W Operator port: " + e.getMessage());
        }
      }
    }
  }

  private void serve(Socket c) {
    String who = "operator " + c.getRemoteSocketAddress();
    try (c;
         BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8));
         Writer out = new OutputStreamWriter(c.getOutputStream(), StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        OperatorConsole.Reply r = console.execute(line);
        if (!line.isBlank()) {
          say(who + ": " + line.strip() + " -> " + (r.ok() ? "OK" : "ERROR " + r.text()));
        }
        out.write(r.render());
        out.flush();
        if (r.quit()) {
          daemon(console::quit, "emulator stop").start();
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      clients.remove(c);
    }
  }

  private void say(String text) {
    synchronized (log) {
      log.println(text);
      log.flush();
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket c : clients) {
      try {
        c.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
