package org.vaultline.emulator.physical;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where cartridge contents live, keyed by medium serial number: in memory for tests, in one file per
 * cartridge for the standalone emulator. Contents outlive the emulator object that wrote them (pass
 * the same store to a reloaded library), as data outlives a crash of the host that wrote it.
 */
public interface MediaStore {

  /** The contents of cartridge {@code serial}; a blank tape if it was never written. */
  TapeImage open(String serial) throws IOException;

  /** Makes the changes to {@code image} durable. */
  void save(String serial, TapeImage image) throws IOException;

  static MediaStore inMemory() {
    return new InMemoryMediaStore();
  }

  static MediaStore directory(Path dir) throws IOException {
    return new DirectoryMediaStore(dir);
  }
}
