package org.vaultline.emulator.physical;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One place a cartridge can be: a slot, an I/O station cell, a drive bay, or a robot's gripper.
 * Mutable; owned and guarded by {@link PhysicalLibrary}.
 */
public final class PhysicalElement {
  private final int address;
  private final ElementKind kind;
  private final int station;
  private Cartridge cartridge;
  private int source = -1;
  private boolean placedByOperator;

  PhysicalElement(int address, ElementKind kind, int station) {
    this.address = address;
    this.kind = kind;
    this.station = station;
  }

  public int address() {
    return address;
  }

  public ElementKind kind() {
    return kind;
  }

  /** The I/O station this import/export element belongs to (0-based), or -1. */
  public int station() {
    return station;
  }

  public Optional<Cartridge> cartridge() {
    return Optional.ofNullable(cartridge);
  }

  public boolean isFull() {
    return cartridge != null;
  }

  /** The element the cartridge was last moved from by the robot (SMC-3 SOURCE STORAGE ELEMENT ADDRESS). */
  public OptionalInt source() {
    return source < 0 ? OptionalInt.empty() : OptionalInt.of(source);
  }

  /** Import/export only: the operator put the cartridge here (SMC-3 IMPEXP = 1), not the robot. */
  public boolean placedByOperator() {
    return placedByOperator;
  }

  void put(Cartridge c, int from, boolean byOperator) {
    if (cartridge != null) {
      throw new IllegalStateException(String.format("element 0x%04X is full", address));
    }
    cartridge = c;
    source = from;
    placedByOperator = byOperator;
  }

  Cartridge take() {
    Cartridge c = cartridge;
    if (c == null) {
      throw new IllegalStateException(String.format("element 0x%04X is empty", address));
    }
    cartridge = null;
    source = -1;
    placedByOperator = false;
    return c;
  }

  void replace(Cartridge c) {
    cartridge = c;
  }
}
