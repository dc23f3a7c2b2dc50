package org.vaultline.library.events;

import org.vaultline.peers.Mosquitto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A throw-away PKI made with the {@code openssl} command for one test: a CA, a server certificate for
 * the loopback address and a client certificate, all with unencrypted PKCS#8 keys.
 */
final class Certificates {
  final Path ca;
  final Path caKey;
  final Path serverCert;
  final Path serverKey;
  final Path clientCert;
  final Path clientKey;

  private Certificates(Path dir) {
    ca = dir.resolve("ca.crt");
    caKey = dir.resolve("ca.key");
    serverCert = dir.resolve("server.crt");
    serverKey = dir.resolve("server.key");
    clientCert = dir.resolve("client.crt");
    clientKey = dir.resolve("client.key");
  }

  static boolean opensslInstalled() {
    return Files.isExecutable(Path.of("/usr/bin/openssl"));
  }

  /**
   * @param serverNames subjectAltName entries of the server certificate ({@code IP:127.0.0.1})
   */
  static Certificates create(Path parent, String name, String serverNames) throws IOException, InterruptedException {
    Path dir = Files.createDirectories(parent.resolve(name));
    Certificates c = new Certificates(dir);
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Vaultline test CA " + name,
        "-keyout", c.caKey.toString(), "-out", c.ca.toString());
    c.sign(dir, "server", "/CN=vaultline-test-broker", "subjectAltName=" + serverNames
        + "\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n", c.serverKey, c.serverCert);
    c.sign(dir, "client", "/CN=vaultline-test-appliance",
        "basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n", c.clientKey, c.clientCert);
    return c;
  }

  private void sign(Path dir, String what, String subject, String extensions, Path key, Path cert)
      throws IOException, InterruptedException {
    Path csr = dir.resolve(what + ".csr");
    Path ext = dir.resolve(what + ".ext");
    Files.writeString(ext, extensions);
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", subject, "-keyout", key.toString(), "-out",
        csr.toString());
    openssl("x509", "-req", "-in", csr.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
        "-CAcreateserial", "-days", "2", "-extfile", ext.toString(), "-out", cert.toString());
  }

  private static void openssl(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>();
    command.add("/usr/bin/openssl");
    command.addAll(List.of(args));
    Mosquitto.run(command);
  }
}
