package org.vaultline.appliance.console;

import java.io.IOException;

/** A serial line as the console uses it: bytes in with a short timeout, bytes out. */
interface ConsoleLine extends AutoCloseable {
  /**
   * Reads what has arrived, waiting a short while; 0 when nothing came in time.
   *
   * @throws IOException when the line has gone away
   */
  int read(byte[] buffer) throws IOException;

  /** @throws IOException when the line has gone away */
  void write(byte[] data) throws IOException;

  @Override
  void close();
}
