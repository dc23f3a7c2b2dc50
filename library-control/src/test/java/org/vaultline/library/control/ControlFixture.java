package org.vaultline.library.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.vaultline.device.DeviceOpener;
import org.vaultline.device.DeviceUrl;
import org.vaultline.emulator.physical.ElementKind;
import org.vaultline.library.inventory.EmulatorFixture;
import org.vaultline.library.store.ActlogQuery;
import org.vaultline.library.store.LibraryVolume;
import org.vaultline.library.store.OperatorRequest;
import org.vaultline.library.store.OutboxEvent;
import org.vaultline.library.store.Origin;
import org.vaultline.library.store.Store;
import org.vaultline.library.store.StoreOptions;
import org.vaultline.scsi.smc.ElementAddress;

/**
 * A store on a temporary file and a {@link LibraryControl} whose {@code emulated:} device URLs lead to one
 * in-process emulated library (LUN 0 its changer, LUN n its drive n-1) on a virtual clock, with helpers to run
 * commands as an administrator would, in the foreground or in a thread of their own.
 */
final class ControlFixture implements AutoCloseable {
  static final Origin ADMIN = Origin.admin("ADMIN");

  final EmulatorFixture emulator;
  final Store store;
  private final ControlOptions options;
  LibraryControl control;
  private final ExecutorService background = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "command");
    t.setDaemon(true);
    return t;
  });

  private ControlFixture(EmulatorFixture emulator, Path dir, ControlOptions options, java.time.Clock clock) {
    this.emulator = emulator;
    this.store = Store.open(dir.resolve("vaultline.db"), StoreOptions.DEFAULT.withClock(clock));
    this.options = options.withClock(emulator.robotClock());
    this.control = control();
  }

  private LibraryControl control() {
    return new LibraryControl(store, url -> {
      if (!(DeviceUrl.parse(url) instanceof DeviceUrl.Emulated e)) {
        return DeviceOpener.standard().open(url);
      }
      return e.lun() == 0 ? emulator.lib.changer() : emulator.lib.drive(e.lun() - 1);
    }, options);
  }

  /** The server stops and starts again (same store, same library): the library is reached anew on first use. */
  void restart() {
    control.close();
    control = control();
  }

  /** TEST UNIT READY every 10 ms while waiting for the operator; the I/O station read without attention hourly. */
  static ControlOptions options() {
    return ControlOptions.DEFAULT.withPolls(Duration.ofMillis(10), Duration.ofHours(1));
  }

  static ControlFixture of(EmulatorFixture emulator, Path dir) {
    return new ControlFixture(emulator, dir, options(), java.time.Clock.systemUTC());
  }

  static ControlFixture of(EmulatorFixture emulator, Path dir, ControlOptions options) {
    return new ControlFixture(emulator, dir, options, java.time.Clock.systemUTC());
  }

  /** With the store on {@code clock} (request wait times run on the store's clock). */
  static ControlFixture of(EmulatorFixture emulator, Path dir, ControlOptions options, java.time.Clock clock) {
    return new ControlFixture(emulator, dir, options, clock);
  }

  /** Defines LIB1 with its path, and {@code drives} drives DRIVE0.. (ELEMENT=AUTODETECT) with theirs. */
  ControlFixture define(int drives) {
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
  CommandResult run(String line) {
    CommandResult r = attempt(line);
    assertThat(r.hasErrors()).as("%s:%n%s", line, r.text()).isFalse();
    return r;
  }

  /** Runs a command that must not throw (it may report errors). */
  CommandResult attempt(String line) {
    try {
      return control.execute(line, ADMIN);
    } catch (CommandException e) {
      throw new AssertionError(line + ": " + e.getMessage(), e);
    }
  }

  /** Runs a command that must be refused; returns the refusal. */
  CommandException refused(String line) {
    try {
      CommandResult r = control.execute(line, ADMIN);
      throw new AssertionError(line + " was not refused:\n" + r.text());
    } catch (CommandException e) {
      return e;
    }
  }

  /** Runs a command in a thread of its own (one that will wait for the operator). */
  Future<CommandResult> start(String line) {
    Callable<CommandResult> c = () -> control.execute(line, ADMIN);
    return background.submit(c);
  }

  /** Waits (really, up to 30 s) until {@code condition} holds. */
  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(5);
    }
  }

  /** The requests waiting for the operator. */
  List<OperatorRequest> outstanding() {
    return store.read(r -> r.requests().outstanding());
  }

  /** Waits for exactly one outstanding request and returns it. */
  OperatorRequest awaitRequest() throws InterruptedException {
    await("an operator request", () -> !outstanding().isEmpty());
    List<OperatorRequest> list = outstanding();
    assertThat(list).hasSize(1);
    return list.get(0);
  }

  Optional<LibraryVolume> volume(String name) {
    return store.read(r -> r.volumes().find(name));
  }

  List<LibraryVolume> volumes() {
    return store.read(r -> r.volumes().list("LIB1"));
  }

  /** Every activity-log row's message ID and text. */
  List<String> actlog() {
    List<String> out = new ArrayList<>();
    store.read(r -> r.activityLog().query(ActlogQuery.all())).forEach(e -> out.add(e.message().render()));
    return out;
  }

  /** The payloads of the outbox's events. */
  List<String> events() {
    List<String> out = new ArrayList<>();
    for (OutboxEvent e : store.outbox().unpublished(100_000)) {
      out.add(e.category() + " " + e.payload());
    }
    return out;
  }

  /** The addresses of the emulated library's elements of {@code kind}. */
  List<Integer> addresses(ElementKind kind) {
    return emulator.addresses(kind);
  }

  ElementAddress address(ElementKind kind, int index) {
    return emulator.address(kind, index);
  }

  /** What the emulated machine holds at {@code address} (barcode). */
  Optional<String> at(ElementAddress address) {
    return emulator.cartridgeAt(address);
  }

  /** Where the emulated machine holds the cartridge {@code barcode}, or empty. */
  Optional<ElementAddress> whereIs(String barcode) {
    for (ElementKind k : ElementKind.values()) {
      for (int a : emulator.addresses(k)) {
        if (emulator.cartridgeAt(ElementAddress.of(a)).filter(barcode::equals).isPresent()) {
          return Optional.of(ElementAddress.of(a));
        }
      }
    }
    return Optional.empty();
  }

  /** The I/O station count of the emulated library. */
  int stations() {
    synchronized (emulator.lib.lock()) {
      return emulator.lib.physical().stations().size();
    }
  }

  /** The operator empties every I/O station (open, take all out, close). */
  List<String> emptyStations() {
    List<String> taken = new ArrayList<>();
    for (int i = 0; i < stations(); i++) {
      emulator.lib.operator().openStation(i);
      emulator.lib.operator().removeAll(i).forEach(c -> taken.add(c.displayName()));
      emulator.lib.operator().closeStation(i);
    }
    return taken;
  }

  /** The operator puts labelled cartridges into I/O station 0. */
  void insert(String... barcodes) {
    emulator.lib.operator().openStation(0);
    for (String b : barcodes) {
      emulator.lib.operator().insert(b);
    }
    emulator.lib.operator().closeStation(0);
  }

  Instant now() {
    return store.clock().instant();
  }

  @Override
  public void close() {
    background.shutdownNow();
    control.close();
    store.close();
  }
}
