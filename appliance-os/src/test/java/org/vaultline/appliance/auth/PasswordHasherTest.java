package org.vaultline.appliance.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.bytes.Bytes;

class PasswordHasherTest {

  @Test
  void theProductionHasherUsesAtLeast210000IterationsAndARandomSalt() {
    PasswordHasher h = new PasswordHasher();
    PasswordHash a = h.hash("correct horse".toCharArray());
    PasswordHash b = h.hash("correct horse".toCharArray());
    assertThat(a.iterations()).isGreaterThanOrEqualTo(210_000);
    assertThat(a.salt().size()).isEqualTo(16);
    assertThat(a.hash().size()).isEqualTo(32);
    assertThat(a.salt()).isNotEqualTo(b.salt());
    assertThat(a.hash()).isNotEqualTo(b.hash());
    assertThat(h.verify("correct horse".toCharArray(), a)).isTrue();
    assertThat(h.verify("correct horsf".toCharArray(), a)).isFalse();
  }

  /** RFC 7914 section 11 gives PBKDF2-HMAC-SHA256 test vectors; this is its P="passwd", S="salt", c=1 case. */
  @Test
  void theDerivationIsPbkdf2HmacSha256AsInRfc7914() {
    byte[] salt16 = "salt".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    // The RFC's salt is shorter than PasswordHash allows, so the vector checks the JDK primitive we call.
    byte[] dk = derive("passwd", salt16, 1, 32);
    assertThat(HexFormat.of().formatHex(dk))
        .isEqualTo("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
  }

  @Test
  void theEncodedFormCarriesAlgorithmIterationsSaltAndHashAndRoundTrips() {
    PasswordHasher h = new PasswordHasher(1000, new SecureRandom());
    PasswordHash a = h.hash("secret-pw".toCharArray());
    String enc = a.encode();
    assertThat(enc).matches("pbkdf2-sha256\\$1000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(PasswordHash.decode(enc)).isEqualTo(a);
    assertThat(h.verify("secret-pw".toCharArray(), PasswordHash.decode(enc))).isTrue();
  }

  @Test
  void theStringFormNeverShowsTheHash() {
    PasswordHash a = new PasswordHash(5, Bytes.zeros(16), Bytes.zeros(32));
    assertThat(a.toString()).isEqualTo("pbkdf2-sha256(5 iterations)");
  }

  @Test
  void malformedEncodedHashesAreRejected() {
    assertThatThrownBy(() -> PasswordHash.decode("sha1$1$aa$bb")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PasswordHash.decode("pbkdf2-sha256$x$AAAAAAAAAAAAAAAAAAAAAA$"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PasswordHash.decode("pbkdf2-sha256$10$AA$AA")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aHashWithFewerIterationsThanTheHasherNeedsRehash() {
    PasswordHash old = new PasswordHasher(1000, new SecureRandom()).hash("abcdefgh".toCharArray());
    assertThat(new PasswordHasher(2000, new SecureRandom()).needsRehash(old)).isTrue();
    assertThat(new PasswordHasher(1000, new SecureRandom()).needsRehash(old)).isFalse();
  }

  private static byte[] derive(String pw, byte[] salt, int c, int len) {
    try {
      var spec = new javax.crypto.spec.PBEKeySpec(pw.toCharArray(), salt, c, len * 8);
      return javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
