package org.vaultline.appliance.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.appliance.api.AdminMessages;
import org.vaultline.appliance.auth.Authority;
import org.vaultline.appliance.auth.PasswordHasher;
import org.vaultline.appliance.auth.PasswordHasherForTests;
import org.vaultline.appliance.daemon.Daemon;
import org.vaultline.appliance.options.OptionsFile;
import org.vaultline.device.DeviceOpener;
import org.vaultline.device.discovery.ScsiGenericDevice;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.emulator.physical.ElementKind;
import org.vaultline.library.control.ControlOptions;
import org.vaultline.library.store.AdminAccount;
import org.vaultline.library.store.Origin;

/**
 * The daemon ({@link Daemon}, as {@code vaultlined} runs it: store, embedded MQTT broker, administrative API on a
 * free port) in the guest's test JVM, driving our standalone emulator only through the kernel's sg nodes
 * ({@code DEVICE=sg:/dev/sgN} for the changer and both drives): a DRM cycle typed at the API as an administrator
 * would, with {@code mtx status} (a peer that reads the changer through the same kernel) as the witness of where
 * the cartridges really are. MOVE DRMEDIA ejects two volumes into the I/O station; the operator (the emulator's
 * operator port) takes them for the courier; reclamation empties one, the operator brings it back, and the
 * automatic check-in, noticing the station's use by the UNIT ATTENTION that reaches it through SG_IO, checks it in
 * as scratch. Afterwards the library is put back as run-tests.sh configured it (mtx transfers and the operator),
 * for the other guest tests.
 */
@EnabledIfSystemProperty(named = Guest.PROPERTY, matches = "true")
class DaemonOnSgInGuest {
  private static final String SERVER = "GUEST";
  private static final String ADMIN = "ADMIN";
  private static final String PASSWORD = "kernel-guest-1";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A blank LTO cartridge's volume name is its barcode without the media suffix (E00001L5 -> E00001). */
  private static final int VOLSER = 6;

  @TempDir
  static Path dir;

  private static Properties emulator;
  private static Personality personality;
  private static ScsiGenericDevice changer;
  private static List<ScsiGenericDevice> drives;
  private static Daemon daemon;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  /** How long each step took in the guest, for daemon-on-sg.txt in the results. */
  private static final Map<String, Duration> TIMES = new LinkedHashMap<>();

  @BeforeAll
  static void startTheDaemonAndDefineTheEmulatorsChangerAndDrivesBySgNode() throws Exception {
    long t0 = System.nanoTime();
    emulator = Guest.target("emulator");
    personality = Personality.named(emulator.getProperty("personality"));
    String iqn = emulator.getProperty("iqn");
    changer = Guest.changerOf(iqn);
    drives = new ArrayList<>();
    for (int i = 0; i < personality.layout().count(ElementKind.DATA_TRANSFER); i++) {
      int lun = i + 1; // the standalone emulator's LUN map: drive i at LUN i + 1
      drives.add(Guest.unit(iqn, lun).orElseThrow(() -> new AssertionError("no LUN " + lun + " in " + iqn)));
    }
    assertThat(mtx()).as("the library as run-tests.sh left it").isEqualTo(configured());

    Path opt = dir.resolve("vaultlined.opt");
    Files.write(opt, List.of("APPLIANCENAME " + SERVER, "DATADIRECTORY " + dir.resolve("data"),
        "LOGDIRECTORY " + dir.resolve("log"), "ADMINPORT 0", "MQTTEMBEDDEDPORT 0", "TIMEZONE UTC"),
        StandardCharsets.UTF_8);
    // PBKDF2 with the production 210,000 iterations costs seconds per request under TCG; the hash keeps its count
    PasswordHasher hasher = PasswordHasherForTests.fast();
    // the attention poll (TEST UNIT READY through SG_IO while idle) short, so the returned cartridge is seen soon
    daemon = Daemon.start(OptionsFile.read(opt), opt.toString(), Daemon.Parts.production(DeviceOpener.standard()::open)
        .withHasher(hasher).withEnvironment(Map.of())
        .withControlOptions(ControlOptions.DEFAULT.withPolls(Duration.ofMillis(250), Duration.ofSeconds(5)))
        .withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(10)));
    String hash = hasher.hash(PASSWORD.toCharArray()).encode();
    // as vaultlined register-admin does it, with the test's hasher
    daemon.store().transact(Origin.SERVER, tx -> {
      tx.administrators().insert(new AdminAccount(ADMIN, hash, Authority.SYSTEM.name(), 0, Optional.empty(), false,
          tx.now(), Optional.empty(), Optional.empty()));
      tx.log(AdminMessages.FIRST_ADMIN, ADMIN);
    });
    time("daemon started", t0);

    long t1 = System.nanoTime();
    ok("define library LIB1 libtype=scsi");
    ok("define path " + SERVER + " LIB1 srctype=server desttype=library device=sg:" + changer.node());
    for (int i = 0; i < drives.size(); i++) {
      ok("define drive LIB1 DRIVE" + i);
      ok("define path " + SERVER + " DRIVE" + i + " srctype=server desttype=drive library=LIB1 device=sg:"
          + drives.get(i).node());
    }
    time("library, drives and paths defined", t1);
  }

  @AfterAll
  static void stopTheDaemonAndPutTheLibraryBackAsConfigured() throws Exception {
    long t0 = System.nanoTime();
    try {
      if (daemon != null) {
        daemon.stop();
      }
    } finally {
      if (changer != null) {
        restore();
        time("daemon stopped, library restored", t0);
        writeTimes();
      }
    }
  }

  @Test
  void aVolumeEjectedToTheVaultThroughTheKernelsSgNodesComesBackAsScratchWhenTheOperatorReturnsIt()
      throws Exception {
    long t0 = System.nanoTime();
    List<String> stock = stock();
    String first = stock.get(0);
    String second = stock.get(1);
    ok("checkin libvolume LIB1 search=yes status=private checklabel=barcode");
    assertThat(column(ok("query libvolume LIB1"), "Volume Name"))
        .containsExactlyInAnyOrderElementsOf(stock.stream().map(DaemonOnSgInGuest::volser).toList());
    ok("set drmchecklabel no"); // the emulator's cartridges are blank: no label to read
    for (String v : List.of(first, second)) {
      ok("define drmvolume " + volser(v) + " type=copystgpool pool=OFFSITE status=full library=LIB1");
    }
    time("checked in, DRM volumes defined", t0);

    long t1 = System.nanoTime();
    ok("move drmedia * wherestate=mountable tostate=vault remove=bulk wait=yes");
    time("MOVE DRMEDIA REMOVE=BULK WAIT=YES", t1);
    ChangerStatus ejected = mtx();

    assertThat(importExport(ejected).keySet()).as("mtx: the I/O station")
        .containsExactlyInAnyOrder(emulator.getProperty("station"), first, second);
    assertThat(ejected.slots().get(0).full()).as("mtx: storage slot 1").isFalse();
    assertThat(ejected.slots().get(1).full()).as("mtx: storage slot 2").isFalse();
    assertThat(drmStates()).containsExactlyInAnyOrderEntriesOf(Map.of(volser(first), "Vault", volser(second),
        "Vault"));
    assertThat(column(ok("query libvolume LIB1"), "Volume Name")).doesNotContain(volser(first), volser(second));

    // the operator hands both to the courier: the library satisfies MOVE DRMEDIA's request once the station
    // shows them gone (told by the UNIT ATTENTION that reached the daemon through SG_IO)
    long t2 = System.nanoTime();
    Map<String, Integer> station = importExport(ejected);
    operator("open-station", "remove " + address(station.get(first)), "remove " + address(station.get(second)),
        "close-station");
    await("the courier's request satisfied", Duration.ofSeconds(60),
        () -> column(ok("query request"), "Request Text").stream().noneMatch(t -> t.contains("for the courier")));
    time("operator's visit to the request satisfied", t2);

    // offsite reclamation empties the first at the vault: VAULTRETRIEVE; the courier brings it back on the next
    // visit. (On the same visit, into the cell it was ejected to, the daemon cannot yet tell it from a cartridge
    // never taken: it compares cell and barcode, not the element's ImpExp bit.)
    ok("update drmvolume " + volser(first) + " status=empty");
    assertThat(drmStates()).containsEntry(volser(first), "Vault retrieve");
    long t3 = System.nanoTime();
    operator("open-station", "insert " + first, "close-station");
    await("the automatic check-in of " + first, Duration.ofSeconds(60),
        () -> column(query("query libvolume LIB1"), "Volume Name").contains(volser(first)));
    time("operator's return to the automatic check-in", t3);
    ChangerStatus back = mtx();

    Map<String, String> statuses = libvolumeStatuses();
    assertThat(statuses).containsEntry(volser(first), "Scratch").doesNotContainKey(volser(second));
    for (String v : stock.subList(2, stock.size())) {
      assertThat(statuses).containsEntry(volser(v), "Private");
    }
    assertThat(drmStates()).as("the first left DRM, the second is at the vault")
        .containsExactlyEntriesOf(Map.of(volser(second), "Vault"));
    assertThat(importExport(back).keySet()).as("mtx: the I/O station")
        .containsExactly(emulator.getProperty("station"));
    int slot = slotOf(back, first).orElseThrow(() -> new AssertionError("mtx does not see " + first + ":\n" + back));
    assertThat(slot).as("mtx: %s in a storage slot", first).isLessThanOrEqualTo(storageCount());
    assertThat(slotOf(back, second)).as("mtx: %s gone", second).isEmpty();
    JsonNode home = rows(ok("query libvolume LIB1 " + volser(first))).get(0);
    assertThat(home.path("Home Element").asText()).as("the daemon's home element of %s is mtx's slot %d", first, slot)
        .isEqualTo(Integer.toString(personality.layout().addresses(ElementKind.STORAGE).get(slot - 1)));
  }

  // ---------------------------------------------------------------- the administrative API

  private static JsonNode query(String command) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(daemon.adminUrl() + "/api/v1/command"))
          .timeout(Duration.ofSeconds(120))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD)
              .getBytes(StandardCharsets.UTF_8)))
          .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("command", command).toString()))
          .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      JsonNode body = JSON.readTree(r.body());
      return JSON.createObjectNode().put("status", r.statusCode()).set("body", body);
    } catch (IOException e) {
      throw new AssertionError(command + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(command + ": interrupted", e);
    }
  }

  /** Runs {@code command} through the API; it must succeed. */
  private static JsonNode ok(String command) {
    JsonNode r = query(command);
    if (r.path("status").asInt() != 200 || !r.path("body").path("ok").asBoolean()) {
      throw new AssertionError(command + ": " + r);
    }
    return r;
  }

  private static JsonNode rows(JsonNode reply) {
    return reply.path("body").path("rows");
  }

  private static List<String> column(JsonNode reply, String name) {
    List<String> out = new ArrayList<>();
    rows(reply).forEach(row -> out.add(row.path(name).asText()));
    return out;
  }

  /** QUERY DRMEDIA *: volume name to its state as shown ({@code Vault}, {@code Vault retrieve}). */
  private static Map<String, String> drmStates() {
    Map<String, String> m = new TreeMap<>();
    rows(ok("query drmedia *")).forEach(row -> m.put(row.path("Volume Name").asText(), row.path("State").asText()));
    return m;
  }

  /** QUERY LIBVOLUME LIB1: volume name to status ({@code Private}, {@code Scratch}). */
  private static Map<String, String> libvolumeStatuses() {
    Map<String, String> m = new TreeMap<>();
    rows(ok("query libvolume LIB1")).forEach(row -> m.put(row.path("Volume Name").asText(),
        row.path("Status").asText()));
    return m;
  }

  private static String volser(String barcode) {
    return barcode.substring(0, VOLSER);
  }

  // ---------------------------------------------------------------- mtx, the operator, the configured library

  private static List<String> stock() {
    return Arrays.asList(emulator.getProperty("stock").split(","));
  }

  private static int storageCount() {
    return personality.layout().count(ElementKind.STORAGE);
  }

  /** {@code mtx status}, once more if the first meets a UNIT ATTENTION the operator's station left. */
  private static ChangerStatus mtx() throws Exception {
    Guest.Ran r = Guest.run("mtx", "-f", changer.node().toString(), "status");
    if (r.status() != 0) {
      r = Guest.run("mtx", "-f", changer.node().toString(), "status").ok();
    }
    return ChangerStatus.fromMtx(r.out());
  }

  /** The import/export elements' barcodes, each with its index among them (0 for the first mail slot). */
  private static Map<String, Integer> importExport(ChangerStatus s) {
    Map<String, Integer> m = new LinkedHashMap<>();
    int index = 0;
    for (ChangerStatus.Slot slot : s.slots()) {
      if (slot.importExport()) {
        int at = index++;
        slot.barcode().ifPresent(b -> m.put(b, at));
      }
    }
    return m;
  }

  /** The mtx slot number (from 1) holding {@code barcode}. */
  private static Optional<Integer> slotOf(ChangerStatus s, String barcode) {
    return s.barcodesBySlot().entrySet().stream().filter(e -> e.getValue().equals(barcode)).map(Map.Entry::getKey)
        .findFirst();
  }

  /** The element address of mail slot {@code index}, as the operator port takes it. */
  private static String address(int index) {
    return String.format(Locale.ROOT, "0x%04X", personality.layout().addresses(ElementKind.IMPORT_EXPORT)
        .get(index));
  }

  /** What run-tests.sh started the emulator with: the stock in the first slots, one cartridge in the station. */
  private static ChangerStatus configured() {
    List<String> stock = stock();
    int importExport = personality.layout().count(ElementKind.IMPORT_EXPORT);
    List<ChangerStatus.Slot> slots = new ArrayList<>();
    for (int i = 0; i < storageCount(); i++) {
      Optional<String> barcode = i < stock.size() ? Optional.of(stock.get(i)) : Optional.empty();
      slots.add(new ChangerStatus.Slot(false, barcode.isPresent(), barcode));
    }
    for (int i = 0; i < importExport; i++) {
      Optional<String> barcode = i == 0 ? Optional.of(emulator.getProperty("station")) : Optional.empty();
      slots.add(new ChangerStatus.Slot(true, barcode.isPresent(), barcode));
    }
    List<ChangerStatus.Drive> ds = new ArrayList<>();
    for (int i = 0; i < drives.size(); i++) {
      ds.add(new ChangerStatus.Drive(false, Optional.empty(), Optional.empty()));
    }
    return new ChangerStatus(drives.size(), storageCount() + importExport, importExport, ds, slots);
  }

  /**
   * Puts the library back as {@link #configured()}: the operator brings back what left it, {@code mtx transfer}
   * takes every cartridge to its configured slot. The other guest tests start from that library.
   */
  private static void restore() throws Exception {
    Map<String, Integer> wanted = new LinkedHashMap<>();
    configured().barcodesBySlot().forEach((slot, barcode) -> wanted.put(barcode, slot));
    ChangerStatus now = mtx();
    for (String barcode : wanted.keySet()) {
      if (slotOf(now, barcode).isEmpty()) {
        operator("open-station", "insert " + barcode, "close-station");
        now = mtx();
      }
    }
    for (Map.Entry<String, Integer> w : wanted.entrySet()) {
      int from = slotOf(now, w.getKey()).orElseThrow(() -> new AssertionError("cannot restore " + w.getKey()));
      if (from != w.getValue()) {
        Guest.run("mtx", "-f", changer.node().toString(), "transfer", Integer.toString(from),
            Integer.toString(w.getValue())).ok();
        now = mtx();
      }
    }
    assertThat(mtx()).as("the library put back for the other guest tests").isEqualTo(configured());
  }

  /** One visit of the operator at the emulator's operator port; every command must answer OK. */
  private static void operator(String... commands) throws IOException {
    int port = Integer.parseInt(emulator.getProperty("operatorPort"));
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
         BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
         Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8)) {
      s.setSoTimeout(30_000);
      for (String c : commands) {
        out.write(c + "\n");
        out.flush();
        StringBuilder reply = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
          reply.append(line).append('\n');
          if (line.equals("OK")) {
            break;
          }
          if (line.startsWith("ERROR")) {
            throw new AssertionError("operator " + c + ": " + reply);
          }
        }
        if (line == null) {
          throw new AssertionError("operator " + c + ": the emulator closed the connection: " + reply);
        }
      }
    }
  }

  /** Waits for {@code done}; when it does not come, the failure shows the daemon's activity log and requests. */
  private static void await(String what, Duration limit, BooleanSupplier done) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("waited " + limit.toSeconds() + " s for " + what + "\n"
            + query("query actlog").path("body").path("text").asText() + "\n"
            + query("query request").path("body").path("text").asText() + "\n"
            + query("query process").path("body").path("text").asText() + "\n" + ourThreads() + "\n"
            + diagnose());
      }
      Thread.sleep(200);
    }
  }

  private static String diagnose() {
    try {
      Guest.Ran tur = Guest.run("sg_turs", "-vv", changer.node().toString());
      Guest.Ran elements = Guest.vaultline("scsi", "elements", "sg:" + changer.node());
      return "sg_turs: " + tur.status() + "\n" + tur.out() + tur.err() + "\nvaultline scsi elements:\n"
          + elements.out() + elements.err();
    } catch (Exception e) {
      return "diagnosis failed: " + e;
    }
  }

  /** The stacks of the threads running our code, to show where the daemon's work stands. */
  private static String ourThreads() {
    StringBuilder sb = new StringBuilder();
    Thread.getAllStackTraces().forEach((t, stack) -> {
      if (Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("org.vaultline.library"))) {
        sb.append('"').append(t.getName()).append("\" ").append(t.getState()).append('\n');
        for (StackTraceElement f : stack) {
          sb.append("    at ").append(f).append('\n');
        }
      }
    });
    return sb.toString();
  }

  private static void time(String step, long startNanos) {
    TIMES.put(step, Duration.ofNanos(System.nanoTime() - startNanos));
  }

  private static void writeTimes() throws IOException {
    List<String> lines = new ArrayList<>(List.of("DaemonOnSgInGuest: the daemon on the emulator's sg nodes ("
        + changer.node() + ", drives " + drives.stream().map(d -> d.node().toString()).toList() + ")"));
    TIMES.forEach((step, took) -> lines.add(String.format(Locale.ROOT, "  %-46s %6.1f s", step,
        took.toMillis() / 1000.0)));
    Files.write(Guest.results().resolve("daemon-on-sg.txt"), lines, StandardCharsets.UTF_8);
  }
}
