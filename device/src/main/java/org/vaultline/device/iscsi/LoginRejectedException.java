package org.vaultline.device.iscsi;

import java.io.IOException;

/**
 * Login failed: the target answered with a non-zero status (RFC 7143 11.13.5), or the negotiation broke
 * a rule (a mutual CHAP response that does not verify, a digest the target forced on us).
 */
public final class LoginRejectedException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public LoginRejectedException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The login status (class &lt;&lt; 8 | detail), or -1 when the initiator itself gave up. */
  public int status() {
    return status;
  }
}
