package org.vaultline.library.events;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * TLS for {@code ssl://} and {@code mqtts://} broker URIs.
 *
 * @param caCertificates PEM file with the certificate(s) that sign the broker's certificate; empty means
 *     the JVM's default trust store
 * @param clientCertificate PEM file with the client certificate (chain), for brokers that require one
 * @param clientKey PEM file with the client's unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY},
 *     as {@code openssl genpkey} writes; convert others with {@code openssl pkcs8 -topk8 -nocrypt})
 * @param verifyHostname whether the broker's certificate must name the host of the URI (RFC 6125);
 *     switch off only for brokers addressed by a name their certificate does not carry
 */
public record TlsSettings(Optional<Path> caCertificates, Optional<Path> clientCertificate,
    Optional<Path> clientKey, boolean verifyHostname) {
  public TlsSettings {
    Objects.requireNonNull(caCertificates, "caCertificates");
    Objects.requireNonNull(clientCertificate, "clientCertificate");
    Objects.requireNonNull(clientKey, "clientKey");
    if (clientCertificate.isPresent() != clientKey.isPresent()) {
      throw new IllegalArgumentException("a client certificate needs its key and a key needs its certificate");
    }
  }

  /** Server verification against {@code caFile}, host name checked, no client certificate. */
  public static TlsSettings trusting(Path caFile) {
    return new TlsSettings(Optional.of(caFile), Optional.empty(), Optional.empty(), true);
  }

  /** The same with a client certificate and key. */
  public TlsSettings withClientCertificate(Path certificate, Path key) {
    return new TlsSettings(caCertificates, Optional.of(certificate), Optional.of(key), verifyHostname);
  }
}
