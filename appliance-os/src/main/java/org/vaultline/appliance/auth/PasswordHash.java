package org.vaultline.appliance.auth;

import java.util.Base64;
import java.util.Objects;
import org.vaultline.scsi.bytes.Bytes;

/**
 * A stored administrator password: PBKDF2-HMAC-SHA256 (RFC 8018 section 5.2) with a random salt. Encoded as
 * {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>} (unpadded base64), the form kept in the store.
 */
public record PasswordHash(int iterations, Bytes salt, Bytes hash) {
  static final String ALGORITHM = "pbkdf2-sha256";

  public PasswordHash {
    Objects.requireNonNull(salt, "salt");
    Objects.requireNonNull(hash, "hash");
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations >= 1");
    }
    if (salt.size() < 16 || hash.size() < 32) {
      throw new IllegalArgumentException("a salt is at least 16 bytes and a hash at least 32");
    }
  }

  public String encode() {
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return ALGORITHM + "$" + iterations + "$" + b64.encodeToString(salt.toByteArray()) + "$"
        + b64.encodeToString(hash.toByteArray());
  }

  /** Decodes {@link #encode()}'s form; IllegalArgumentException for anything else. */
  public static PasswordHash decode(String encoded) {
    String[] p = encoded.split("\\$", -1);
    if (p.length != 4 || !p[0].equals(ALGORITHM)) {
      throw new IllegalArgumentException("not a " + ALGORITHM + " password hash");
    }
    try {
      Base64.Decoder b64 = Base64.getDecoder();
      return new PasswordHash(Integer.parseInt(p[1]), Bytes.of(b64.decode(p[2])), Bytes.of(b64.decode(p[3])));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad iteration count in password hash");
    }
  }

  /** Never the hash itself: records print their fields, and hashes do not belong in logs. */
  @Override
  public String toString() {
    return ALGORITHM + "(" + iterations + " iterations)";
  }
}
