package org.vaultline.scsi.transport;

import java.lang.System.Logger.Level;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.sense.ScsiException;
import org.vaultline.scsi.sense.Sense;

/**
 * Logs every attempt at DEBUG: the CDB in hex, the status, and the sense both in hex and decoded, so a
 * field engineer can replay it with {@code vaultline decode}. Uses {@link System.Logger} so that this
 * module has no dependency; the appliance routes it to tinylog.
 */
public final class LoggingInterceptor implements Interceptor {
  private static final System.Logger LOG = System.getLogger("org.vaultline.scsi");
  private final String target;

  public LoggingInterceptor(String target) {
    this.target = target;
  }

  @Override
  public ScsiResult intercept(Chain chain) throws ScsiException {
    ScsiRequest r = chain.request();
    if (!LOG.isLoggable(Level.DEBUG)) {
      return chain.proceed(r);
    }
    LOG.log(Level.DEBUG, () -> target + " > " + r.name() + " [" + r.cdb() + "]"
        + (r.dataOut().isEmpty() ? "" : " out " + r.dataOut().size() + " bytes")
        + (r.dataInLength() > 0 ? " in " + r.dataInLength() + " bytes" : "") + " timeout " + r.timeout());
    try {
      ScsiResult result = chain.proceed(r);
      LOG.log(Level.DEBUG, () -> target + " < " + r.name() + " " + result + describeSense(result));
      return result;
    } catch (ScsiException e) {
      LOG.log(Level.DEBUG, () -> target + " < " + r.name() + " failed: " + e.getMessage());
      throw e;
    }
  }

  private static String describeSense(ScsiResult result) {
    if (result.sense().isEmpty()) {
      return "";
    }
    try {
      return " (" + Sense.parse(result.sense()) + ")";
    } catch (MalformedResponseException e) {
      return " (sense unreadable: " + e.reason() + ")";
    }
  }
}
