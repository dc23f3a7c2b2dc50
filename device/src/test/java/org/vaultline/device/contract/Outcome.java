package org.vaultline.device.contract;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** How a command run on another thread ended. */
final class Outcome {
  private Outcome() {
  }

  /** What the command threw, or null when it completed; waits at most 30 s. */
  static Throwable of(Future<?> command) throws Exception {
    try {
      command.get(30, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }
}
