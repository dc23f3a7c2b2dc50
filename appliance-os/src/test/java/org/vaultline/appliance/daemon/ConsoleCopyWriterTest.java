package org.vaultline.appliance.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tinylog.Level;
import org.tinylog.core.LogEntry;
import org.tinylog.runtime.PreciseTimestamp;

/**
 * The console copy of the log never makes the daemon wait: with a reader that does not read (an output stream
 * blocked like write(2) on a full pipe) every write returns and close ends; lines that found no room are counted and
 * announced once the reader reads again.
 */
class ConsoleCopyWriterTest {
  private static final Map<String, String> FORMAT = Map.of("format", "{level} {message}");

  /** Blocks every write until {@link #release()}, then collects. */
  private static final class StuckReader extends OutputStream {
    final CountDownLatch released = new CountDownLatch(1);
    final ByteArrayOutputStream got = new ByteArrayOutputStream();

    void release() {
      released.countDown();
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted");
      }
      synchronized (got) {
        got.write(b, off, len);
      }
    }

    String text() {
      synchronized (got) {
        return got.toString(StandardCharsets.UTF_8);
      }
    }
  }

  private static LogEntry entry(String message) {
    return new LogEntry(new PreciseTimestamp(), Thread.currentThread(), Map.of(), "Test", "test", "Test.java", 1, null,
        Level.INFO, message, null);
  }

  private static void awaitEmpty(ConsoleCopyWriter w) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (w.queued() > 0) {
      assertThat(System.nanoTime()).as("queue drained").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  @Test
  void writesReturnWhileNobodyReadsAndTheLinesLeftOutAreCountedAndAnnounced() throws Exception {
    StuckReader reader = new StuckReader();
    ConsoleCopyWriter w = new ConsoleCopyWriter(FORMAT, reader);
    int n = ConsoleCopyWriter.CAPACITY * 5;
    w.write(entry("line 0"));
    awaitEmpty(w); // the console thread has taken line 0 and is stuck writing it
    for (int i = 1; i < n; i++) {
      w.write(entry("line " + i)); // would block at the first line if it wrote to the reader itself
    }
    // the console thread holds one line in its blocked write; the queue holds CAPACITY more
    assertThat(w.dropped()).isEqualTo(n - ConsoleCopyWriter.CAPACITY - 1);

    reader.release();
    awaitEmpty(w);
    w.write(entry("after the reader came back"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!reader.text().contains("after the reader came back") && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    w.close();
    String text = reader.text();
    assertThat(text).startsWith("INFO line 0" + System.lineSeparator())
        .contains("(" + (n - ConsoleCopyWriter.CAPACITY - 1) + " log lines were left out of standard output")
        .endsWith("INFO after the reader came back" + System.lineSeparator());
  }

  @Test
  void closeReturnsWhileTheReaderStillDoesNotRead() throws Exception {
    StuckReader reader = new StuckReader();
    ConsoleCopyWriter w = new ConsoleCopyWriter(FORMAT, reader);
    w.write(entry("stuck"));
    w.write(entry("queued"));
    w.close(); // gives up after CLOSE_WAIT; the console thread is a daemon thread blocked in its write
    w.write(entry("after close"));
    assertThat(w.dropped()).isEqualTo(1);
    reader.release();
  }
}
