package org.vaultline.scsi.transport;

import java.time.Duration;
import org.vaultline.scsi.sense.TransportException;

/** Waits between retries; tests pass one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  Sleeper SYSTEM = d -> {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("interrupted while waiting to retry", e);
    }
  };

  void sleep(Duration duration) throws TransportException;
}
