package org.vaultline.device.iscsi;

/**
 * A CHAP name and secret (RFC 7143 12.1.3). Used by an initiator to prove itself to a target, and for
 * mutual CHAP, the name and secret the target must prove in return. The secret never appears in
 * {@link #toString()}.
 */
public record ChapCredentials(String name, String secret) {
  public ChapCredentials {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a CHAP name must not be empty");
    }
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("a CHAP secret must not be empty");
    }
  }

  @Override
  public String toString() {
    return "ChapCredentials[name=" + name + ", secret=(" + secret.length() + " characters)]";
  }
}
