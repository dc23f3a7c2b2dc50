package org.vaultline.emulator.physical;

import java.util.List;

/** An I/O station: import/export elements behind one door the operator opens and closes. */
public final class IoStation {
  private final int index;
  private final List<Integer> addresses;
  private boolean open;

  IoStation(int index, List<Integer> addresses) {
    this.index = index;
    this.addresses = List.copyOf(addresses);
  }

  public int index() {
    return index;
  }

  public List<Integer> addresses() {
    return addresses;
  }

  public boolean isOpen() {
    return open;
  }

  void setOpen(boolean open) {
    this.open = open;
  }
}
