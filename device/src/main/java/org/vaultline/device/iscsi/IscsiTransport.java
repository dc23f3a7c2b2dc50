package org.vaultline.device.iscsi;

import java.io.IOException;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * A {@link ScsiTransport} to one logical unit of an iSCSI target. Several transports share one
 * {@link IscsiSession} ({@link IscsiSession#transport(int)}); {@link #open(IscsiUrl, InitiatorOptions)}
 * makes one with a session of its own, logged out when the transport is closed.
 */
public final class IscsiTransport implements ScsiTransport {
  private final IscsiSession session;
  private final int lun;
  private final boolean ownsSession;

  IscsiTransport(IscsiSession session, int lun, boolean ownsSession) {
    if (lun < 0 || lun > 16383) {
      throw new IllegalArgumentException("LUN out of range 0..16383: " + lun);
    }
    this.session = session;
    this.lun = lun;
    this.ownsSession = ownsSession;
  }

  /** Logs in to the URL's target and returns a transport to the URL's LUN. */
  public static IscsiTransport open(IscsiUrl url, InitiatorOptions options) throws IOException {
    return new IscsiTransport(IscsiSession.open(url, options), url.lun(), true);
  }

  public int lun() {
    return lun;
  }

  public IscsiSession session() {
    return session;
  }

  @Override
  public ScsiResult execute(ScsiRequest request) throws TransportException {
    return session.execute(lun, request);
  }

  @Override
  public String describe() {
    return session.describe(lun);
  }

  @Override
  public void close() {
    if (ownsSession) {
      session.close();
    }
  }
}
