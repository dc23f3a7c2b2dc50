package org.vaultline.appliance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.vaultline.appliance.client.AdminClient;
import org.vaultline.appliance.client.ClientException;
import org.vaultline.appliance.client.ClientOptions;
import org.vaultline.appliance.client.OutputFormat;
import org.vaultline.library.events.BrokerException;
import org.vaultline.library.events.EventFollower;
import org.vaultline.library.events.FollowedMessage;
import org.vaultline.library.events.MqttProtocol;
import org.vaultline.library.events.MqttSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vaultline events [--follow] [--topic FILTER ...]}: the appliance's MQTT events as a person reads them. The
 * broker comes from the server ({@code GET /api/v1/status}), so the embedded broker needs no configuration. Without
 * {@code --follow} it prints the retained state (appliance status, every DRM volume, library summaries) and exits;
 * with it, it streams events until interrupted (Ctrl-C) or {@code --limit} messages.
 */
@Command(name = "events", mixinStandardHelpOptions = true,
    description = {"Print the appliance's MQTT events and state, found through the administrative API.",
        "Without --follow: the retained state (status, volumes/*, library/*/summary), then exit.",
        "With --follow: events as they happen (events/# unless --topic), until Ctrl-C."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:printed", "3:the server refused the administrator",
        "4:no answer from the server, or the broker cannot be reached"})
final class EventsCommand implements java.util.concurrent.Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** How long the retained state may keep arriving before it is taken as complete. */
  private static final Duration SETTLE = Duration.ofMillis(700);
  private static final Duration SETTLE_LIMIT = Duration.ofSeconds(15);

  private final ClientSession session;

  @CommandLine.Mixin
  ClientFlags flags = new ClientFlags();

  @Option(names = {"-f", "--follow"}, description = "Keep printing events as they arrive, until Ctrl-C.")
  boolean follow;

  @Option(names = {"-t", "--topic"}, paramLabel = "FILTER",
      description = "Topic filter below the appliance's root (events/drm, volumes/+, library/#); repeatable.")
  List<String> topics = new ArrayList<>();

  @Option(names = "--limit", paramLabel = "N", description = "With --follow, stop after N messages.")
  int limit;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  EventsCommand(ClientSession session) {
    this.session = session;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ClientOptions options;
    JsonNode status;
    try {
      options = session.options(flags.over(session.rootFlags()));
      AdminClient client = session.client(options);
      status = client.status();
    } catch (ClientException e) {
      ClientSession.printClientError(err, e);
      return ServerCommand.CLIENT;
    } catch (AdminClient.StatusFailure e) {
      err.print(e.reply().text());
      err.flush();
      return ServerCommand.exitCode(e.reply());
    }
    MqttSettings settings;
    try {
      settings = settings(status);
    } catch (IllegalArgumentException e) {
      err.println("VLN0630E The server's status names no usable MQTT broker: " + e.getMessage());
      err.flush();
      return ServerCommand.CLIENT;
    }
    boolean json = options.output() == OutputFormat.JSON;
    ZoneId zone = ZoneId.systemDefault();
    List<String> filters = !topics.isEmpty() ? topics
        : follow ? List.of() : List.of("status", "volumes/+", "library/+/summary");
    AtomicLong last = new AtomicLong(System.nanoTime());
    CountDownLatch enough = new CountDownLatch(follow && limit > 0 ? limit : 1);
    Object printing = new Object();
    EventFollower follower = EventFollower.start(settings, filters, m -> {
      synchronized (printing) {
        if (follow && limit > 0 && enough.getCount() == 0) {
          return;
        }
        out.println(json ? json(m) : m.line(zone));
        out.flush();
        last.set(System.nanoTime());
        if (follow && limit > 0) {
          enough.countDown();
        }
      }
    });
    Thread hook = new Thread(follower::close, "vaultline-events-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      if (!follower.awaitSubscriptions(1, settings.connectTimeout().plusSeconds(5))) {
        err.println("VLN0631E Cannot subscribe at the MQTT broker " + settings.brokers() + ": "
            + follower.lastError().map(BrokerException::getMessage).orElse("no answer") + ".");
        err.flush();
        return ServerCommand.CLIENT;
      }
      if (follow) {
        enough.await();
      } else {
        long start = System.nanoTime();
        last.set(start);
        while (System.nanoTime() - last.get() < SETTLE.toNanos()
            && System.nanoTime() - start < SETTLE_LIMIT.toNanos()) {
          TimeUnit.MILLISECONDS.sleep(50);
        }
      }
      return 0;
    } finally {
      follower.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down (Ctrl-C): the hook closes the follower
      }
    }
  }

  /** The follower's settings from {@code GET /api/v1/status}'s {@code mqtt} object. */
  static MqttSettings settings(JsonNode status) {
    JsonNode mqtt = status.path("mqtt");
    List<URI> brokers = new ArrayList<>();
    for (JsonNode b : mqtt.path("brokers")) {
      brokers.add(URI.create(b.asText()));
    }
    if (brokers.isEmpty()) {
      throw new IllegalArgumentException("mqtt.brokers is empty");
    }
    String appliance = status.path("appliance").asText("VAULTLINE");
    MqttSettings s = MqttSettings.forAppliance(appliance, brokers)
        .withClientId("vaultline-cli-" + appliance)
        .withVersion(status.path("version").asText("dev"))
        .withConnectTimeout(Duration.ofSeconds(10))
        .withRetryDelays(Duration.ofMillis(500), Duration.ofSeconds(10));
    if (mqtt.hasNonNull("rootTopic")) {
      s = s.withTopicRoot(mqtt.get("rootTopic").asText());
    }
    if (mqtt.path("version").asText("5").startsWith("3")) {
      s = s.withProtocol(MqttProtocol.MQTT_3_1_1);
    }
    return s;
  }

  private static String json(FollowedMessage m) {
    ObjectNode n = JSON.createObjectNode();
    n.put("topic", m.topic());
    n.put("retained", m.retained());
    m.seq().ifPresent(s -> n.put("seq", s));
    n.put("type", m.type());
    n.put("text", m.text());
    if (m.json().isEmpty()) {
      n.putNull("payload");
    } else {
      try {
        n.set("payload", JSON.readTree(m.json()));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        n.put("payload", m.json());
      }
    }
    return n.toString();
  }
}
