package org.vaultline.appliance.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.tinylog.Logger;
import org.vaultline.library.control.CommandResult;
import org.vaultline.library.store.Message;

/**
 * The administrative API (JDK {@code com.sun.net.httpserver}; HTTPS when a PKCS#12 keystore is given):
 * <ul>
 *   <li>{@code POST /api/v1/command}, body {@code {"command":"q drmedia * format=detailed"}}: the command's
 *       {@link CommandResult#json()} plus {@code "ok"} and {@code "text"} (what the administrative client prints).
 *       200 the command ran ({@code ok} false when it reported errors); 400 unknown command or wrong syntax; 401 bad
 *       or missing credentials, or a locked administrator; 403 authority too low; 500 internal error; 503 the
 *       server is stopping.</li>
 *   <li>{@code GET /api/v1/status}: the appliance, its version and start time, and the MQTT broker and topic root,
 *       so that a client can follow the events without more configuration.</li>
 * </ul>
 * Both need {@code Authorization: Basic base64(ADMINID:password)}; any authority class may ask for the status.
 */
public final class AdminApi implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 64 * 1024;

  private final HttpServer server;
  private final ExecutorService executor;
  private final AdminCommands commands;
  private final Supplier<ObjectNode> status;
  private final URI uri;

  private AdminApi(HttpServer server, ExecutorService executor, AdminCommands commands, Supplier<ObjectNode> status,
      URI uri) {
    this.server = server;
    this.executor = executor;
    this.commands = commands;
    this.status = status;
    this.uri = uri;
  }

  /**
   * Starts listening.
   *
   * @param port 0 for a free port
   * @param keystore PKCS#12 keystore with the certificate and key: HTTPS; empty: plain HTTP
   * @param status the body of {@code GET /api/v1/status}
   */
  public static AdminApi start(String address, int port, Optional<Path> keystore, char[] keystorePassword,
      AdminCommands commands, Supplier<ObjectNode> status) throws IOException {
    Objects.requireNonNull(commands, "commands");
    InetSocketAddress bind = new InetSocketAddress(address, port);
    HttpServer server;
    if (keystore.isPresent()) {
      HttpsServer https = HttpsServer.create(bind, 50);
      https.setHttpsConfigurator(new HttpsConfigurator(sslContext(keystore.get(), keystorePassword)));
      server = https;
    } else {
      server = HttpServer.create(bind, 50);
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(16, r -> {
      Thread t = new Thread(r, "vaultline-api-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    String host = bind.getAddress().isAnyLocalAddress() ? "127.0.0.1" : bind.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    URI uri = URI.create((keystore.isPresent() ? "https" : "http") + "://" + host + ":"
        + server.getAddress().getPort());
    AdminApi api = new AdminApi(server, executor, commands, status, uri);
    server.createContext("/", api::handle);
    server.start();
    return api;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:1580}. */
  public URI uri() {
    return uri;
  }

  /** Stops listening, giving exchanges in progress up to a second. */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      String path = x.getRequestURI().getPath();
      boolean command = path.equals("/api/v1/command");
      boolean statusPath = path.equals("/api/v1/status");
      if (!command && !statusPath) {
        send(x, 404, refusal("", AdminMessages.NOT_FOUND.format(path)));
        return;
      }
      String method = x.getRequestMethod();
      if (command && !method.equals("POST") || statusPath && !method.equals("GET")) {
        x.getResponseHeaders().set("Allow", command ? "POST" : "GET");
        send(x, 405, refusal("", AdminMessages.BAD_REQUEST.format(method + " " + path + " is not allowed")));
        return;
      }
      LoginOutcome login = authenticate(x);
      if (login instanceof LoginOutcome.Refused r) {
        x.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Vaultline\", charset=\"UTF-8\"");
        send(x, 401, refusal("", r.message()));
        return;
      }
      LoginOutcome.Accepted admin = (LoginOutcome.Accepted) login;
      if (statusPath) {
        send(x, 200, status.get());
        return;
      }
      String line;
      try {
        line = commandOf(x.getRequestBody());
      } catch (IllegalArgumentException e) {
        send(x, 400, refusal("", AdminMessages.BAD_REQUEST.format(e.getMessage())));
        return;
      }
      CommandOutcome outcome = commands.run(admin.administrator(), line);
      send(x, outcome.status().httpStatus(), body(outcome.ok(), outcome.result()));
    } catch (RuntimeException e) {
      Logger.error(e, "Administrative API request failed");
      send(x, 500, refusal("", AdminMessages.INTERNAL.format("the request", String.valueOf(e.getMessage()))));
    }
  }

  private LoginOutcome authenticate(HttpExchange x) {
    String header = x.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return new LoginOutcome.Refused(AdminMessages.CREDENTIALS_MISSING.format());
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(header.substring(6).strip());
    } catch (IllegalArgumentException e) {
      return new LoginOutcome.Refused(AdminMessages.CREDENTIALS_MISSING.format());
    }
    String pair = new String(decoded, StandardCharsets.UTF_8);
    Arrays.fill(decoded, (byte) 0);
    int colon = pair.indexOf(':');
    if (colon < 1) {
      return new LoginOutcome.Refused(AdminMessages.CREDENTIALS_MISSING.format());
    }
    char[] password = pair.substring(colon + 1).toCharArray();
    try {
      return commands.login(pair.substring(0, colon), password);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private static String commandOf(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      throw new IllegalArgumentException("the body is larger than " + MAX_BODY + " bytes");
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the body is not JSON");
    }
    if (root == null || !root.isObject() || !root.path("command").isTextual()
        || root.path("command").asText().isBlank()) {
      throw new IllegalArgumentException("the body has no \"command\" text");
    }
    return root.get("command").asText();
  }

  /** A {@link CommandResult}'s JSON with {@code ok} first and {@code text} last. */
  static ObjectNode body(boolean ok, CommandResult result) {
    ObjectNode node = JSON.createObjectNode();
    node.put("ok", ok);
    try {
      node.setAll((ObjectNode) JSON.readTree(result.json()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a command result's JSON does not parse", e);
    }
    node.put("text", result.text());
    return node;
  }

  private static ObjectNode refusal(String command, Message m) {
    return body(false, CommandResult.of(command, m));
  }

  private static void send(HttpExchange x, int status, ObjectNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    x.getResponseHeaders().set("Cache-Control", "no-store");
    x.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static SSLContext sslContext(Path keystore, char[] password) throws IOException {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, password);
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, password);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), null, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot use the keystore " + keystore + ": " + e.getMessage(), e);
    }
  }
}
