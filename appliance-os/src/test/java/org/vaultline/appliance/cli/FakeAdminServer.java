package org.vaultline.appliance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A test server that speaks the administrative API of contracts §2 ({@code POST /api/v1/command},
 * {@code GET /api/v1/status}, Basic credentials, the JSON body with ok/command/messages/text), answering commands
 * from a script. It records what it received, so tests see exactly what the CLI sent.
 */
final class FakeAdminServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** One answer: HTTP status and body. */
  record Answer(int status, String body) {
    static Answer of(int status, boolean ok, String command, String id, String text, String printed) {
      ObjectNode n = JSON.createObjectNode();
      n.put("ok", ok);
      n.put("command", command);
      ObjectNode m = n.putArray("messages").addObject();
      m.put("id", id);
      m.put("severity", id.substring(id.length() - 1));
      m.put("text", text);
      n.put("text", printed);
      return new Answer(status, n.toString());
    }
  }

  /** What the server received: the authorization header and the command line. */
  record Received(String method, String path, Optional<String> authorization, String command) {}

  private final HttpServer server;
  private final String admin;
  private final String password;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile Function<String, Answer> script;
  private volatile String status = "{\"appliance\":\"TESTAPP\",\"version\":\"0.1.0-TEST\","
      + "\"started\":\"2026-11-22T16:00:00Z\",\"mqtt\":{\"brokers\":[],\"rootTopic\":\"vaultline/TESTAPP\","
      + "\"version\":\"5\"}}";

  FakeAdminServer(String admin, String password) throws IOException {
    this(admin, password, null);
  }

  /** With {@code tls}, the server speaks HTTPS only (as the daemon does with ADMINKEYSTORE). */
  FakeAdminServer(String admin, String password, SSLContext tls) throws IOException {
    this.admin = admin;
    this.password = password;
    this.script = FakeAdminServer::defaultAnswer;
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    if (tls == null) {
      server = HttpServer.create(loopback, 0);
    } else {
      HttpsServer s = HttpsServer.create(loopback, 0);
      s.setHttpsConfigurator(new HttpsConfigurator(tls));
      server = s;
    }
    server.createContext("/api/v1/", this::handle);
    server.start();
  }

  URI url() {
    return URI.create((server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:"
        + server.getAddress().getPort());
  }

  List<Received> received() {
    return new ArrayList<>(received);
  }

  List<String> commands() {
    return received.stream().filter(r -> r.path().equals("/api/v1/command")).map(Received::command).toList();
  }

  void script(Function<String, Answer> s) {
    this.script = s;
  }

  void status(String json) {
    this.status = json;
  }

  /** QUERY-like commands answer a small table; anything else a message. */
  static Answer defaultAnswer(String line) {
    String upper = line.toUpperCase(java.util.Locale.ROOT);
    if (upper.startsWith("Q")) {
      return Answer.of(200, true, "QUERY", "VLN0402I", "1 volume.",
          "Volume Name    State\n-----------    -----\nA00017L6       MOUNTABLE\n\nVLN0402I 1 volume.\n");
    }
    return Answer.of(200, true, upper.split(" ")[0], "VLN0110I", "Done: " + line, "VLN0110I Done: " + line + "\n");
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Optional<String> auth = Optional.ofNullable(x.getRequestHeaders().getFirst("Authorization"));
      String path = x.getRequestURI().getPath();
      String command = "";
      if (path.equals("/api/v1/command")) {
        JsonNode n = JSON.readTree(body);
        command = n.path("command").asText();
      }
      received.add(new Received(x.getRequestMethod(), path, auth, command));
      String expected = "Basic " + Base64.getEncoder().encodeToString((admin + ":" + password)
          .getBytes(StandardCharsets.UTF_8));
      Answer a;
      if (!auth.map(expected::equals).orElse(false)) {
        a = Answer.of(401, false, "", "VLN0801E", "Sign-on refused: wrong administrator ID or password.",
            "VLN0801E Sign-on refused: wrong administrator ID or password.\n");
      } else if (path.equals("/api/v1/status") && x.getRequestMethod().equals("GET")) {
        a = new Answer(200, status);
      } else if (path.equals("/api/v1/command") && x.getRequestMethod().equals("POST")) {
        a = script.apply(command);
      } else {
        a = new Answer(404, "{\"ok\":false,\"messages\":[],\"text\":\"not found\"}");
      }
      byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      x.sendResponseHeaders(a.status(), out.length);
      try (OutputStream os = x.getResponseBody()) {
        os.write(out);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
