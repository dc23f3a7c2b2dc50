package org.vaultline.appliance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.vaultline.device.iscsi.InitiatorId;
import org.vaultline.device.iscsi.IscsiTarget;
import org.vaultline.emulator.EmulatedLibrary;
import org.vaultline.emulator.EmulatorClock;
import org.vaultline.emulator.Initiator;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.emulator.physical.ElementKind;
import org.vaultline.emulator.physical.MediaStore;
import org.vaultline.emulator.physical.PhysicalElement;
import org.vaultline.emulator.physical.TapeDrive;

/**
 * The emulated library as a service: an {@link EmulatedLibrary} on the wall clock, served by an
 * {@link IscsiTarget} (LUN 0 the changer, LUN 1..n the drives, the layout of virtual tape libraries such as
 * mhVTL behind tgt), its physical state kept in a state directory ({@code library.state}, and one file per
 * cartridge under {@code media/}), and the operator's commands from an {@link OperatorConsole}, optionally
 * served on a loopback TCP port ({@link OperatorPort}).
 *
 * <p>The state is saved after every operator command that changes the library, every
 * {@code autosave} interval when SCSI commands have changed it, on {@code save}, and when stopped; a
 * crash (kill -9) loses at most the robot moves of the last interval, as a real library's controller
 * forgets nothing it was told by its operator.
 */
final class StandaloneEmulator implements AutoCloseable {
  static final String STATE_FILE = "library.state";
  static final String MEDIA_DIR = "media";

  /** How to run it. */
  record Settings(Personality personality, InetAddress bind, int port, Optional<Path> stateDir, String iqn,
                  OptionalInt operatorPort, List<String> stock, Duration autosave) {
  }

  private final Settings settings;
  private final EmulatedLibrary library;
  private final boolean restored;
  private final PrintWriter out;
  private final IscsiTarget target;
  private final OperatorConsole console;
  private final ScheduledExecutorService autosaver;
  private final CountDownLatch stoppedLatch = new CountDownLatch(1);
  private OperatorPort operatorPort;
  private byte[] lastSaved;
  private boolean stopped;

  private StandaloneEmulator(Settings settings, EmulatedLibrary library, boolean restored, PrintWriter out)
      throws IOException {
    this.settings = settings;
    this.library = library;
    this.restored = restored;
    this.out = out;
    IscsiTarget.Builder b = IscsiTarget.builder(settings.iqn()).address(settings.bind()).port(settings.port());
    // Each iSCSI session is its own initiator, so unit attentions and PREVENT MEDIUM REMOVAL are kept per
    // initiator port as on a real library; a reinstated session (same name and ISID) finds its state again.
    b.lun(0, who -> library.changer(initiator(who)));
    for (int i = 0; i < library.driveCount(); i++) {
      int drive = i;
      b.lun(i + 1, who -> library.drive(drive, initiator(who)));
    }
    this.target = b.start();
    this.console = new OperatorConsole(this);
    this.autosaver = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "emulator autosave");
      t.setDaemon(true);
      return t;
    });
  }

  /** The emulator's initiator for an iSCSI session: named by its initiator port, so equal for equal ids. */
  static Initiator initiator(InitiatorId session) {
    return new Initiator(session.portName());
  }

  /**
   * Loads or creates the library and starts serving it.
   *
   * @throws IllegalArgumentException when the saved state does not fit the personality or is damaged
   * @throws IOException when the state cannot be read or a port cannot be bound
   */
  static StandaloneEmulator start(Settings s, PrintWriter out) throws IOException {
    EmulatedLibrary.Builder b = EmulatedLibrary.builder(s.personality()).clock(EmulatorClock.system());
    boolean restored = false;
    if (s.stateDir().isPresent()) {
      Path dir = Files.createDirectories(s.stateDir().get());
      b.mediaStore(MediaStore.directory(dir.resolve(MEDIA_DIR)));
      Path state = dir.resolve(STATE_FILE);
      if (Files.exists(state)) {
        b.state(Files.readAllBytes(state));
        restored = true;
      }
    }
    if (!restored) {
      b.stock(s.stock().toArray(String[]::new));
    }
    EmulatedLibrary lib = b.build();
    StandaloneEmulator e = new StandaloneEmulator(s, lib, restored, out);
    try {
      if (s.operatorPort().isPresent()) {
        e.operatorPort = OperatorPort.start(s.operatorPort().getAsInt(), e.console, out);
      }
      if (s.stateDir().isPresent()) {
        e.save(true);
        long ms = s.autosave().toMillis();
        if (ms > 0) {
          e.autosaver.scheduleWithFixedDelay(e::autosave, ms, ms, TimeUnit.MILLISECONDS);
        }
      }
    } catch (IOException | RuntimeException ex) {
      e.target.close();
      if (e.operatorPort != null) {
        e.operatorPort.close();
      }
      e.autosaver.shutdownNow();
      throw ex;
    }
    return e;
  }

  EmulatedLibrary library() {
    return library;
  }

  Settings settings() {
    return settings;
  }

  OperatorConsole console() {
    return console;
  }

  IscsiTarget target() {
    return target;
  }

  /** The operator port actually listened on (useful with port 0). */
  OptionalInt operatorPort() {
    return operatorPort == null ? OptionalInt.empty() : OptionalInt.of(operatorPort.port());
  }

  /** {@code 127.0.0.1:3260}. */
  String portal() {
    String host = target.address().getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + target.port();
  }

  /** What the emulator prints when it starts: portal, IQN, LUN map, state, operator port. */
  String banner() {
    Personality p = settings.personality();
    StringBuilder sb = new StringBuilder();
    sb.append("VLN0350I Emulated library ").append(p.name()).append(" started: ").append(p.description()).append('\n');
    sb.append("Portal: ").append(portal()).append('\n');
    sb.append("IQN: ").append(settings.iqn()).append('\n');
    sb.append(lunMap());
    if (settings.stateDir().isPresent()) {
      Path dir = settings.stateDir().get();
      sb.append("State: ").append(dir.resolve(STATE_FILE)).append(restored ? " (restored, " : " (new library, ")
          .append(cartridges()).append(" cartridges)\n");
      sb.append("Media: ").append(dir.resolve(MEDIA_DIR)).append('\n');
      if (restored && !settings.stock().isEmpty()) {
        sb.append("note: --stock ignored: the library starts from its saved state\n");
      }
    } else {
      sb.append("State: not kept (no --state-dir), ").append(cartridges()).append(" cartridges\n");
    }
    sb.append("Robot: move ").append(p.timing().move()).append(", drive load ").append(p.timing().load())
        .append(", inventory ").append(p.timing().inventoryPerElement()).append(" per element\n");
    operatorPort().ifPresent(port -> sb.append("Operator port: 127.0.0.1:").append(port).append('\n'));
    sb.append("VLN0351I Ready for initiators and operator commands (type help).\n");
    return sb.toString();
  }

  /** {@code LUN 0: medium changer IBM 3573-TL F.11, serial ..., iscsi://...} and one line per drive. */
  String lunMap() {
    Personality p = settings.personality();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("LUN 0: medium changer %s %s %s, serial %s  iscsi://%s/%s/0%n", p.changer().vendor(),
        p.changer().product(), p.changer().revision(), p.changer().serial(), portal(), settings.iqn()));
    for (int i = 0; i < library.driveCount(); i++) {
      TapeDrive d;
      synchronized (library.lock()) {
        d = library.physical().drive(i);
      }
      sb.append(String.format("LUN %d: tape drive %d at element 0x%04X, %s %s %s, serial %s  iscsi://%s/%s/%d%n",
          i + 1, i, d.address(), p.drive().vendor(), p.drive().product(), p.drive().revision(), d.serial(), portal(),
          settings.iqn(), i + 1));
    }
    return sb.toString();
  }

  private int cartridges() {
    synchronized (library.lock()) {
      int n = 0;
      for (PhysicalElement e : library.physical().elements()) {
        n += e.isFull() && e.kind() != ElementKind.MEDIUM_TRANSPORT ? 1 : 0;
      }
      return n;
    }
  }

  /**
   * Writes the state file (through a temporary file, so that a crash leaves the old one or the new one)
   * after flushing loaded tapes to the media store. Without a state directory, does nothing.
   *
   * @param force write even when nothing changed since the last save
   * @return the state file, when there is one
   */
  synchronized Optional<Path> save(boolean force) throws IOException {
    if (settings.stateDir().isEmpty()) {
      return Optional.empty();
    }
    synchronized (library.lock()) {
      for (TapeDrive d : library.physical().drives()) {
        d.flush();
      }
    }
    byte[] state = library.saveState();
    Path file = settings.stateDir().get().resolve(STATE_FILE);
    if (!force && Arrays.equals(state, lastSaved)) {
      return Optional.of(file);
    }
    Path tmp = file.resolveSibling(STATE_FILE + ".tmp");
    Files.write(tmp, state);
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (java.nio.file.AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    lastSaved = state;
    return Optional.of(file);
  }

  private void autosave() {
    try {
      save(false);
    } catch (IOException | RuntimeException e) {
      synchronized (out) {
        out.println("VLN0353E Saving the library state failed: " + e);
        out.flush();
      }
    }
  }

  /** Saves the state and stops serving; idempotent, safe from a shutdown hook. */
  void stop() {
    synchronized (this) {
      if (stopped) {
        return;
      }
      stopped = true;
    }
    autosaver.shutdownNow();
    if (operatorPort != null) {
      operatorPort.close();
    }
    target.close();
    String saved;
    try {
      saved = save(true).map(f -> "state saved to " + f).orElse("no state directory, nothing saved");
    } catch (IOException | RuntimeException e) {
      saved = "saving the state FAILED: " + e;
    }
    synchronized (out) {
      out.println("VLN0352I Emulated library " + settings.personality().name() + " stopped; " + saved + ".");
      out.flush();
    }
    stoppedLatch.countDown();
  }

  boolean isStopped() {
    return stoppedLatch.getCount() == 0;
  }

  void awaitStop() throws InterruptedException {
    stoppedLatch.await();
  }

  @Override
  public void close() {
    stop();
  }
}
