package org.vaultline.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vaultline.emulator.fault.Fault;
import org.vaultline.emulator.fault.FaultScript;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.emulator.physical.Cartridge;
import org.vaultline.emulator.physical.ElementKind;
import org.vaultline.emulator.physical.MediaStore;
import org.vaultline.emulator.physical.PhysicalElement;
import org.vaultline.emulator.physical.PhysicalLibrary;
import org.vaultline.emulator.physical.StateFile;
import org.vaultline.emulator.target.ChangerTarget;
import org.vaultline.emulator.target.DriveTarget;
import org.vaultline.emulator.target.Target;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * An emulated tape library: a media changer and its tape drives, each served in process as one
 * {@link ScsiTransport} per logical unit and initiator, plus the {@link Operator} who works the I/O
 * station. Wire protocols (iSCSI, USB) wrap these transports; nothing here knows about them.
 *
 * <pre>
 * EmulatedLibrary lib = EmulatedLibrary.builder(Personality.named("ibm-ts3100"))
 *     .stock("ABC001L5", "ABC002L5").build();
 * ScsiTransport changer = lib.changer();
 * ScsiTransport drive = lib.drive(0);
 * </pre>
 */
public final class EmulatedLibrary {
  private final Object lock = new Object();
  private final Personality personality;
  private final EmulatorClock clock;
  private final PhysicalLibrary physical;
  private final CommandLog commands = new CommandLog();
  private final Map<UnitId, FaultScript> faults = new HashMap<>();
  private final ChangerTarget changer;
  private final List<DriveTarget> drives = new ArrayList<>();
  private final Set<Initiator> preventing = new HashSet<>();
  private final Operator operator;

  private EmulatedLibrary(Personality personality, EmulatorClock clock, PhysicalLibrary physical) {
    this.personality = personality;
    this.clock = clock;
    this.physical = physical;
    this.changer = new ChangerTarget(this);
    for (int i = 0; i < physical.drives().size(); i++) {
      drives.add(new DriveTarget(this, physical.drive(i)));
    }
    this.operator = new Operator(this);
  }

  public static Builder builder(Personality personality) {
    return new Builder(personality);
  }

  /** Builds an emulated library. */
  public static final class Builder {
    private final Personality personality;
    private EmulatorClock clock = new VirtualClock();
    private MediaStore store = MediaStore.inMemory();
    private byte[] state;
    private final List<String> stock = new ArrayList<>();

    private Builder(Personality personality) {
      this.personality = personality;
    }

    /** The clock robot timing runs on; default a new {@link VirtualClock} (tests never sleep). */
    public Builder clock(EmulatorClock c) {
      clock = c;
      return this;
    }

    /** Where cartridge contents live; default in memory. */
    public Builder mediaStore(MediaStore s) {
      store = s;
      return this;
    }

    /** Starts from a state saved with {@link EmulatedLibrary#saveState()}. */
    public Builder state(byte[] saved) {
      state = saved.clone();
      return this;
    }

    /** Labelled cartridges for the first storage slots, in address order. */
    public Builder stock(String... barcodes) {
      stock.addAll(List.of(barcodes));
      return this;
    }

    public EmulatedLibrary build() {
      PhysicalLibrary p = state == null ? new PhysicalLibrary(personality, store)
          : StateFile.load(state, personality, store);
      List<PhysicalElement> slots = p.elements(ElementKind.STORAGE);
      int i = 0;
      for (String barcode : stock) {
        while (i < slots.size() && slots.get(i).isFull()) {
          i++;
        }
        if (i == slots.size()) {
          throw new IllegalStateException("more cartridges than free slots");
        }
        p.place(slots.get(i).address(), Cartridge.labelled(barcode, personality.media().defaultType()));
      }
      return new EmulatedLibrary(personality, clock, p);
    }
  }

  public Personality personality() {
    return personality;
  }

  public EmulatorClock clock() {
    return clock;
  }

  /** The machine itself; lock {@link #lock()} around anything that changes or reads it. */
  public PhysicalLibrary physical() {
    return physical;
  }

  /** The one lock guarding the physical state and all logical units. */
  public Object lock() {
    return lock;
  }

  public CommandLog commands() {
    return commands;
  }

  public Operator operator() {
    return operator;
  }

  /** The media changer as seen by the default initiator. */
  public ScsiTransport changer() {
    return changer(Initiator.DEFAULT);
  }

  /** The media changer as seen by {@code initiator}; each call is a new connection. */
  public ScsiTransport changer(Initiator initiator) {
    return new UnitTransport(this, UnitId.CHANGER, initiator, changer);
  }

  /** Drive {@code index} (0-based, in element address order) for the default initiator. */
  public ScsiTransport drive(int index) {
    return drive(index, Initiator.DEFAULT);
  }

  public ScsiTransport drive(int index, Initiator initiator) {
    if (index < 0 || index >= drives.size()) {
      throw new IllegalArgumentException("no drive " + index + "; the library has " + drives.size());
    }
    return new UnitTransport(this, UnitId.drive(index), initiator, drives.get(index));
  }

  public int driveCount() {
    return drives.size();
  }

  /** The logical unit's target side (for the transports issue's wrappers and for tests). */
  public Target target(UnitId unit) {
    return unit.isChanger() ? changer : drives.get(unit.drive());
  }

  /** Scripts a fault on {@code unit}. */
  public void inject(UnitId unit, Fault fault) {
    faults(unit).add(fault);
  }

  FaultScript faults(UnitId unit) {
    synchronized (faults) {
      return faults.computeIfAbsent(unit, u -> new FaultScript());
    }
  }

  /** Initiators holding PREVENT MEDIUM REMOVAL on the changer (the I/O station stays locked). */
  public Set<Initiator> preventing() {
    return preventing;
  }

  /**
   * Marks every unit's power-on condition as already seen by {@code initiator}, as if it had been
   * connected and cleared it: for tests that are not about unit attentions.
   */
  public void acknowledgePowerOn(Initiator initiator) {
    synchronized (lock) {
      changer.attentions().acknowledgePowerOn(initiator);
      changer.attentions().register(initiator);
      for (DriveTarget d : drives) {
        d.attentions().acknowledgePowerOn(initiator);
        d.attentions().register(initiator);
        d.beforeCommand(initiator);
      }
    }
  }

  private final List<RuntimeException> internalErrors = new ArrayList<>();

  void recordInternalError(RuntimeException e) {
    synchronized (internalErrors) {
      internalErrors.add(e);
    }
  }

  /**
   * Exceptions the emulator's handlers threw (answered as 4/44/00 HARDWARE ERROR, internal target
   * failure, unless a media store failed): tests assert this is empty.
   */
  public List<RuntimeException> internalErrors() {
    synchronized (internalErrors) {
      return List.copyOf(internalErrors);
    }
  }

  /** The physical state as bytes (see {@link StateFile}); stable across save and load. */
  public byte[] saveState() {
    synchronized (lock) {
      physical.settle(clock.now());
      return StateFile.save(physical);
    }
  }

  void powerCycle() {
    synchronized (lock) {
      physical.powerCycle(clock.now());
      preventing.clear();
      changer.attentions().powerOn();
      for (DriveTarget d : drives) {
        d.powerOn();
      }
    }
  }
}
