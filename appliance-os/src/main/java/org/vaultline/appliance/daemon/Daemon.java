package org.vaultline.appliance.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.tinylog.Logger;
import org.vaultline.appliance.api.AdminApi;
import org.vaultline.appliance.api.AdminCommands;
import org.vaultline.appliance.api.AdminMessages;
import org.vaultline.appliance.api.StoreAdministrators;
import org.vaultline.appliance.auth.AdminAuthentication;
import org.vaultline.appliance.auth.LockoutPolicy;
import org.vaultline.appliance.auth.PasswordHasher;
import org.vaultline.appliance.console.AdminConsoleCommands;
import org.vaultline.appliance.console.ConsoleEvent;
import org.vaultline.appliance.console.SerialConsole;
import org.vaultline.appliance.options.MqttVersion;
import org.vaultline.appliance.options.Options;
import org.vaultline.appliance.schedule.ScheduleCommands;
import org.vaultline.appliance.schedule.Scheduler;
import org.vaultline.appliance.systemd.SdNotify;
import org.vaultline.appliance.systemd.Watchdog;
import org.vaultline.library.control.Connector;
import org.vaultline.library.control.ControlOptions;
import org.vaultline.library.control.ResultTable;
import org.vaultline.library.drm.DrmVolume;
import org.vaultline.library.events.BrokerCredentials;
import org.vaultline.library.events.EmbeddedBroker;
import org.vaultline.library.events.EventPublisher;
import org.vaultline.library.events.LibrarySummary;
import org.vaultline.library.events.MqttProtocol;
import org.vaultline.library.events.MqttSettings;
import org.vaultline.library.events.OutboxSource;
import org.vaultline.library.events.RetainedSnapshot;
import org.vaultline.library.events.TlsSettings;
import org.vaultline.library.events.VolumeState;
import org.vaultline.library.store.ElementSnapshot;
import org.vaultline.library.store.Library;
import org.vaultline.library.store.Message;
import org.vaultline.library.store.Origin;
import org.vaultline.library.store.OutboxStatus;
import org.vaultline.library.store.Store;
import org.vaultline.library.store.StoreOptions;
import org.vaultline.scsi.smc.ElementType;

/**
 * The running server, started and stopped in one place so that tests can run it in process: the store (migrated),
 * the server's commands (libraries started, moves settled, DRM reconciled), the MQTT publisher (to the configured
 * brokers or an embedded one), the administrative API, the serial console, outbox housekeeping, and systemd's
 * notifications and watchdog. {@link #stop()} is the graceful stop of SIGTERM: new commands are refused, work in
 * progress is asked to finish, the outbox is flushed, {@code offline} is published, everything is closed.
 * {@link Vaultlined} is the command-line entry point.
 */
public final class Daemon implements AutoCloseable {
  /** The store file in the data directory. */
  public static final String STORE_FILE = "vaultline.db";
  /** The file in the data directory holding the administrative API's base URL. */
  public static final String ADMIN_URL_FILE = "admin.url";

  /** Opens the server's command facade on the store. */
  @FunctionalInterface
  public interface ServerFactory {
    CommandServer open(Store store, Connector connector, ControlOptions options, ZoneId zone);
  }

  /**
   * What the daemon is made of besides its options.
   *
   * @param connector opens the devices of DEFINE PATH's device URLs
   * @param environment the process environment ({@code NOTIFY_SOCKET}, {@code WATCHDOG_USEC})
   * @param quiesceTimeout how long a stop waits for work in progress
   * @param flushTimeout how long a stop waits for the outbox to be published
   * @param housekeeping how often the outbox is kept within its limits
   * @param storeOptions how the store is opened: its clock and the outbox limits
   * @param startExtension while starting, systemd's start timeout is extended by this much (EXTEND_TIMEOUT_USEC),
   *     again every third of it, so that a long first inventory does not exceed TimeoutStartSec
   */
  public record Parts(Connector connector, ServerFactory servers, PasswordHasher hasher, LockoutPolicy lockout,
      Map<String, String> environment, Duration quiesceTimeout, Duration flushTimeout, Duration housekeeping,
      ControlOptions controlOptions, StoreOptions storeOptions, Duration startExtension) {
    public Parts {
      Objects.requireNonNull(connector, "connector");
      Objects.requireNonNull(servers, "servers");
      Objects.requireNonNull(hasher, "hasher");
      Objects.requireNonNull(lockout, "lockout");
      environment = Map.copyOf(environment);
      Objects.requireNonNull(quiesceTimeout, "quiesceTimeout");
      Objects.requireNonNull(flushTimeout, "flushTimeout");
      Objects.requireNonNull(housekeeping, "housekeeping");
      Objects.requireNonNull(controlOptions, "controlOptions");
      Objects.requireNonNull(storeOptions, "storeOptions");
      if (housekeeping.isNegative() || housekeeping.isZero()) {
        throw new IllegalArgumentException("housekeeping interval must be positive: " + housekeeping);
      }
      if (startExtension.toMillis() < 3) {
        throw new IllegalArgumentException("start extension too short: " + startExtension);
      }
    }

    /**
     * Production parts: {@link ServerCommandsServer}, the real hasher, 5 failures lock for 15 minutes; a stop waits up
     * to 60 s for work in progress and 20 s for the outbox, inside systemd's default TimeoutStopSec of 90 s; outbox
     * housekeeping every 5 minutes; while starting, the start timeout is extended by 90 s every 30 s.
     */
    public static Parts production(Connector connector) {
      return new Parts(connector, ServerCommandsServer::open, new PasswordHasher(), LockoutPolicy.defaults(),
          System.getenv(), Duration.ofSeconds(60), Duration.ofSeconds(20), Duration.ofMinutes(5),
          ControlOptions.DEFAULT, StoreOptions.DEFAULT, Duration.ofSeconds(90));
    }

    public Parts withServers(ServerFactory f) {
      return new Parts(connector, f, hasher, lockout, environment, quiesceTimeout, flushTimeout, housekeeping,
          controlOptions, storeOptions, startExtension);
    }

    public Parts withHasher(PasswordHasher h) {
      return new Parts(connector, servers, h, lockout, environment, quiesceTimeout, flushTimeout, housekeeping,
          controlOptions, storeOptions, startExtension);
    }

    public Parts withEnvironment(Map<String, String> env) {
      return new Parts(connector, servers, hasher, lockout, env, quiesceTimeout, flushTimeout, housekeeping,
          controlOptions, storeOptions, startExtension);
    }

    public Parts withControlOptions(ControlOptions c) {
      return new Parts(connector, servers, hasher, lockout, environment, quiesceTimeout, flushTimeout, housekeeping,
          c, storeOptions, startExtension);
    }

    public Parts withTimeouts(Duration quiesce, Duration flush) {
      return new Parts(connector, servers, hasher, lockout, environment, quiesce, flush, housekeeping,
          controlOptions, storeOptions, startExtension);
    }

    public Parts withStoreOptions(StoreOptions o) {
      return new Parts(connector, servers, hasher, lockout, environment, quiesceTimeout, flushTimeout, housekeeping,
          controlOptions, o, startExtension);
    }

    public Parts withHousekeeping(Duration every) {
      return new Parts(connector, servers, hasher, lockout, environment, quiesceTimeout, flushTimeout, every,
          controlOptions, storeOptions, startExtension);
    }

    public Parts withStartExtension(Duration extension) {
      return new Parts(connector, servers, hasher, lockout, environment, quiesceTimeout, flushTimeout, housekeeping,
          controlOptions, storeOptions, extension);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Options options;
  private final Parts parts;
  private final Instant started;
  private final SdNotify notify;
  private final List<AutoCloseable> opened = new ArrayList<>();
  private final ScheduledExecutorService timers;
  private Store store;
  private CommandServer server;
  private EmbeddedBroker broker;
  private MqttSettings mqtt;
  private EventPublisher publisher;
  private AdminCommands commands;
  private AdminApi api;
  private SerialConsole console;
  private Scheduler scheduler;
  private Thread consoleThread;
  /** {@link #stop()} was called (from the SIGTERM hook, possibly while {@link #startUp} is still running). */
  private volatile boolean stopped;
  /** {@link #startUp} failed and closed everything itself. */
  private volatile boolean failed;
  /** The thread running {@link #startUp}, while it runs; interrupted by a stop during start-up. */
  private volatile Thread starting;
  private final CountDownLatch startEnded = new CountDownLatch(1);
  private final AtomicLong housekeepingRuns = new AtomicLong();
  /** What start-up is doing, for the message of a stop during start-up. */
  private volatile String phase = "opening the store";

  private Daemon(Options options, Parts parts) {
    this.options = options;
    this.parts = parts;
    this.started = Instant.now();
    this.notify = SdNotify.fromEnvironment(parts.environment());
    this.timers = Executors.newScheduledThreadPool(1, r -> {
      Thread t = new Thread(r, "vaultline-timers");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Starts every part in order, logging a VLN08xx message for each; on a failure stops what was started and throws.
   *
   * @param optionsFile named in the start message
   */
  public static Daemon start(Options options, String optionsFile, Parts parts) throws Exception {
    Daemon d = create(options, parts);
    if (!d.startUp(optionsFile)) {
      throw new IllegalStateException("stopped during start-up");
    }
    return d;
  }

  /**
   * A daemon not started yet, so that {@link #stop()} can be wired to SIGTERM before {@link #startUp} begins: a
   * stop while libraries are still being inventoried must end cleanly too.
   */
  public static Daemon create(Options options, Parts parts) {
    return new Daemon(Objects.requireNonNull(options, "options"), Objects.requireNonNull(parts, "parts"));
  }

  /**
   * Starts every part in order, logging a VLN08xx message for each. While it runs, systemd's start timeout is
   * extended ({@link Parts#startExtension()}).
   *
   * @param optionsFile named in the start message
   * @return true when serving; false when {@link #stop()} was called during start-up (the stop closes what was
   *     started, publishing {@code offline} if the publisher had started)
   * @throws Exception when a part cannot start, after closing what was started
   */
  public boolean startUp(String optionsFile) throws Exception {
    synchronized (this) {
      if (starting != null || startEnded.getCount() == 0) {
        throw new IllegalStateException("start-up runs once");
      }
      if (stopped) { // SIGTERM before start-up began: nothing to start, nothing to close
        startEnded.countDown();
        return false;
      }
      starting = Thread.currentThread();
    }
    ScheduledFuture<?> extending = null;
    try {
      if (notify.enabled()) {
        long every = Math.max(1, parts.startExtension().toMillis() / 3);
        extending = timers.scheduleAtFixedRate(this::extendStartTimeout, 0, every, TimeUnit.MILLISECONDS);
      }
      startAll(optionsFile, extending);
      return true;
    } catch (Exception | Error e) {
      if (stopped) {
        Thread.interrupted(); // the stop's interrupt has done its work
        Logger.info("Start-up ended by the stop request: {}", String.valueOf(e.getMessage()));
        return false;
      }
      Logger.error(AdminMessages.START_FAILED.format(String.valueOf(e.getMessage())).render());
      if (extending != null) {
        extending.cancel(false);
      }
      closeAll();
      failed = true;
      throw e;
    } finally {
      starting = null;
      startEnded.countDown();
    }
  }

  /** Thrown inside start-up between its steps once a stop was requested. */
  private static final class StopRequested extends Exception {
    private static final long serialVersionUID = 1L;

    StopRequested(String phase) {
      super("stop requested while " + phase, null, false, false);
    }
  }

  private void step(String next) throws StopRequested {
    if (stopped) {
      throw new StopRequested(phase);
    }
    phase = next;
  }

  /** EXTEND_TIMEOUT_USEC: systemd's TimeoutStartSec is pushed to {@link Parts#startExtension()} from now. */
  private void extendStartTimeout() {
    try {
      notify.send("EXTEND_TIMEOUT_USEC=" + parts.startExtension().toNanos() / 1000, "STATUS=Starting: " + phase);
    } catch (IOException e) {
      Logger.warn("sd_notify EXTEND_TIMEOUT_USEC failed: {}", e.getMessage());
    }
  }

  private void startAll(String optionsFile, ScheduledFuture<?> extending) throws Exception {
    long t0 = System.nanoTime();
    String name = options.applianceName();
    info(AdminMessages.STARTING.format(version(), name, optionsFile, options.dataDirectory()));
    Files.createDirectories(options.dataDirectory());
    store = Store.open(options.dataDirectory().resolve(STORE_FILE), parts.storeOptions());
    opened.add(store);
    record(AdminMessages.STARTING.format(version(), name, optionsFile, options.dataDirectory()));
    info(AdminMessages.STORE_OPEN.format(store.file(), store.schemaVersion(), store.migratedFrom()));

    step("starting the libraries");
    ZoneId zone = options.zone();
    ControlOptions control = parts.controlOptions().withServerName(name).withZone(zone);
    server = parts.servers().open(store, parts.connector(), control, zone);
    opened.add(server);
    for (Message m : server.start(Origin.SERVER)) {
      info(m);
    }

    step("starting the MQTT publisher");
    startPublisher();

    step("starting the administrative API");
    AdminAuthentication auth = new AdminAuthentication(new StoreAdministrators(store), parts.hasher(),
        parts.lockout(), Clock.systemUTC());
    StoreSchedules schedules = new StoreSchedules(store);
    scheduler = Scheduler.create(schedules, this::runScheduled, zone, m -> {
      info(m);
      record(m);
    });
    ScheduleCommands scheduleCommands = new ScheduleCommands(schedules, Clock.system(zone), zone, scheduler::wake);
    commands = new AdminCommands(store, auth, new ServerAndSchedules(server, scheduleCommands, Clock.system(zone),
        zone), this::statusTable, this::wakePublisher);
    char[] keystorePassword = keystorePassword();
    api = AdminApi.start(options.adminAddress(), options.adminPort(), options.adminKeystore(), keystorePassword,
        commands, this::statusJson);
    opened.add(api);
    Path urlFile = options.dataDirectory().resolve(ADMIN_URL_FILE);
    Path tmp = urlFile.resolveSibling(ADMIN_URL_FILE + ".tmp");
    Files.writeString(tmp, api.uri() + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, urlFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    info(AdminMessages.API_LISTENING.format(api.uri(), urlFile));

    if (options.serialConsole().isPresent()) {
      String device = options.serialConsole().get().toString();
      console = new SerialConsole(device, options.serialSpeed(), name, auth, new AdminConsoleCommands(commands),
          this::consoleEvent);
      consoleThread = new Thread(console, "vaultline-serial-console");
      consoleThread.setDaemon(true);
      consoleThread.start();
      info(AdminMessages.CONSOLE_SERVING.format(device, options.serialSpeed()));
    }

    step("starting the scheduler");
    scheduler.start();
    info(AdminMessages.SCHEDULER_STARTED.format(schedules.all().size()));

    long every = parts.housekeeping().toMillis();
    timers.scheduleWithFixedDelay(this::housekeep, Math.min(every, 60_000), every, TimeUnit.MILLISECONDS);
    Optional<Watchdog> watchdog = Watchdog.fromEnvironment(parts.environment(), ProcessHandle.current().pid());
    if (watchdog.isPresent() && notify.enabled()) {
      long ping = watchdog.get().pingInterval().toMillis();
      timers.scheduleAtFixedRate(this::ping, 0, Math.max(1, ping), TimeUnit.MILLISECONDS);
    }
    step("ready");
    if (extending != null) {
      extending.cancel(false);
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    info(AdminMessages.READY.format(name, ms));
    record(AdminMessages.READY.format(name, ms));
    try {
      notify.send("READY=1", "STATUS=Serving on " + api.uri());
    } catch (IOException e) {
      Logger.warn("sd_notify READY failed: {}", e.getMessage());
    }
  }

  private void startPublisher() throws IOException {
    List<URI> brokers = options.mqttBrokers();
    if (options.embeddedBroker()) {
      broker = EmbeddedBroker.start(options.mqttEmbeddedPort());
      opened.add(broker);
      brokers = List.of(broker.uri());
      info(AdminMessages.EMBEDDED_BROKER.format(broker.uri()));
    }
    String name = options.applianceName();
    MqttSettings s = MqttSettings.forAppliance(name, brokers).withVersion(version())
        .withTopicRoot(options.mqttRootTopic() + "/" + name + "/")
        .withProtocol(options.mqttVersion() == MqttVersion.V5 ? MqttProtocol.MQTT_5 : MqttProtocol.MQTT_3_1_1);
    if (options.mqttUsername().isPresent()) {
      String password = options.mqttPasswordFile().isPresent() ? firstLine(options.mqttPasswordFile().get()) : "";
      s = s.withCredentials(new BrokerCredentials(options.mqttUsername().get(), password));
    }
    if (options.mqttTls()) {
      s = s.withTls(options.mqttTruststore().map(TlsSettings::trusting)
          .orElse(new TlsSettings(Optional.empty(), Optional.empty(), Optional.empty(), true)));
    }
    mqtt = s;
    publisher = new EventPublisher(s, OutboxSource.of(store.outbox()), this::retainedSnapshot).start();
    info(AdminMessages.MQTT_PUBLISHING.format(String.join(", ", brokers.stream().map(URI::toString).toList()),
        rootTopic(), options.mqttVersion().text()));
  }

  /**
   * The retained state after a restart: the DRM volumes' states ({@code volumes/<volser>}) and each inventoried
   * library's counts ({@code library/<lib>/summary}), so that a broker that lost its retained messages (restarted
   * without persistence) has them again. The outbox's last seq is read first, so every event the snapshot may not
   * reflect has a greater seq and is replayed on top of it.
   */
  private RetainedSnapshot retainedSnapshot() {
    long seq = store.outbox().status().lastSeq();
    List<VolumeState> volumes = new ArrayList<>();
    if (server instanceof ServerCommandsServer s) {
      for (DrmVolume v : s.commands().drm().volumes()) {
        volumes.add(new VolumeState(v.name(), v.state().name(), v.location(), v.library(), v.kind().volumeType(),
            v.pool()));
      }
    }
    List<LibrarySummary> libraries = store.read(r -> {
      List<LibrarySummary> out = new ArrayList<>();
      for (Library l : r.libraries().list()) {
        summary(l.name(), r.elements().list(l.name())).ifPresent(out::add);
      }
      return out;
    });
    return new RetainedSnapshot(seq, Instant.now(), volumes, libraries);
  }

  /** A library's counts from its last inventory; empty when it was never inventoried. */
  static Optional<LibrarySummary> summary(String library, List<ElementSnapshot> elements) {
    int slots = 0;
    int slotsUsed = 0;
    int io = 0;
    int ioUsed = 0;
    int drives = 0;
    int drivesLoaded = 0;
    List<String> ioVolumes = new ArrayList<>();
    for (ElementSnapshot e : elements) { // in element address order
      if (e.type() == ElementType.STORAGE) {
        slots++;
        slotsUsed += e.full() ? 1 : 0;
      } else if (e.type() == ElementType.IMPORT_EXPORT) {
        io++;
        if (e.full()) {
          ioUsed++;
          e.barcode().ifPresent(ioVolumes::add);
        }
      } else if (e.type() == ElementType.DATA_TRANSFER) {
        drives++;
        drivesLoaded += e.full() ? 1 : 0;
      }
    }
    if (elements.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new LibrarySummary(library, slots, slotsUsed, io, ioUsed, ioVolumes, drives, drivesLoaded));
  }

  /** The administrative API's base URL. */
  public URI adminUrl() {
    return api.uri();
  }

  /** The brokers the events go to (the embedded one when none is configured). */
  public List<URI> brokers() {
    return mqtt.brokers();
  }

  /** The MQTT topic root without its final slash, e.g. {@code vaultline/VAULTLINE}. */
  public String rootTopic() {
    String r = mqtt.topicRoot();
    return r.endsWith("/") ? r.substring(0, r.length() - 1) : r;
  }

  public Store store() {
    return store;
  }

  /** The command dispatcher of the API and the console. */
  public AdminCommands commands() {
    return commands;
  }

  /**
   * The graceful stop (SIGTERM): new commands are refused with VLN0833E (HTTP 503), the server is asked to finish
   * the work in progress ({@link Parts#quiesceTimeout()}), the outbox is flushed to the broker
   * ({@link Parts#flushTimeout()}), {@code status} offline is published, and everything is closed. Idempotent.
   */
  public void stop() {
    synchronized (this) {
      if (stopped) {
        return;
      }
      stopped = true;
    }
    try {
      notify.stopping();
    } catch (IOException e) {
      Logger.warn("sd_notify STOPPING failed: {}", e.getMessage());
    }
    abandonStartUp();
    synchronized (this) {
      if (!failed) {
        stopStarted();
      }
    }
  }

  /**
   * A stop during start-up: start-up is interrupted (an inventory in progress is only reading; a move it was settling
   * is settled again at the next start), and if it has not ended within {@link Parts#quiesceTimeout()} the
   * libraries' connections are closed under it.
   */
  private void abandonStartUp() {
    Thread t = starting;
    if (t == null || startEnded.getCount() == 0) {
      return;
    }
    warn(AdminMessages.STOP_DURING_START.format(options.applianceName(), phase));
    t.interrupt();
    try {
      if (!startEnded.await(parts.quiesceTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        warn(AdminMessages.START_NOT_ENDED.format(parts.quiesceTimeout()));
        CommandServer s = server;
        if (s != null) {
          quietly("the server's libraries", s::close);
        }
        startEnded.await(parts.flushTimeout().toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void stopStarted() {
    String name = options.applianceName();
    if (commands != null) {
      commands.refuseNewCommands();
    }
    if (store != null) {
      info(AdminMessages.STOPPING.format(name));
      record(AdminMessages.STOPPING.format(name));
    }
    if (console != null) {
      console.stop();
    }
    stopScheduler(Duration.ofSeconds(1)); // a scheduled command in progress is robot work: quiesce below
    if (server != null && !server.quiesce(parts.quiesceTimeout())) {
      warn(AdminMessages.QUIESCE_TIMEOUT.format(parts.quiesceTimeout()));
    }
    if (publisher != null) {
      flush();
    }
    closeAll();
  }

  @Override
  public void close() {
    stop();
  }

  private void flush() {
    publisher.wake();
    long deadline = System.nanoTime() + parts.flushTimeout().toNanos();
    OutboxStatus s = store.outbox().status();
    while (s.unpublished() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      s = store.outbox().status();
    }
    if (s.unpublished() == 0) {
      info(AdminMessages.OUTBOX_FLUSHED.format(s.lastSeq()));
    } else {
      warn(AdminMessages.OUTBOX_NOT_FLUSHED.format(parts.flushTimeout(), s.unpublished()));
    }
  }

  /** Closes in reverse order of opening: the API and console first, the store last. */
  private void closeAll() {
    timers.shutdownNow();
    stopScheduler(Duration.ofSeconds(1));
    if (console != null) {
      console.stop();
      if (consoleThread != null) {
        try {
          consoleThread.join(5000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    if (publisher != null) {
      quietly("the MQTT publisher", publisher::close); // publishes status offline
    }
    boolean storeOpen = store != null;
    List<AutoCloseable> reverse = new ArrayList<>(opened);
    java.util.Collections.reverse(reverse);
    for (AutoCloseable c : reverse) {
      if (c == store) {
        record(AdminMessages.STOPPED.format(options.applianceName()));
        storeOpen = false;
      }
      quietly(c.getClass().getSimpleName(), c::close);
    }
    if (api != null) {
      try {
        Files.deleteIfExists(options.dataDirectory().resolve(ADMIN_URL_FILE));
      } catch (IOException e) {
        Logger.warn("Cannot remove {}: {}", ADMIN_URL_FILE, e.getMessage());
      }
    }
    if (!storeOpen) {
      info(AdminMessages.STOPPED.format(options.applianceName()));
    }
  }

  private void quietly(String what, ThrowingRunnable r) {
    try {
      r.run();
    } catch (Exception | Error e) {
      warn(AdminMessages.COMPONENT_FAILED.format(what, String.valueOf(e.getMessage())));
    }
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  private void stopScheduler(Duration timeout) {
    Scheduler s = scheduler;
    scheduler = null;
    if (s != null) {
      s.stop(timeout);
    }
  }

  /** A schedule's command, run as its owner through the same checks as the API (the owner's authority). */
  private Scheduler.RunOutcome runScheduled(String owner, String command) {
    Optional<org.vaultline.appliance.auth.Administrator> admin =
        new StoreAdministrators(store).find(org.vaultline.appliance.auth.AdminId.of(owner));
    if (admin.isEmpty() || commands.locked(admin.get().id())) {
      return Scheduler.RunOutcome.failed(AdminMessages.NOT_REGISTERED.format(owner).render() + " (or locked)");
    }
    org.vaultline.appliance.api.CommandOutcome o = commands.run(admin.get(), command);
    List<Message> ms = o.result().messages();
    String summary = ms.isEmpty() ? o.result().command() + " ran." : ms.get(ms.size() - 1).render();
    return o.ok() ? Scheduler.RunOutcome.completed(summary) : Scheduler.RunOutcome.failed(summary);
  }

  private void housekeep() {
    try {
      store.outbox().housekeep();
    } catch (RuntimeException e) {
      warn(AdminMessages.HOUSEKEEPING_FAILED.format(String.valueOf(e.getMessage())));
    } finally {
      housekeepingRuns.incrementAndGet();
    }
  }

  /** How many times outbox housekeeping has run (for tests that wait for the schedule). */
  long housekeepingRuns() {
    return housekeepingRuns.get();
  }

  private void ping() {
    try {
      notify.watchdog();
    } catch (IOException e) {
      Logger.warn("sd_notify WATCHDOG failed: {}", e.getMessage());
    }
  }

  private void wakePublisher() {
    EventPublisher p = publisher;
    if (p != null) {
      p.wake();
    }
  }

  private void consoleEvent(ConsoleEvent e) {
    Message m;
    if (e instanceof ConsoleEvent.PortOpened p) {
      m = AdminMessages.CONSOLE_OPENED.format(p.device());
    } else if (e instanceof ConsoleEvent.PortUnavailable p) {
      m = AdminMessages.CONSOLE_UNAVAILABLE.format(p.device(), p.reason());
    } else if (e instanceof ConsoleEvent.LoggedIn l) {
      m = AdminMessages.CONSOLE_LOGIN.format(l.id(), options.serialConsole().map(Path::toString).orElse(""));
    } else if (e instanceof ConsoleEvent.LoginFailed f) {
      m = AdminMessages.CONSOLE_LOGIN_FAILED.format(f.id(), f.message());
    } else if (e instanceof ConsoleEvent.LoggedOut l) {
      m = AdminMessages.CONSOLE_LOGOUT.format(l.id());
    } else if (e instanceof ConsoleEvent.Disconnected d) {
      m = AdminMessages.CONSOLE_DISCONNECTED.format(d.device(),
          d.id().map(id -> " during the session of " + id + (d.duringCommand() ? ", in a command" : "")).orElse(""));
    } else {
      return; // CommandRun: AdminCommands logs every command itself
    }
    info(m);
    record(m);
  }

  /** QUERY STATUS. */
  private ResultTable statusTable() {
    OutboxStatus o = store.outbox().status();
    return ResultTable.builder("Server Name", "Server Version", "Server Started", "Store", "Schema Version",
        "Administrative API", "MQTT Brokers", "MQTT Root Topic", "Unpublished Events")
        .row(options.applianceName(), version(), started.toString(), store.file(), store.schemaVersion(),
            api == null ? "" : api.uri(), String.join(",", brokers().stream().map(URI::toString).toList()),
            rootTopic(), o.unpublished())
        .build();
  }

  /** GET /api/v1/status. */
  private ObjectNode statusJson() {
    ObjectNode n = JSON.createObjectNode();
    n.put("appliance", options.applianceName());
    n.put("version", version());
    n.put("started", started.toString());
    ObjectNode m = n.putObject("mqtt");
    ArrayNode b = m.putArray("brokers");
    brokers().forEach(u -> b.add(u.toString()));
    m.put("rootTopic", rootTopic());
    m.put("version", options.mqttVersion().text());
    return n;
  }

  private char[] keystorePassword() throws IOException {
    if (options.adminKeystorePasswordFile().isEmpty()) {
      return new char[0];
    }
    return firstLine(options.adminKeystorePasswordFile().get()).toCharArray();
  }

  static String firstLine(Path file) throws IOException {
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.findFirst().orElse("");
    }
  }

  /** The build's version (the jar manifest's Implementation-Version), or {@code 0.1.0-SNAPSHOT} from classes. */
  public static String version() {
    String v = Daemon.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-SNAPSHOT" : v;
  }

  private static void info(Message m) {
    if (m.severity() == org.vaultline.library.store.Severity.INFORMATION) {
      Logger.info(m.render());
    } else {
      warn(m);
    }
  }

  private static void warn(Message m) {
    if (m.severity() == org.vaultline.library.store.Severity.WARNING) {
      Logger.warn(m.render());
    } else {
      Logger.error(m.render());
    }
  }

  /** Writes {@code m} to the activity log; a store that cannot be written is logged, not thrown. */
  private void record(Message m) {
    try {
      store.transact(tx -> tx.log(m));
    } catch (RuntimeException e) {
      Logger.warn("Cannot write {} to the activity log: {}", m.id(), e.getMessage());
    }
  }
}
