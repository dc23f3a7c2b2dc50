package org.vaultline.library.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.vaultline.device.DeviceOpener;
import org.vaultline.device.DeviceUrl;
import org.vaultline.emulator.UnitId;
import org.vaultline.emulator.physical.ElementKind;
import org.vaultline.library.inventory.EmulatorFixture;
import org.vaultline.library.store.BackgroundProcess;
import org.vaultline.library.store.LibraryVolume;
import org.vaultline.library.store.OperatorRequest;
import org.vaultline.library.store.Origin;
import org.vaultline.library.store.ProcessState;
import org.vaultline.library.store.Store;
import org.vaultline.library.store.StoreOptions;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.spc.TestUnitReady;

/**
 * A {@link ServerCommands} on a store in a temporary directory, whose {@code emulated:} device URLs lead to one
 * in-process emulated library on a virtual clock (LUN 0 its changer, LUN n its drive n-1); the test is the
 * administrator typing commands and the operator at the library.
 */
public final class ServerFixture implements AutoCloseable {
  public static final Origin ADMIN = Origin.admin("ADMIN");
  public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  public final EmulatorFixture emulator;
  public final Store store;
  public final ServerCommands server;

  private ServerFixture(EmulatorFixture emulator, Path dir, ControlOptions options) {
    this.emulator = emulator;
    this.store = Store.open(dir.resolve("vaultline.db"), StoreOptions.DEFAULT);
    this.server = new ServerCommands(store, url -> {
      if (!(DeviceUrl.parse(url) instanceof DeviceUrl.Emulated e)) {
        return DeviceOpener.standard().open(url);
      }
      return e.lun() == 0 ? emulator.lib.changer() : emulator.lib.drive(e.lun() - 1);
    }, options.withClock(emulator.robotClock()), ZONE);
  }

  /** TEST UNIT READY every 5 ms while waiting (for the operator, or for the station to be used). */
  public static ServerFixture of(EmulatorFixture emulator, Path dir) {
    return new ServerFixture(emulator, dir, ControlOptions.DEFAULT.withPolls(Duration.ofMillis(5),
        Duration.ofHours(1)));
  }

  /** Defines LIB1 with its path, and {@code drives} drives DRIVE0.. with theirs. */
  public ServerFixture define(int drives) {
    String p = emulator.personality.name();
    run("define library LIB1");
    run("define path VAULTLINE LIB1 srctype=server desttype=library device=emulated:" + p);
    for (int i = 0; i < drives; i++) {
      run("define drive LIB1 DRIVE" + i);
      run("def path VAULTLINE DRIVE" + i + " srct=server destt=drive libr=LIB1 device=emulated:" + p + "/" + (i + 1));
    }
    return this;
  }

  /** Runs a command that must succeed without error messages. */
  public CommandResult run(String line) {
    CommandResult r = attempt(line);
    assertThat(r.hasErrors()).as("%s:%n%s", line, r.text()).isFalse();
    return r;
  }

  /** Runs a command that must not throw (it may report errors). */
  public CommandResult attempt(String line) {
    try {
      return server.execute(line, ADMIN);
    } catch (CommandException e) {
      throw new AssertionError(line + ": " + e.getMessage(), e);
    }
  }

  /** Runs a command that must be refused; returns the refusal. */
  public CommandException refused(String line) {
    try {
      CommandResult r = server.execute(line, ADMIN);
      throw new AssertionError(line + " was not refused:\n" + r.text());
    } catch (CommandException e) {
      return e;
    }
  }

  /** Waits (really, up to 60 s: only so that a broken test ends) until {@code condition} holds. */
  public static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(5);
    }
  }

  public List<OperatorRequest> outstanding() {
    return store.read(r -> r.requests().outstanding());
  }

  public Optional<LibraryVolume> volume(String name) {
    return store.read(r -> r.volumes().find(name));
  }

  public BackgroundProcess process(long number) {
    return store.read(r -> r.processes().find(number)).orElseThrow();
  }

  /** Waits until process {@code number} has ended and returns it. */
  public BackgroundProcess awaitEnd(long number) throws InterruptedException {
    await("process " + number + " to end", () -> process(number).state() != ProcessState.RUNNING);
    return process(number);
  }

  /** The process number in a VLN0503I "MOVE DRMEDIA started as process N" result. */
  public static long processOf(CommandResult r) {
    assertThat(r.has(503)).as(r.text()).isTrue();
    String text = r.messages().stream().filter(m -> m.id().number() == 503).findFirst().orElseThrow().text();
    return Long.parseLong(text.replaceAll("^MOVE DRMEDIA started as process (\\d+);.*$", "$1"));
  }

  /** How many TEST UNIT READY the changer has received. */
  public int testUnitReadies() {
    return emulator.lib.commands().on(UnitId.CHANGER).stream().filter(c -> c.opcode() == TestUnitReady.OPCODE)
        .toList().size();
  }

  public int stations() {
    synchronized (emulator.lib.lock()) {
      return emulator.lib.physical().stations().size();
    }
  }

  /** The operator empties every I/O station (open, take all out, close). */
  public List<String> emptyStations() {
    List<String> taken = new ArrayList<>();
    for (int i = 0; i < stations(); i++) {
      emulator.lib.operator().openStation(i);
      emulator.lib.operator().removeAll(i).forEach(c -> taken.add(c.displayName()));
      emulator.lib.operator().closeStation(i);
    }
    return taken;
  }

  /** The operator puts labelled cartridges into I/O station {@code station}. */
  public void insert(int station, String... barcodes) {
    emulator.lib.operator().openStation(station);
    for (String b : barcodes) {
      emulator.lib.operator().insert(b);
    }
    emulator.lib.operator().closeStation(station);
  }

  /** Where the emulated machine holds the cartridge {@code barcode}: its element kind, or empty. */
  public Optional<ElementKind> whereIs(String barcode) {
    for (ElementKind k : ElementKind.values()) {
      for (int a : emulator.addresses(k)) {
        if (emulator.cartridgeAt(ElementAddress.of(a)).filter(barcode::equals).isPresent()) {
          return Optional.of(k);
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    server.close();
    store.close();
  }
}
