package org.vaultline.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS to the administrative API: the server's certificate (made by keytool in the test) is trusted through the
 * client's TRUSTSTORE, as a PEM certificate or a PKCS#12 trust store; without it the client refuses the server.
 */
class HttpsClientTest {
  @TempDir
  static Path dir;

  static Path keystore;
  static Path pem;
  static FakeAdminServer server;

  @BeforeAll
  static void start() throws Exception {
    keystore = dir.resolve("server.p12");
    pem = dir.resolve("server.pem");
    keytool("-genkeypair", "-alias", "vaultline", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
        "CN=vaultline", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore",
        keystore.toString(), "-storepass", "store-secret");
    keytool("-exportcert", "-rfc", "-alias", "vaultline", "-keystore", keystore.toString(), "-storepass",
        "store-secret", "-file", pem.toString());
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, "store-secret".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "store-secret".toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    server = new FakeAdminServer("ADMIN", "secret", tls);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static void keytool(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }

  @TempDir
  Path home;

  ClientRun.Result run(String... optionLines) throws Exception {
    Path opt = home.resolve("client.opt");
    List<String> lines = new java.util.ArrayList<>(List.of("SERVERURL " + server.url(), "ADMINID admin"));
    lines.addAll(List.of(optionLines));
    Files.write(opt, lines);
    return new ClientRun(home).env("VAULTLINE_PASSWORD", "secret").run("--config", opt.toString(), "q", "drm");
  }

  @Test
  void aPemCertificateAsTruststoreIsTrusted() throws Exception {
    ClientRun.Result r = run("TRUSTSTORE " + pem);
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("A00017L6");
  }

  @Test
  void aPkcs12TruststoreWithItsPasswordIsTrusted() throws Exception {
    ClientRun.Result r = run("TRUSTSTORE " + keystore, "TRUSTSTOREPASSWORD store-secret");
    assertThat(r.status()).as(r.err()).isZero();
  }

  @Test
  void withoutTheTruststoreTheServerIsRefused() throws Exception {
    ClientRun.Result r = run();
    assertThat(r.status()).isEqualTo(4);
    assertThat(r.err()).startsWith("VLN0610E").contains("TRUSTSTORE");
  }

  @Test
  void anUnreadableTruststoreIsReported() throws Exception {
    Path garbage = home.resolve("garbage.pem");
    Files.writeString(garbage, "not a certificate\n");
    ClientRun.Result r = run("TRUSTSTORE " + garbage);
    assertThat(r.status()).isEqualTo(4);
    assertThat(r.err()).startsWith("VLN0614E");
  }
}
