package org.vaultline.device.iscsi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.vaultline.scsi.bytes.Bytes;

/**
 * CHAP with MD5 (RFC 1994 section 4, algorithm 5 in RFC 7143 12.1.3): the response is
 * MD5(identifier byte, secret, challenge). Binary values travel as {@code 0x} hex or {@code 0b} base64
 * (RFC 7143 6.1).
 */
public final class Chap {
  /** CHAP_A value for MD5. */
  public static final String MD5 = "5";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Chap() {
  }

  /** MD5 over the identifier (one byte), the secret and the challenge. */
  public static Bytes response(int identifier, String secret, Bytes challenge) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update((byte) identifier);
      md5.update(secret.getBytes(StandardCharsets.UTF_8));
      md5.update(challenge.toByteArray());
      return Bytes.of(md5.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides MD5", e);
    }
  }

  /** A fresh random challenge of {@code length} bytes. */
  public static Bytes challenge(int length) {
    byte[] b = new byte[length];
    RANDOM.nextBytes(b);
    return Bytes.of(b);
  }

  /** A fresh random identifier 0..255. */
  public static int identifier() {
    return RANDOM.nextInt(256);
  }

  /** A binary value as {@code 0x} followed by lower-case hex digits. */
  public static String encode(Bytes value) {
    return "0x" + HexFormat.of().formatHex(value.toByteArray());
  }

  /** Decodes a {@code 0x} hex or {@code 0b} base64 binary value. */
  public static Bytes decode(String value) throws MalformedPduException {
    try {
      if (value.startsWith("0x") || value.startsWith("0X")) {
        String hex = value.substring(2);
        return Bytes.of(HexFormat.of().parseHex(hex.length() % 2 == 0 ? hex : "0" + hex));
      }
      if (value.startsWith("0b") || value.startsWith("0B")) {
        return Bytes.of(Base64.getDecoder().decode(value.substring(2)));
      }
    } catch (IllegalArgumentException e) {
      throw new MalformedPduException("not a binary value: \"" + value + "\"");
    }
    throw new MalformedPduException("a binary value starts with 0x or 0b: \"" + value + "\"");
  }

  /** Compares two responses in time independent of where they differ. */
  static boolean same(Bytes a, Bytes b) {
    return MessageDigest.isEqual(a.toByteArray(), b.toByteArray());
  }
}
