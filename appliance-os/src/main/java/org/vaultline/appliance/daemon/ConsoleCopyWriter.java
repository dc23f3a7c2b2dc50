package org.vaultline.appliance.daemon;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.tinylog.core.LogEntry;
import org.tinylog.writers.AbstractFormatPatternWriter;

/**
 * The daemon's copy of its log on standard output (journald under systemd, the terminal in the foreground), as a
 * tinylog writer that never makes the daemon wait. A pipe whose reader has stopped reading (a parent process that
 * does not drain it, a stopped pager) blocks {@code write(2)} once its 64 KiB are full; tinylog's own console writer
 * would then hold up tinylog's writing thread, so the rolling log files stop too, and the stop on SIGTERM waits
 * forever for that thread. Here lines go through a bounded queue to a thread of their own: when the queue is full
 * a line is left out of the console copy (the files have every line) and a note saying how many were left out is
 * written when the reader catches up; {@link #close()} gives that thread {@link #CLOSE_WAIT} to finish and then
 * leaves it.
 *
 * <p>tinylog creates it from its class name ({@code writer2 = org.vaultline.appliance.daemon.ConsoleCopyWriter});
 * properties: {@code format} as for every tinylog writer, {@code stream} {@code out} (default) or {@code err}.
 */
public final class ConsoleCopyWriter extends AbstractFormatPatternWriter {
  /** Lines waiting for the console. */
  static final int CAPACITY = 2048;
  /** How long {@link #close()} waits for the queued lines to be written. */
  static final long CLOSE_WAIT = TimeUnit.SECONDS.toMillis(2);

  private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(CAPACITY);
  private final AtomicLong dropped = new AtomicLong();
  private final OutputStream out;
  private final Thread thread;
  private volatile boolean closing;
  /** The console thread waits for a line (everything taken so far is written). */
  private volatile boolean idle;

  /** Called by tinylog with the writer's properties. */
  public ConsoleCopyWriter(Map<String, String> properties) {
    this(properties, new FileOutputStream("err".equals(properties.get("stream")) ? FileDescriptor.err
        : FileDescriptor.out));
  }

  /**
   * Writing to {@code out}. Not System.out itself: a thread blocked in a write to System.out holds its lock, and
   * anything else printing there would block behind it.
   */
  ConsoleCopyWriter(Map<String, String> properties, OutputStream out) {
    super(properties);
    this.out = out;
    this.thread = new Thread(this::drain, "vaultline-console-log");
    thread.setDaemon(true); // may stay blocked in write(2) forever; it must not keep the JVM alive
    thread.start();
  }

  @Override
  public void write(LogEntry entry) {
    if (closing || !lines.offer(render(entry))) {
      dropped.incrementAndGet();
    }
  }

  /** Lines waiting for the console thread. */
  int queued() {
    return lines.size();
  }

  /** Lines left out of the console copy so far. */
  long dropped() {
    return dropped.get();
  }

  private void drain() {
    long noted = 0;
    try {
      while (true) {
        idle = true;
        String line = lines.take();
        idle = false;
        long d = dropped.get();
        if (d > noted) {
          out.write(("(" + (d - noted) + " log lines were left out of standard output while nobody read it;"
              + " the log files have them)" + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
          noted = d;
        }
        out.write(line.getBytes(StandardCharsets.UTF_8));
        if (lines.isEmpty()) {
          out.flush();
        }
      }
    } catch (InterruptedException e) {
      // closed
    } catch (IOException e) {
      // standard output is gone (closed pipe): nothing more can be shown there
      closing = true;
      lines.clear();
    }
  }

  /** Nothing to do: the console thread writes as fast as the reader takes it, and this call must not wait. */
  @Override
  public void flush() {
    // deliberately empty
  }

  /** Lets the console thread write what is queued for up to {@link #CLOSE_WAIT}, then stops taking lines. */
  @Override
  public void close() throws InterruptedException {
    closing = true;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT);
    while (!(lines.isEmpty() && idle) && thread.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    if (idle) {
      thread.interrupt(); // ends its take(); a thread still blocked in write(2) is left there (a daemon thread)
    }
  }
}
