package org.vaultline.library.drm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.vaultline.library.store.Origin;

/**
 * An I/O station in memory for the DRM process tests: {@code capacity} elements, a set of cartridges in the
 * library, and an operator who empties the station each time a request is raised (unless told to stay away).
 */
final class StationFake implements DrmEject {
  final int capacity;
  final Set<String> inLibrary = new LinkedHashSet<>();
  final List<String> inStation = new ArrayList<>();
  final List<String> removedByOperator = new ArrayList<>();
  final List<String> requests = new ArrayList<>();
  volatile boolean operatorAway;

  StationFake(int capacity) {
    this.capacity = capacity;
  }

  @Override
  public synchronized Result eject(String library, String volume, Origin origin) {
    if (!inLibrary.contains(volume)) {
      return new Failed("volume " + volume + " is not in library " + library);
    }
    if (inStation.size() >= capacity) {
      return new StationFull();
    }
    inLibrary.remove(volume);
    inStation.add(volume);
    return new Ejected("station element " + inStation.size());
  }

  @Override
  public boolean awaitEmptied(String library, boolean reply, BooleanSupplier cancelled, Origin origin) {
    synchronized (this) {
      requests.add((reply ? "REPLY " : "BULK ") + library);
    }
    while (operatorAway) {
      if (cancelled.getAsBoolean()) {
        return false;
      }
      Thread.onSpinWait();
    }
    synchronized (this) {
      removedByOperator.addAll(inStation);
      inStation.clear();
    }
    return true;
  }
}
