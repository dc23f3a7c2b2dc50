package org.vaultline.scsi.transport;

import java.util.function.Consumer;
import org.vaultline.scsi.sense.ScsiException;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;

/**
 * Repeats a command answered with UNIT ATTENTION, which SAM-5 says was not executed. Several attentions
 * can be queued (power on 29/00, then mode parameters changed 2A/01, then I/O station accessed 28/01),
 * and tgt reports 29/00 on the first command of every session, so a few attempts are allowed. Every
 * attention is handed to a listener first, because some carry news (28/01: the operator used the I/O
 * station).
 */
public final class UnitAttentionRetry implements Interceptor {
  public static final int DEFAULT_ATTEMPTS = 6;

  private final int attempts;
  private final Consumer<Sense> listener;

  public UnitAttentionRetry(int attempts, Consumer<Sense> listener) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
    this.attempts = attempts;
    this.listener = listener;
  }

  @Override
  public ScsiResult intercept(Chain chain) throws ScsiException {
    ScsiResult result = chain.proceed(chain.request());
    for (int i = 1; i < attempts && isUnitAttention(chain, result); i++) {
      result = chain.proceed(chain.request());
    }
    return result;
  }

  private boolean isUnitAttention(Chain chain, ScsiResult result) throws ScsiException {
    if (!result.isCheckCondition() || result.sense().isEmpty()) {
      return false;
    }
    Sense sense = ScsiExecutor.senseOf(chain.request().name(), result);
    if (sense.key() != SenseKey.UNIT_ATTENTION || sense.isDeferred()) {
      return false;
    }
    listener.accept(sense);
    return true;
  }
}
