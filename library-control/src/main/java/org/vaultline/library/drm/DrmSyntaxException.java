package org.vaultline.library.drm;

import java.util.Objects;

/**
 * A DRM command that cannot be run as typed: the message (ID and what was wrong) and the command's correct form.
 * {@link #getMessage()} is both, as an administrative client prints it.
 */
public final class DrmSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient DrmMessage drmMessage;
  private final String usage;

  public DrmSyntaxException(DrmMessage drmMessage, String usage) {
    super(drmMessage + (usage.isEmpty() ? "" : " Syntax: " + usage));
    this.drmMessage = Objects.requireNonNull(drmMessage, "drmMessage");
    this.usage = Objects.requireNonNull(usage, "usage");
  }

  /** The message: ID and what was wrong. */
  public DrmMessage drmMessage() {
    return drmMessage;
  }

  /** The command's correct form; empty when the command itself was not recognised. */
  public String usage() {
    return usage;
  }
}
