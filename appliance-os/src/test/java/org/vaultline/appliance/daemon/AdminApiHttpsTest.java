package org.vaultline.appliance.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ADMINKEYSTORE: the administrative API speaks HTTPS only, with the certificate of a PKCS#12 keystore. */
class AdminApiHttpsTest {
  @TempDir Path dir;

  @Test
  void withAKeystoreTheApiSpeaksHttpsWithItsCertificate() throws Exception {
    Path keystore = dir.resolve("admin.p12");
    Path passwordFile = dir.resolve("admin.p12.pw");
    Files.writeString(passwordFile, "keystore-secret\n");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "vaultline", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=vaultline",
        "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
        "-storepass", "keystore-secret").redirectErrorStream(true).start();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();

    try (DaemonFixture f = new DaemonFixture(dir, "ADMINKEYSTORE " + keystore,
        "ADMINKEYSTOREPASSWORDFILE " + passwordFile)) {
      assertThat(f.daemon.adminUrl().toString()).startsWith("https://127.0.0.1:");
      KeyStore trust = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keystore)) {
        trust.load(in, "keystore-secret".toCharArray());
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, tmf.getTrustManagers(), null);
      HttpClient https = HttpClient.newBuilder().sslContext(tls).build();
      HttpResponse<String> r = https.send(HttpRequest.newBuilder(f.url("/api/v1/command"))
          .header("Authorization", DaemonFixture.basic(DaemonFixture.ADMIN, DaemonFixture.ADMIN_PASSWORD))
          .POST(HttpRequest.BodyPublishers.ofString("{\"command\":\"q status\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("\"command\":\"QUERY STATUS\"").contains("https://127.0.0.1:");
    }
  }
}
