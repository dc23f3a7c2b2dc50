package org.vaultline.appliance.console;

import com.fazecast.jSerialComm.SerialPort;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The operator's laptop on the other end of the cable: types, and waits for what the appliance prints. */
final class Laptop {
  private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);
  private final SerialPort port;
  private final StringBuilder received = new StringBuilder();
  private final Thread reader;
  private volatile boolean open = true;
  private int cursor;

  Laptop(String device) {
    port = SerialPort.getCommPort(device);
    port.setComPortParameters(115200, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
    port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
    if (!port.openPort()) {
      throw new IllegalStateException("cannot open " + device + ": error " + port.getLastErrorCode());
    }
    reader = new Thread(() -> {
      byte[] buf = new byte[1024];
      while (open) {
        int n = port.readBytes(buf, buf.length);
        if (n < 0) {
          return;
        }
        if (n > 0) {
          synchronized (received) {
            received.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            received.notifyAll();
          }
        }
      }
    }, "laptop-reader");
    reader.setDaemon(true);
    reader.start();
  }

  void type(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    if (port.writeBytes(b, b.length) != b.length) {
      throw new IllegalStateException("write failed");
    }
  }

  /** Waits for {@code text} after what was already read, and returns everything up to and including it. */
  String expect(String text) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT_NANOS;
    synchronized (received) {
      while (true) {
        int at = received.indexOf(text, cursor);
        if (at >= 0) {
          String out = received.substring(cursor, at + text.length());
          cursor = at + text.length();
          return out;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("did not see \"" + text + "\"; received after cursor: \""
              + received.substring(cursor) + "\"");
        }
        TimeUnit.NANOSECONDS.timedWait(received, left);
      }
    }
  }

  /** Presses Enter until the console shows {@code prompt} (it may still be opening its end). */
  void enterUntil(String prompt) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT_NANOS;
    while (true) {
      type("\r");
      synchronized (received) {
        TimeUnit.MILLISECONDS.timedWait(received, 300);
        int at = received.indexOf(prompt, cursor);
        if (at >= 0) {
          cursor = at + prompt.length();
          // later Enters may have produced more prompts; skip to the last one
          int last = received.lastIndexOf(prompt);
          cursor = Math.max(cursor, last + prompt.length());
          return;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + prompt + " prompt");
      }
    }
  }

  void close() throws InterruptedException {
    open = false;
    port.closePort();
    reader.join(5000);
  }
}
