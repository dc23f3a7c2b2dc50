package org.vaultline.appliance.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

/**
 * The client side of the administrative HTTP API (contracts §2): one TSM command line per
 * {@code POST /api/v1/command}, and {@code GET /api/v1/status}, with HTTP Basic credentials.
 */
public final class AdminClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String authorization;
  private final HttpClient http;
  private final Duration timeout;

  /**
   * @param timeout how long one request may take; commands that run in the foreground (WAIT=YES) can be long
   */
  public AdminClient(ClientOptions options, String adminId, String password, Duration timeout) throws ClientException {
    Objects.requireNonNull(options, "options");
    String b = options.serverUrl().toString();
    this.base = URI.create(b.endsWith("/") ? b : b + "/");
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((adminId + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.timeout = timeout;
    HttpClient.Builder hb = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .version(HttpClient.Version.HTTP_1_1);
    if (options.truststore().isPresent()) {
      hb.sslContext(sslContext(options.truststore().get(), options.truststorePassword().orElse(null)));
    }
    this.http = hb.build();
  }

  /** The base URL requests go to. */
  public URI base() {
    return base;
  }

  /** Runs one command line on the server. */
  public ServerReply command(String line) throws ClientException {
    String body = JSON.createObjectNode().put("command", line).toString();
    HttpRequest req = HttpRequest.newBuilder(base.resolve("api/v1/command")).timeout(timeout)
        .header("Authorization", authorization).header("Content-Type", "application/json; charset=utf-8")
        .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> r = send(req);
    JsonNode tree = parse(r);
    return ServerReply.of(r.statusCode(), tree).orElseThrow(() -> unexpected(r, "no \"ok\" field"));
  }

  /**
   * {@code GET /api/v1/status}: the appliance, version, start time and MQTT broker.
   *
   * @return the body when the status is 200; a {@link ServerReply} failure otherwise, as {@link StatusFailure}
   */
  public JsonNode status() throws ClientException, StatusFailure {
    HttpRequest req = HttpRequest.newBuilder(base.resolve("api/v1/status")).timeout(timeout)
        .header("Authorization", authorization).header("Accept", "application/json").GET().build();
    HttpResponse<String> r = send(req);
    JsonNode tree = parse(r);
    if (r.statusCode() != 200) {
      throw new StatusFailure(ServerReply.of(r.statusCode(), tree).orElseThrow(() -> unexpected(r, "no \"ok\" field")));
    }
    return tree;
  }

  /** The server refused {@code GET /api/v1/status}; its reply says why. */
  public static final class StatusFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient ServerReply reply;

    StatusFailure(ServerReply reply) {
      super(reply.text().strip());
      this.reply = reply;
    }

    public ServerReply reply() {
      return reply;
    }
  }

  private HttpResponse<String> send(HttpRequest req) throws ClientException {
    try {
      return http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClientException("VLN0610E", "Interrupted while waiting for the server at " + base + ".");
    } catch (HttpTimeoutException e) {
      throw new ClientException("VLN0610E", "The server at " + base + " did not answer in time: " + e.getMessage());
    } catch (SSLHandshakeException e) {
      throw new ClientException("VLN0610E", "TLS with the server at " + base + " failed: " + e.getMessage()
          + " (is TRUSTSTORE the certificate that signs the server's?)");
    } catch (ConnectException e) {
      throw new ClientException("VLN0610E", "Cannot connect to the server at " + base + " (is vaultlined running,"
          + " and is SERVERURL right?)");
    } catch (IOException e) {
      throw new ClientException("VLN0610E", "The connection to the server at " + base + " failed: " + e);
    }
  }

  private JsonNode parse(HttpResponse<String> r) throws ClientException {
    try {
      return JSON.readTree(r.body());
    } catch (JsonProcessingException e) {
      throw unexpected(r, "the body is not JSON");
    }
  }

  private ClientException unexpected(HttpResponse<String> r, String why) {
    return new ClientException("VLN0611E", "The server at " + base + " answered HTTP " + r.statusCode()
        + " that is not the Vaultline administrative API's (" + why + ").");
  }

  private static SSLContext sslContext(Path truststore, String password) throws ClientException {
    try {
      KeyStore ks;
      String name = truststore.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer")) {
        ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        int i = 0;
        try (InputStream in = Files.newInputStream(truststore)) {
          for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
            ks.setCertificateEntry("cert-" + i++, c);
          }
        }
        if (i == 0) {
          throw new ClientException("VLN0614E", "The trust store " + truststore + " holds no certificate.");
        }
      } else {
        ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(truststore)) {
          ks.load(in, password == null ? null : password.toCharArray());
        }
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (IOException | GeneralSecurityException e) {
      throw new ClientException("VLN0614E", "Cannot read the trust store " + truststore + ": " + e.getMessage());
    }
  }
}
