package org.vaultline.scsi.transport;

import java.time.Duration;
import org.vaultline.scsi.sense.ScsiException;

/** Repeats a command answered BUSY or TASK SET FULL (not executed) after a short, growing pause. */
public final class BusyRetry implements Interceptor {
  public static final int DEFAULT_ATTEMPTS = 5;

  private final Sleeper sleeper;
  private final int attempts;

  public BusyRetry(Sleeper sleeper, int attempts) {
    this.sleeper = sleeper;
    this.attempts = attempts;
  }

  @Override
  public ScsiResult intercept(Chain chain) throws ScsiException {
    ScsiResult result = chain.proceed(chain.request());
    Duration pause = Duration.ofMillis(250);
    for (int i = 1; i < attempts && isBusy(result); i++) {
      sleeper.sleep(pause);
      pause = pause.multipliedBy(2);
      result = chain.proceed(chain.request());
    }
    return result;
  }

  private static boolean isBusy(ScsiResult r) {
    return r.status() == ScsiStatus.BUSY.code() || r.status() == ScsiStatus.TASK_SET_FULL.code();
  }
}
