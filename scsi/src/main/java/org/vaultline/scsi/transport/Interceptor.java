package org.vaultline.scsi.transport;

import org.vaultline.scsi.sense.ScsiException;

/**
 * Cross-cutting behaviour around every command (logging, unit-attention retry, becoming-ready backoff),
 * in the manner of OkHttp's interceptor chain. An interceptor may repeat {@link Chain#proceed} only for
 * results that prove the command was not executed (UNIT ATTENTION, NOT READY, BUSY); it never repeats
 * after a {@code TransportException}, whose outcome is unknown.
 */
@FunctionalInterface
public interface Interceptor {

  ScsiResult intercept(Chain chain) throws ScsiException;

  /** The rest of the chain, ending at the transport. */
  interface Chain {
    ScsiRequest request();

    ScsiResult proceed(ScsiRequest request) throws ScsiException;
  }
}
