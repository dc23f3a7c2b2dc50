package org.vaultline.library.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.vaultline.emulator.EmulatedLibrary;
import org.vaultline.emulator.ReceivedCommand;
import org.vaultline.emulator.UnitId;
import org.vaultline.emulator.VirtualClock;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.emulator.physical.ElementKind;
import org.vaultline.library.robot.Robot;
import org.vaultline.library.robot.RobotClock;
import org.vaultline.scsi.sense.ScsiException;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.ReadElementStatus;
import org.vaultline.scsi.transport.ScsiExecutor;
import org.vaultline.scsi.transport.ScsiTransport;
import org.vaultline.scsi.transport.Sleeper;

/**
 * An emulated library on a virtual clock with executors built the way the appliance builds them
 * (standard chain, retries waiting on the same clock), for inventory and robot tests.
 */
public final class EmulatorFixture {
  public final Personality personality;
  public final VirtualClock clock = new VirtualClock();
  public final EmulatedLibrary lib;
  /** Unit attentions the changer's executor heard. */
  public final List<Sense> attentions = new CopyOnWriteArrayList<>();
  /** Also hear the changer's unit attentions (a robot's {@code unitAttention}). */
  public final List<java.util.function.Consumer<Sense>> attentionListeners = new CopyOnWriteArrayList<>();
  /** Run after every retry wait of any executor (e.g. to resume a paused library). */
  public final List<Runnable> afterSleep = new CopyOnWriteArrayList<>();
  private UnaryOperator<ScsiTransport> changerWrapper = UnaryOperator.identity();
  private UnaryOperator<ScsiTransport> driveWrapper = UnaryOperator.identity();

  private EmulatorFixture(Personality personality, String... stock) {
    this.personality = personality;
    this.lib = EmulatedLibrary.builder(personality).clock(clock).stock(stock).build();
  }

  public static EmulatorFixture of(Personality personality, String... stock) {
    return new EmulatorFixture(personality, stock);
  }

  public static EmulatorFixture of(String personality, String... stock) {
    return of(Personality.named(personality), stock);
  }

  /** Wraps the changer's transport (test doubles for behaviours the emulator does not have). */
  public EmulatorFixture wrapChanger(UnaryOperator<ScsiTransport> w) {
    changerWrapper = w;
    return this;
  }

  /** Wraps every drive's transport. */
  public EmulatorFixture wrapDrives(UnaryOperator<ScsiTransport> w) {
    driveWrapper = w;
    return this;
  }

  public RobotClock robotClock() {
    VirtualClock c = clock;
    return new RobotClock() {
      @Override
      public Instant now() {
        return c.now();
      }

      @Override
      public void sleep(Duration d) throws InterruptedException {
        c.sleep(d);
        afterSleep.forEach(Runnable::run);
      }
    };
  }

  private Sleeper sleeper() {
    return robotClock().sleeper();
  }

  public ScsiExecutor changer() {
    return ScsiExecutor.standard(changerWrapper.apply(lib.changer()), sleeper(), s -> {
      attentions.add(s);
      attentionListeners.forEach(l -> l.accept(s));
    });
  }

  public ScsiExecutor drive(int index) {
    return ScsiExecutor.standard(driveWrapper.apply(lib.drive(index)), sleeper(), s -> { });
  }

  public InventoryReader reader() {
    return new InventoryReader(changer());
  }

  public InventoryReader reader(InventoryOptions options) {
    return new InventoryReader(changer(), options);
  }

  /** A robot with every drive's executor, matched by serial number as the appliance does it. */
  public Robot.Builder robot() throws ScsiException {
    InventoryReader reader = reader();
    LibraryInventory inventory = reader.read();
    java.util.Map<String, ScsiExecutor> tapes = new java.util.LinkedHashMap<>();
    for (int i = 0; i < lib.driveCount(); i++) {
      tapes.put("drive" + i, drive(i));
    }
    Robot.Builder b = Robot.builder(reader).clock(robotClock()).inventory(inventory);
    for (DriveMatch<String> m : DriveMatcher.match(inventory.dataTransfer(), tapes)) {
      m.device().ifPresent(d -> b.drive(m.element(), tapes.get(d)));
    }
    return b;
  }

  /** What the emulated machine holds at {@code address} now (barcode, or [serial] when unlabelled). */
  public Optional<String> cartridgeAt(ElementAddress address) {
    synchronized (lib.lock()) {
      lib.physical().settle(clock.now());
      return lib.physical().element(address.value()).orElseThrow().cartridge()
          .map(org.vaultline.emulator.physical.Cartridge::displayName);
    }
  }

  public List<Integer> addresses(ElementKind kind) {
    return lib.personality().layout().addresses(kind);
  }

  public ElementAddress address(ElementKind kind, int index) {
    return ElementAddress.of(addresses(kind).get(index));
  }

  /** The READ ELEMENT STATUS commands the changer received, decoded. */
  public List<ReadElementStatus> readElementStatusCommands() {
    List<ReadElementStatus> out = new ArrayList<>();
    for (ReceivedCommand c : lib.commands().on(UnitId.CHANGER)) {
      if (c.opcode() == ReadElementStatus.OPCODE) {
        try {
          out.add(ReadElementStatus.fromCdb(c.cdb()));
        } catch (org.vaultline.scsi.InvalidCdbException e) {
          throw new AssertionError(e);
        }
      }
    }
    return out;
  }
}
