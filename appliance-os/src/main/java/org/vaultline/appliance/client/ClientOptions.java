package org.vaultline.appliance.client;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The administrative client's options (contracts §4): where the server is, who signs on, how to print.
 *
 * @param serverUrl base URL of the administrative API ({@code http://127.0.0.1:1580})
 * @param adminId the administrator ID; empty means ask or fail
 * @param password the password; only from a file nobody else can read, or the environment
 * @param truststore a PKCS#12 trust store or a PEM certificate file that signs the server's certificate (HTTPS)
 * @param truststorePassword the trust store's password, when it has one
 */
public record ClientOptions(URI serverUrl, Optional<String> adminId, Optional<String> password, OutputFormat output,
    Optional<Path> truststore, Optional<String> truststorePassword) {
  public static final URI DEFAULT_SERVER = URI.create("http://127.0.0.1:1580");

  public ClientOptions {
    Objects.requireNonNull(serverUrl, "serverUrl");
    Objects.requireNonNull(adminId, "adminId");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(truststore, "truststore");
    Objects.requireNonNull(truststorePassword, "truststorePassword");
  }

  public static ClientOptions defaults() {
    return new ClientOptions(DEFAULT_SERVER, Optional.empty(), Optional.empty(), OutputFormat.TEXT, Optional.empty(),
        Optional.empty());
  }

  public ClientOptions withServerUrl(URI u) {
    return new ClientOptions(u, adminId, password, output, truststore, truststorePassword);
  }

  public ClientOptions withAdminId(String id) {
    return new ClientOptions(serverUrl, Optional.of(id), password, output, truststore, truststorePassword);
  }

  public ClientOptions withPassword(String p) {
    return new ClientOptions(serverUrl, adminId, Optional.of(p), output, truststore, truststorePassword);
  }

  public ClientOptions withOutput(OutputFormat o) {
    return new ClientOptions(serverUrl, adminId, password, o, truststore, truststorePassword);
  }

  public ClientOptions withTruststore(Path p) {
    return new ClientOptions(serverUrl, adminId, password, output, Optional.of(p), truststorePassword);
  }

  /** Never shows the passwords. */
  @Override
  public String toString() {
    return "ClientOptions[serverUrl=" + serverUrl + ", adminId=" + adminId + ", password="
        + password.map(p -> "***").orElse("none") + ", output=" + output + ", truststore=" + truststore + "]";
  }
}
