package org.vaultline.appliance.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.vaultline.appliance.auth.PasswordHasher;
import org.vaultline.appliance.auth.PasswordHasherForTests;
import org.vaultline.appliance.options.Options;
import org.vaultline.appliance.options.OptionsFile;
import org.vaultline.device.DeviceOpener;
import org.vaultline.device.DeviceUrl;
import org.vaultline.emulator.EmulatedLibrary;
import org.vaultline.emulator.Initiator;
import org.vaultline.emulator.VirtualClock;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.library.control.ControlOptions;
import org.vaultline.library.robot.RobotClock;
import org.vaultline.library.store.ActlogQuery;

/**
 * The daemon in process on a temporary data directory: free ports for the API and the embedded broker, the serial
 * console when asked, and an emulated StorageTek SL500 (on a virtual clock, so robot moves cost no waiting) behind
 * {@code emulated:stk-sl500} device URLs. An administrator ADMIN (SYSTEM) is registered as the first-time setup does
 * it; {@link #post} talks to the API as a client would.
 */
public final class DaemonFixture implements AutoCloseable {
  public static final String PERSONALITY = "stk-sl500";
  public static final String ADMIN = "ADMIN";
  public static final String ADMIN_PASSWORD = "admin-secret";
  static final PasswordHasher HASHER = PasswordHasherForTests.fast();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Initiator DAEMON = new Initiator("vaultlined-test");

  public final Path dir;
  public final VirtualClock clock = new VirtualClock();
  public final EmulatedLibrary library;
  public Daemon daemon;
  private final Options options;
  private final Path optionsFile;
  private final Daemon.Parts parts;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** A JSON response of the API. */
  public record Reply(int status, JsonNode body) {
    public String text() {
      return body.path("text").asText();
    }

    public List<String> messageIds() {
      List<String> ids = new ArrayList<>();
      body.path("messages").forEach(m -> ids.add(m.path("id").asText()));
      return ids;
    }
  }

  public DaemonFixture(Path dir, String... extraOptions) throws Exception {
    this(dir, Map.of(), extraOptions);
  }

  /** With {@code environment} as the daemon's process environment (NOTIFY_SOCKET, WATCHDOG_USEC). */
  public DaemonFixture(Path dir, Map<String, String> environment, String... extraOptions) throws Exception {
    this(dir, environment, UnaryOperator.identity(), extraOptions);
  }

  /** With the daemon's parts changed by {@code customize} (store clock, outbox limits, intervals, servers). */
  public DaemonFixture(Path dir, Map<String, String> environment, UnaryOperator<Daemon.Parts> customize,
      String... extraOptions) throws Exception {
    this.dir = dir;
    this.library = EmulatedLibrary.builder(Personality.named(PERSONALITY)).clock(clock)
        .stock("CPY001L4", "CPY002L4", "CPY003L4", "DBB001L4").build();
    library.acknowledgePowerOn(DAEMON);
    List<String> lines = new ArrayList<>(List.of(
        "* test options",
        "DATADIRECTORY " + dir.resolve("data"),
        "LOGDIRECTORY " + dir.resolve("log"),
        "ADMINPORT 0",
        "MQTTEMBEDDEDPORT 0",
        "TIMEZONE UTC"));
    lines.addAll(List.of(extraOptions));
    Path file = dir.resolve("vaultlined.opt");
    Files.write(file, lines, StandardCharsets.UTF_8);
    this.optionsFile = file;
    this.options = OptionsFile.read(file);
    RobotClock robot = new RobotClock() {
      @Override
      public Instant now() {
        return clock.now();
      }

      @Override
      public void sleep(Duration d) throws InterruptedException {
        clock.sleep(d);
      }
    };
    this.parts = customize.apply(Daemon.Parts.production(url -> {
      if (DeviceUrl.parse(url) instanceof DeviceUrl.Emulated e) {
        return e.lun() == 0 ? library.changer(DAEMON) : library.drive(e.lun() - 1, DAEMON);
      }
      return DeviceOpener.standard().open(url);
    }).withHasher(HASHER).withEnvironment(environment)
        .withControlOptions(ControlOptions.DEFAULT.withClock(robot).withPolls(Duration.ofMillis(20), Duration.ofHours(1)))
        .withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(20)));
    this.daemon = Daemon.start(options, file.toString(), parts);
    Vaultlined.register(daemon.store(), ADMIN, ADMIN_PASSWORD.toCharArray(), HASHER);
  }

  /** The server stops (as on SIGTERM) and starts again on the same data directory and library. */
  public void restart() throws Exception {
    daemon.stop();
    daemon = Daemon.start(options, optionsFile.toString(), parts);
  }

  /** POST /api/v1/command as {@code id}. */
  public Reply post(String id, String password, String command) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(daemon.adminUrl().resolve("/api/v1/command"))
        .header("Authorization", basic(id, password))
        .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("command", command).toString())));
  }

  /** POST /api/v1/command as ADMIN. */
  public Reply admin(String command) throws IOException, InterruptedException {
    return post(ADMIN, ADMIN_PASSWORD, command);
  }

  Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Reply(r.statusCode(), JSON.readTree(r.body()));
  }

  URI url(String path) {
    return daemon.adminUrl().resolve(path);
  }

  static String basic(String id, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((id + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Every activity-log row as {@code VLNnnnnX text [admin]}. */
  public List<String> actlog() {
    List<String> out = new ArrayList<>();
    daemon.store().read(r -> r.activityLog().query(ActlogQuery.all()))
        .forEach(e -> out.add(e.message().render() + " [" + e.admin().orElse("SERVER") + "]"));
    return out;
  }

  /** Defines LIB1 with its path and two drives on the emulated library, through the API. */
  public void defineLibrary() throws Exception {
    for (String c : List.of(
        "define library LIB1",
        "define path VAULTLINE LIB1 srctype=server desttype=library device=emulated:" + PERSONALITY,
        "define drive LIB1 DRIVE0",
        "define path VAULTLINE DRIVE0 srctype=server desttype=drive library=LIB1 device=emulated:" + PERSONALITY
            + "/1")) {
      Reply r = admin(c);
      if (r.status() != 200 || !r.body().path("ok").asBoolean()) {
        throw new AssertionError(c + ": " + r.status() + " " + r.body());
      }
    }
  }

  @Override
  public void close() {
    daemon.stop();
  }
}
