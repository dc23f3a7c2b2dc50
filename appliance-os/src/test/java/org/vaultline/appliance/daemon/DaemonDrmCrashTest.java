package org.vaultline.appliance.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.library.inventory.InventoryElement;
import org.vaultline.library.inventory.LibraryInventory;
import org.vaultline.library.store.Store;
import org.vaultline.scsi.smc.ElementType;
import picocli.CommandLine;

/**
 * Issue 6's crash proof with the real daemon: {@code vaultlined} as a child JVM on a real SQLite file drives the
 * {@code large} library (the standalone emulator over iSCSI, another child JVM that keeps running as a real library
 * would: 4 I/O stations of 18, a robot move of 20 ms). 200 copy-pool volumes are registered through the API once;
 * then, 20 times, {@code MOVE DRMEDIA * WHERESTATE=MOUNTABLE TOSTATE=VAULT REMOVE=BULK} runs and the daemon is
 * killed with SIGKILL at a seeded random point: 0-25 ms after its k-th eject shows in the library's element status
 * (before, between or after that volume's check-out and state change commits, or in the next move), or while it waits
 * for the operator to empty the full station (at least once), and in some trials once more while it is starting again
 * (inventory, settling, DRM reconcile or later). The operator (the test, through the emulator's operator port) empties
 * the four stations when the daemon asks, and in some trials while the daemon is down (the courier came).
 *
 * <p>After each restart, through the API and the library's own element status read by the test's initiator: every
 * DRM volume is either MOUNTABLE, checked in and in the slot QUERY LIBVOLUME gives as its home, or VAULT, not checked
 * in and out of the library (in an I/O station cell, or taken out by the operator); nothing is both, no cartridge is
 * anywhere twice, QUERY LIBVOLUME is exactly the cartridges in slots, and no VAULT volume ever comes back. The
 * restart's VLN0506I (activity log and console) must count exactly the interrupted ejects it had to complete: the
 * volumes whose MOVE DRMEDIA was pending in the store (read while the daemon was dead) and whose cartridge had left.
 * A request the dead daemon had raised is gone, and AUDIT LIBRARY then finds nothing to correct. The last run
 * finishes the move and all 200 volumes are VAULT. Another seed: {@code -Ddrmcrash.seed=N}.
 */
class DaemonDrmCrashTest {
  private static final int VOLUMES = 200;
  private static final int TRIALS = Integer.getInteger("drmcrash.trials", 20);
  private static final int STATIONS = 4;
  private static final long SEED = Long.getLong("drmcrash.seed", 20261122L);
  private static final String PASSWORD = "crash-secret-1";
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern COMPLETED = Pattern.compile("VLN0506I .*; (\\d+) interrupted MOVE DRMEDIA ejects");

  @TempDir Path dir;
  private StandaloneLibrary library;
  private Process daemon;
  private Path daemonOutput;
  private URI base;
  private int starts;
  private int posts;
  private long postNanos;
  private long startNanos;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  /** Volumes the operator took out of the I/O stations (for the courier). */
  private final Set<String> removed = new TreeSet<>();
  /** Volumes seen VAULT: none may ever be anything else again. */
  private final Set<String> vaulted = new TreeSet<>();

  @AfterEach
  void stopChildrenByPid() throws InterruptedException {
    if (daemon != null && daemon.isAlive()) {
      daemon.destroyForcibly(); // SIGKILL to this PID only
      daemon.waitFor(30, TimeUnit.SECONDS);
    }
    if (library != null) {
      library.close();
    }
  }

  @Test
  void sigkillAtRandomPointsOfMoveDrmediaLeavesEveryVolumeWhereTheLibrarySaysItIs() throws Exception {
    long t0 = System.nanoTime();
    List<String> barcodes = new ArrayList<>();
    for (int i = 0; i < VOLUMES; i++) {
      barcodes.add(String.format("KIL%03dL8", i));
    }
    library = StandaloneLibrary.start(dir.resolve("emulator.out"), "--personality", "large", "--move-time", "0.02",
        "--load-time", "0", "--inventory-time", "0", "--autosave", "0", "--stock", String.join(",", barcodes));
    Path options = options();
    registerAdmin(options);
    startDaemon(options);
    setUp();
    check();
    long setUpDone = System.nanoTime();

    Random random = new Random(SEED);
    int completedAtRestart = 0;
    int killsWhileWaiting = 0;
    int killsInStartUp = 0;
    int emptied = 0;
    int emptiedWhileDown = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      String context = "trial " + trial + " (seed " + SEED + ")";
      post("move drmedia * wherestate=mountable tostate=vault remove=bulk");
      int more = 1 + (random.nextInt(4) == 0 ? random.nextInt(30) : random.nextInt(6));
      int cap = VOLUMES - 10 - (TRIALS - trial); // volumes left for every later run (a kill may come an eject late)
      int target = Math.min(outOfLibrary() + more, cap);
      boolean killWhileWaiting = random.nextBoolean(); // when the station fills up in this trial
      if (trial == TRIALS / 2) { // at least once: fill the station and die while the operator is asked to empty it
        target = cap;
        killWhileWaiting = true;
      }
      int delayMillis = random.nextInt(25);
      boolean killedWhileWaiting = false;
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (true) {
        List<InventoryElement> station = library.station();
        long full = station.stream().filter(InventoryElement::full).count();
        if (full + removed.size() >= target) {
          Thread.sleep(delayMillis); // a random moment around that eject's commits
          break;
        }
        if (full == station.size()) {
          awaitRequest(context);
          if (killWhileWaiting) {
            killedWhileWaiting = true;
            killsWhileWaiting++;
            break;
          }
          operatorEmptiesStations();
          emptied++;
          continue;
        }
        assertThat(daemon.isAlive()).as("%s: the daemon died by itself:%n%s", context, daemonOutput()).isTrue();
        assertThat(System.nanoTime()).as("%s: no eject number %d in time:%n%s", context, target, daemonOutput())
            .isLessThan(deadline);
        Thread.sleep(2);
      }
      kill();
      if (random.nextInt(4) == 0) { // the courier came while the server was down
        operatorEmptiesStations();
        emptiedWhileDown++;
      }
      Set<String> expected = interruptedEjects();
      if (random.nextInt(5) == 0) {
        Process starting = spawnDaemon(options);
        StandaloneLibrary.await(daemonOutput, "VLN0801I", starting); // the store is open: the library is next
        Thread.sleep(random.nextInt(1500)); // inventory, settling, reconciling, or later
        kill();
        killsInStartUp++;
        expected = interruptedEjects();
      }
      startDaemon(options);
      int reported = serverStartedCompletions(context);
      assertThat(reported).as("%s: VLN0506I counts the pending ejects whose cartridge had left: %s", context,
          expected).isEqualTo(expected.size());
      completedAtRestart += reported;
      int vault = check(); // the restart alone made everything consistent
      if (killedWhileWaiting) {
        assertThat(post("q request").path("rows")).as("%s: the dead server's request was cancelled", context)
            .isEmpty();
      }
      JsonNode audit = post("audit library LIB1 checklabel=barcode");
      assertThat(audit.path("messages").findValuesAsText("severity")).as("%s: %s", context, audit).containsOnly("I");
      assertThat(audit.path("text").asText()).as("%s: the audit finds nothing to correct", context)
          .contains("AUDIT LIBRARY LIB1 completed: " + (VOLUMES - vault) + " volumes checked, 0 home elements"
              + " corrected, 0 volumes removed, 0 cartridges unknown.");
    }
    long trialsDone = System.nanoTime();

    CompletableFuture<JsonNode> last = CompletableFuture.supplyAsync(() -> {
      try {
        return post("move drmedia * wherestate=mountable tostate=vault remove=bulk wait=yes");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    });
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!last.isDone()) {
      List<InventoryElement> station = library.station();
      if (station.stream().allMatch(InventoryElement::full) && !last.isDone()) {
        awaitRequest("the last run");
        operatorEmptiesStations();
        emptied++;
      }
      assertThat(System.nanoTime()).as("the last run did not end in time:%n%s", daemonOutput()).isLessThan(deadline);
      Thread.sleep(5);
    }
    JsonNode end = last.get();
    assertThat(end.path("text").asText()).contains("completed");
    assertThat(check()).as("every volume is at the vault").isEqualTo(VOLUMES);
    assertThat(library.isAlive()).as("the library ran throughout").isTrue();

    daemon.toHandle().destroy(); // SIGTERM: the graceful stop
    assertThat(daemon.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    long t1 = System.nanoTime();
    System.out.printf("DaemonDrmCrashTest: %d trials (%d kills while waiting for the operator, %d more during"
        + " start-up), %d daemon starts, %d interrupted ejects completed at restart, stations emptied %d times"
        + " when asked and %d times while the daemon was down;"
        + " %.1f s in all (set-up %.1f s, trials %.1f s, last run %.1f s); %d daemon starts to ready took %.1f s,"
        + " %d API commands %.1f s%n", TRIALS, killsWhileWaiting,
        killsInStartUp, starts, completedAtRestart, emptied, emptiedWhileDown, (t1 - t0) / 1e9, (setUpDone - t0) / 1e9,
        (trialsDone - setUpDone) / 1e9, (t1 - trialsDone) / 1e9, starts, startNanos / 1e9, posts, postNanos / 1e9);
  }

  // ---- the library's side ----

  /** Volumes in an I/O station cell now, plus those the operator took out. */
  private int outOfLibrary() throws Exception {
    return (int) library.station().stream().filter(InventoryElement::full).count() + removed.size();
  }

  private void operatorEmptiesStations() throws IOException {
    for (String barcode : library.emptyStations(STATIONS)) {
      assertThat(removed.add(volser(barcode))).as("%s taken out twice", barcode).isTrue();
    }
  }

  private static String volser(String barcode) {
    return barcode.substring(0, 6);
  }

  /**
   * The library once nothing moves any more: the killed daemon's last MOVE MEDIUM, if any, has ended (the emulator
   * finishes a move whose initiator died) when two reads in a row agree and the accessor is empty.
   */
  private LibraryInventory settledInventory() throws Exception {
    LibraryInventory before = library.inventory();
    while (true) {
      Thread.sleep(50);
      LibraryInventory now = library.inventory();
      if (now.elements(ElementType.ALL).equals(before.elements(ElementType.ALL))
          && now.elements(ElementType.MEDIUM_TRANSPORT).stream().noneMatch(InventoryElement::full)) {
        return now;
      }
      before = now;
    }
  }

  // ---- the daemon ----

  private Path options() throws IOException {
    Path file = dir.resolve("vaultlined.opt");
    Files.write(file, List.of("DATADIRECTORY " + dir.resolve("data"), "LOGDIRECTORY " + dir.resolve("log"),
        "ADMINPORT 0", "MQTTEMBEDDEDPORT 0", "TIMEZONE UTC"), StandardCharsets.UTF_8);
    return file;
  }

  private void registerAdmin(Path options) throws IOException {
    Path pw = dir.resolve("admin.pw");
    Files.writeString(pw, PASSWORD + "\n");
    assertThat(new CommandLine(new Vaultlined()).execute("--options", options.toString(), "register-admin", "admin",
        "--password-file", pw.toString())).isZero();
  }

  /** {@code vaultlined --options FILE} as a child JVM, its output (console copy) to a file of its own. */
  private Process spawnDaemon(Path options) throws IOException {
    starts++;
    daemonOutput = dir.resolve("daemon-" + starts + ".out");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")); // starts in ~60 % of the time
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Vaultlined.class.getName(), "--options",
        options.toString()));
    daemon = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(daemonOutput.toFile()).start();
    return daemon;
  }

  /** Starts the daemon and waits until it is ready (VLN0807I), then reads the URL it serves on. */
  private void startDaemon(Path options) throws Exception {
    long t = System.nanoTime();
    Process p = spawnDaemon(options);
    StandaloneLibrary.await(daemonOutput, "VLN0807I", p);
    startNanos += System.nanoTime() - t;

    base = URI.create(Files.readString(dir.resolve("data").resolve(Daemon.ADMIN_URL_FILE)).strip());
  }

  private void kill() throws InterruptedException {
    daemon.destroyForcibly(); // SIGKILL
    assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(daemon.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
  }

  private String daemonOutput() throws IOException {
    return Files.exists(daemonOutput) ? Files.readString(daemonOutput, StandardCharsets.UTF_8) : "";
  }

  /**
   * With the daemon dead: the volumes whose MOVE DRMEDIA is pending in the store (ejected or being ejected, state
   * change not committed) and whose cartridge has left the library. The next start must complete exactly these.
   */
  private Set<String> interruptedEjects() throws Exception {
    LibraryInventory inv = settledInventory();
    Map<String, String> pending;
    try (Store store = Store.open(dir.resolve("data").resolve(Daemon.STORE_FILE))) {
      pending = store.read(r -> r.drmVolumes().pending());
    }
    Set<String> out = new TreeSet<>();
    for (String v : pending.keySet()) {
      List<InventoryElement> at = inv.find(v);
      if (at.isEmpty() || at.get(0).type() == ElementType.IMPORT_EXPORT) {
        out.add(v);
      }
    }
    return out;
  }

  /** The completions the last start reported: its VLN0506I in the activity log, the same as on its console. */
  private int serverStartedCompletions(String context) throws Exception {
    JsonNode rows = post("q actlog msgno=506").path("rows");
    assertThat(rows.size()).as(context).isPositive();
    String logged = rows.get(rows.size() - 1).path("Message").asText();
    Matcher m = COMPLETED.matcher(logged);
    assertThat(m.find()).as("%s: %s", context, logged).isTrue();
    Matcher console = COMPLETED.matcher(daemonOutput());
    assertThat(console.find()).as("%s: VLN0506I on the console:%n%s", context, daemonOutput()).isTrue();
    assertThat(console.group()).as(context).isEqualTo(m.group());
    return Integer.parseInt(m.group(1));
  }

  /** Waits until the daemon has raised an operator request (the full station). */
  private void awaitRequest(String context) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (post("q request").path("rows").isEmpty()) {
      assertThat(daemon.isAlive()).as("%s: the daemon died by itself:%n%s", context, daemonOutput()).isTrue();
      assertThat(System.nanoTime()).as("%s: the station is full and nobody asks to empty it", context)
          .isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private void setUp() throws Exception {
    post("define library LIB1");
    post("define path VAULTLINE LIB1 srctype=server desttype=library device=" + library.url(0));
    post("checkin libvolume LIB1 search=yes status=private checklabel=barcode");
    post("set drmchecklabel no"); // the library has no drive defined to read labels with
    // three clients at once: each request costs the daemon a PBKDF2 of the password
    ExecutorService clients = Executors.newFixedThreadPool(3);
    try {
      List<Future<JsonNode>> defined = new ArrayList<>();
      for (int i = 0; i < VOLUMES; i++) {
        String command = String.format("define drmvolume KIL%03d type=copystgpool pool=OFFSITE status=full"
            + " library=LIB1", i);
        defined.add(clients.submit(() -> post(command)));
      }
      for (Future<JsonNode> f : defined) {
        f.get();
      }
    } finally {
      clients.shutdownNow();
    }
  }

  /** POST /api/v1/command as ADMIN; the command must have run without errors. */
  private JsonNode post(String command) throws IOException, InterruptedException {
    long t = System.nanoTime();
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/command"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("ADMIN:" + PASSWORD)
            .getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("command", command).toString()))
        .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    JsonNode body = JSON.readTree(r.body());
    synchronized (this) {
      posts++;
      postNanos += System.nanoTime() - t;
    }
    assertThat(r.statusCode()).as("%s: %s", command, body).isEqualTo(200);
    assertThat(body.path("ok").asBoolean()).as("%s: %s", command, body.path("text").asText()).isTrue();
    return body;
  }

  // ---- the check ----

  /**
   * Every DRM volume against the library's element status and QUERY LIBVOLUME (see the class comment).
   *
   * @return how many volumes are VAULT
   */
  private int check() throws Exception {
    LibraryInventory inv = library.inventory();
    Map<String, InventoryElement> where = new HashMap<>();
    for (InventoryElement e : inv.elements(ElementType.ALL)) {
      if (e.full()) {
        String v = e.volser().orElseThrow(() -> new AssertionError("a cartridge without a readable label at " + e));
        assertThat(where.put(v, e)).as("%s in two places", v).isNull();
      }
    }
    Map<String, Integer> homes = new HashMap<>();
    for (JsonNode row : post("q libvolume LIB1").path("rows")) {
      homes.put(row.path("Volume Name").asText(), Integer.parseInt(row.path("Home Element").asText()));
    }
    Map<String, String> states = new HashMap<>();
    for (JsonNode row : post("q drmedia * wherestate=all").path("rows")) {
      states.put(row.path("Volume Name").asText(), row.path("State").asText());
    }
    assertThat(states).hasSize(VOLUMES);
    int vault = 0;
    for (Map.Entry<String, String> s : states.entrySet()) {
      String v = s.getKey();
      InventoryElement at = where.get(v);
      if (s.getValue().equalsIgnoreCase("Mountable")) {
        assertThat(vaulted).as("%s was VAULT and is MOUNTABLE again", v).doesNotContain(v);
        assertThat(at).as("MOUNTABLE %s is in the library", v).isNotNull();
        assertThat(at.type()).as("MOUNTABLE %s is in a storage slot", v).isEqualTo(ElementType.STORAGE);
        assertThat(homes.get(v)).as("MOUNTABLE %s is checked in with its slot as home", v)
            .isEqualTo(at.address().value());
      } else {
        assertThat(s.getValue()).as(v).isEqualToIgnoringCase("Vault");
        assertThat(homes).as("VAULT %s is not checked in", v).doesNotContainKey(v);
        if (at == null) {
          assertThat(removed).as("VAULT %s, not in the library: taken out by the operator", v).contains(v);
        } else {
          assertThat(at.type()).as("VAULT %s is in an I/O station cell", v).isEqualTo(ElementType.IMPORT_EXPORT);
        }
        vaulted.add(v);
        vault++;
      }
    }
    Set<String> inSlots = new HashSet<>();
    for (Map.Entry<String, InventoryElement> e : where.entrySet()) {
      if (e.getValue().type() == ElementType.STORAGE) {
        inSlots.add(e.getKey());
      }
    }
    assertThat(homes.keySet()).as("library volumes = cartridges in slots").isEqualTo(inSlots);
    return vault;
  }
}
