package org.vaultline.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vaultline.emulator.fault.Fault;
import org.vaultline.emulator.physical.Cartridge;
import org.vaultline.emulator.physical.ElementKind;
import org.vaultline.emulator.physical.ElementState;
import org.vaultline.emulator.physical.IoStation;
import org.vaultline.emulator.physical.Label;
import org.vaultline.emulator.physical.PhysicalElement;
import org.vaultline.emulator.physical.PhysicalLibrary;
import org.vaultline.emulator.physical.TapeDrive;

/**
 * The person at the library: opens and closes the I/O station, puts cartridges in and takes them out,
 * switches the library off and on, pauses it, and (for tests) scripts faults. What a CLI and tests
 * drive. Refusals a real operator would meet (a locked station, a full cell) are
 * {@link IllegalStateException}s with a message for the operator.
 */
public final class Operator {
  private final EmulatedLibrary lib;

  Operator(EmulatedLibrary lib) {
    this.lib = lib;
  }

  private PhysicalLibrary physical() {
    return lib.physical();
  }

  /** Opens I/O station 0. */
  public void openStation() {
    openStation(0);
  }

  /**
   * Opens I/O station {@code index}: its cells become inaccessible to the robot (ACCESS = 0) and every
   * initiator of the changer gets UNIT ATTENTION 6/28/01 (import or export element accessed).
   *
   * @throws IllegalStateException when an initiator holds PREVENT MEDIUM REMOVAL
   */
  public void openStation(int index) {
    synchronized (lib.lock()) {
      physical().settle(lib.clock().now());
      if (!lib.preventing().isEmpty()) {
        throw new IllegalStateException("I/O station " + index + " is locked by the backup application "
            + "(PREVENT MEDIUM REMOVAL from " + lib.preventing() + ")");
      }
      if (physical().station(index).isOpen()) {
        return;
      }
      physical().openStation(index);
      lib.target(UnitId.CHANGER).attentions().raise(0x28, 0x01);
    }
  }

  public void closeStation() {
    closeStation(0);
  }

  /**
   * Closes I/O station {@code index}: the robot can reach its cells again; cartridges the operator put in
   * show IMPEXP = 1; every initiator of the changer gets 6/28/01.
   */
  public void closeStation(int index) {
    synchronized (lib.lock()) {
      physical().settle(lib.clock().now());
      if (!physical().station(index).isOpen()) {
        return;
      }
      physical().closeStation(index);
      lib.target(UnitId.CHANGER).attentions().raise(0x28, 0x01);
    }
  }

  /** A labelled cartridge as it comes out of the box: media type from the label. */
  public Cartridge cartridge(String barcode) {
    return Cartridge.labelled(barcode, lib.personality().media().defaultType());
  }

  /** Inserts a labelled cartridge into the first free cell of open I/O station 0. */
  public Cartridge insert(String barcode) {
    Cartridge c = cartridge(barcode);
    insert(firstFreeCell(0), c);
    return c;
  }

  /** Inserts a cartridge whose label the scanner cannot read. */
  public Cartridge insertWithUnreadableLabel(String barcode) {
    Cartridge c = cartridge(barcode).withLabel(Label.of(barcode).unreadable());
    insert(firstFreeCell(0), c);
    return c;
  }

  /** Inserts a cartridge without a barcode label; it gets a generated medium serial. */
  public Cartridge insertUnlabelled() {
    synchronized (lib.lock()) {
      Cartridge c = new Cartridge(physical().nextUnlabelledSerial(), Optional.empty(),
          lib.personality().media().defaultType(), false);
      insert(firstFreeCell(0), c);
      return c;
    }
  }

  /** Inserts {@code c} into I/O cell {@code address}; its station must be open. */
  public void insert(int address, Cartridge c) {
    synchronized (lib.lock()) {
      physical().settle(lib.clock().now());
      physical().insert(address, c);
    }
  }

  /** Takes the cartridge out of I/O cell {@code address}; its station must be open. */
  public Cartridge remove(int address) {
    synchronized (lib.lock()) {
      physical().settle(lib.clock().now());
      return physical().remove(address);
    }
  }

  /** Empties open I/O station {@code index}; returns what was in it, in address order. */
  public List<Cartridge> removeAll(int index) {
    synchronized (lib.lock()) {
      List<Cartridge> out = new ArrayList<>();
      for (int a : physical().station(index).addresses()) {
        if (physical().element(a).orElseThrow().isFull()) {
          out.add(remove(a));
        }
      }
      return out;
    }
  }

  /**
   * Stocks a slot or drive bay directly, as when the library is set up with its door open; no unit
   * attention (do it before the test talks to the library).
   */
  public void stock(int address, Cartridge c) {
    synchronized (lib.lock()) {
      physical().settle(lib.clock().now());
      physical().place(address, c);
    }
  }

  /** Takes a cartridge straight out of a slot or an unloaded drive (main door open). */
  public Cartridge takeOut(int address) {
    synchronized (lib.lock()) {
      physical().settle(lib.clock().now());
      return physical().takeOut(address);
    }
  }

  /** Sets or clears the write-protect tab of the cartridge at {@code address} (not in a loaded drive). */
  public void setWriteProtect(int address, boolean on) {
    synchronized (lib.lock()) {
      physical().settle(lib.clock().now());
      physical().setWriteProtect(address, on);
    }
  }

  /** Switches the library off and on: 6/29/00 for every initiator on every unit; moves in flight end. */
  public void powerCycle() {
    lib.powerCycle();
  }

  /** Pauses the library (front panel): media commands get the personality's not-ready sense. */
  public void pause() {
    synchronized (lib.lock()) {
      physical().setPaused(true);
    }
  }

  public void resume() {
    synchronized (lib.lock()) {
      physical().setPaused(false);
      lib.target(UnitId.CHANGER).attentions().raise(0x28, 0x00);
    }
  }

  /** Scripts a fault on a logical unit. */
  public void inject(UnitId unit, Fault fault) {
    lib.inject(unit, fault);
  }

  /** The first empty cell of station {@code index}. */
  public int firstFreeCell(int index) {
    synchronized (lib.lock()) {
      IoStation s = physical().station(index);
      for (int a : s.addresses()) {
        if (!physical().element(a).orElseThrow().isFull()) {
          return a;
        }
      }
      throw new IllegalStateException("I/O station " + index + " is full");
    }
  }

  /**
   * The library as an operator's panel shows it: stations and drives, then every occupied element.
   * Empty slots are counted, not listed (a large library has 20,000).
   */
  public String show() {
    synchronized (lib.lock()) {
      physical().settle(lib.clock().now());
      StringBuilder sb = new StringBuilder();
      sb.append(lib.personality().description()).append(" [").append(lib.personality().name()).append(']')
          .append(physical().isPaused() ? " PAUSED" : "").append('\n');
      for (IoStation s : physical().stations()) {
        sb.append("I/O station ").append(s.index()).append(s.isOpen() ? ": open" : ": closed")
            .append(lib.preventing().isEmpty() ? "" : ", locked").append('\n');
      }
      for (TapeDrive d : physical().drives()) {
        sb.append(String.format("drive %d at 0x%04X (serial %s): %s%s%n", d.index(), d.address(), d.serial(),
            d.state(), d.cartridge().map(c -> " " + c.displayName()).orElse("")));
      }
      int emptySlots = 0;
      for (PhysicalElement e : physical().elements()) {
        if (!e.isFull()) {
          emptySlots += e.kind() == ElementKind.STORAGE ? 1 : 0;
          continue;
        }
        ElementState st = physical().status(e.address());
        Cartridge c = e.cartridge().orElseThrow();
        sb.append(String.format("%-13s 0x%04X %s%s%s%s%n", e.kind().word(), e.address(), c.displayName(),
            c.writeProtected() ? " (write-protected)" : "",
            e.kind() == ElementKind.IMPORT_EXPORT ? (st.impExp() ? " imported" : " exported") : "",
            st.except().map(x -> " except " + x).orElse("")));
      }
      for (PhysicalLibrary.Transit t : physical().transits()) {
        sb.append(String.format("robot 0x%04X moving 0x%04X -> 0x%04X, arrives %s%n", t.transport(), t.source(),
            t.destination(), t.arriveAt()));
      }
      sb.append(emptySlots).append(" empty slots\n");
      return sb.toString();
    }
  }
}
