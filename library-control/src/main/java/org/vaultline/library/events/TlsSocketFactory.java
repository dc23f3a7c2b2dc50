package org.vaultline.library.events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** Builds the TLS socket factory for {@code ssl://} brokers from PEM files ({@link TlsSettings}). */
final class TlsSocketFactory {
  private static final char[] NO_PASSWORD = new char[0];

  private TlsSocketFactory() {}

  /** @throws IllegalArgumentException naming the file when one cannot be read or parsed */
  static SSLSocketFactory create(TlsSettings tls) {
    try {
      TrustManagerFactory tmf = null;
      if (tls.caCertificates().isPresent()) {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        int i = 0;
        for (Certificate c : certificates(tls.caCertificates().get())) {
          trust.setCertificateEntry("ca-" + i++, c);
        }
        tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
      }
      KeyManagerFactory kmf = null;
      if (tls.clientCertificate().isPresent()) {
        List<Certificate> chain = certificates(tls.clientCertificate().get());
        PrivateKey key = privateKey(tls.clientKey().orElseThrow());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("client", key, NO_PASSWORD, chain.toArray(new Certificate[0]));
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, NO_PASSWORD);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(),
          new SecureRandom());
      return context.getSocketFactory();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("cannot set up TLS for the MQTT broker: " + e.getMessage(), e);
    }
  }

  private static List<Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> all = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (all.isEmpty()) {
        throw new IllegalArgumentException("no certificate in " + file);
      }
      return new ArrayList<>(all);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read the certificates in " + file + ": " + e.getMessage(), e);
    }
  }

  private static PrivateKey privateKey(Path file) throws IOException {
    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    String begin = "-----BEGIN PRIVATE KEY-----";
    int from = pem.indexOf(begin);
    int to = pem.indexOf("-----END PRIVATE KEY-----");
    if (from < 0 || to < from) {
      throw new IllegalArgumentException(file + " holds no unencrypted PKCS#8 key (BEGIN PRIVATE KEY); convert it"
          + " with: openssl pkcs8 -topk8 -nocrypt -in " + file.getFileName());
    }
    byte[] der = Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
        // try the next algorithm
      }
    }
    throw new IllegalArgumentException("the key in " + file + " is not an RSA, EC or EdDSA key");
  }
}
