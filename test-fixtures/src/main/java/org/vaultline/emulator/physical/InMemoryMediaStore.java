package org.vaultline.emulator.physical;

import java.util.HashMap;
import java.util.Map;

/** Cartridge contents held in memory, one {@link TapeImage} per serial. */
public final class InMemoryMediaStore implements MediaStore {
  private final Map<String, TapeImage> images = new HashMap<>();

  @Override
  public synchronized TapeImage open(String serial) {
    return images.computeIfAbsent(serial, s -> new TapeImage());
  }

  @Override
  public synchronized void save(String serial, TapeImage image) {
    images.put(serial, image);
    image.markPersisted();
  }
}
