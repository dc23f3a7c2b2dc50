package org.vaultline.emulator.physical;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The mechanics and tape position of one drive. A cartridge the robot puts in is loaded (threaded) by
 * the drive on its own, which takes the load time; LOAD UNLOAD with LOAD=0 rewinds and ejects it into
 * the bay, from where the robot can take it. Owned and guarded by {@link PhysicalLibrary}.
 */
public final class TapeDrive {

  /** Where the cartridge is, as far as the drive is concerned. */
  public enum Mechanism {
    /** No cartridge in the bay. */
    EMPTY,
    /** Cartridge going in; ready at {@link #readyAt()}. */
    LOADING,
    /** Threaded and ready for SSC commands. */
    LOADED,
    /** Rewinding and ejecting; unloaded at {@link #readyAt()}. */
    UNLOADING,
    /** Ejected: in the bay, the robot may take it, a LOAD threads it again. */
    UNLOADED
  }

  private final int index;
  private final PhysicalElement bay;
  private final String serial;
  private final MediaStore store;
  private Mechanism state = Mechanism.EMPTY;
  private Instant readyAt = Instant.EPOCH;
  private long loadCount;
  private TapeImage image;
  private int position;
  private int blockSize;
  private final TreeSet<Integer> tapeAlerts = new TreeSet<>();

  TapeDrive(int index, PhysicalElement bay, String serial, MediaStore store) {
    this.index = index;
    this.bay = bay;
    this.serial = serial;
    this.store = store;
  }

  /** 0-based drive number, in address order. */
  public int index() {
    return index;
  }

  public int address() {
    return bay.address();
  }

  public String serial() {
    return serial;
  }

  public Mechanism state() {
    return state;
  }

  public Instant readyAt() {
    return readyAt;
  }

  public Optional<Cartridge> cartridge() {
    return bay.cartridge();
  }

  /** Increases each time a cartridge becomes ready: a UNIT ATTENTION 6/28/00 for every initiator. */
  public long loadCount() {
    return loadCount;
  }

  /** The loaded cartridge's contents; only in state LOADED. */
  public TapeImage image() {
    if (state != Mechanism.LOADED) {
      throw new IllegalStateException("drive " + index + " has no tape loaded");
    }
    return image;
  }

  public int position() {
    return position;
  }

  public void setPosition(int p) {
    if (p < 0 || image == null || p > image.size()) {
      throw new IllegalArgumentException("position " + p + " is not on the tape");
    }
    position = p;
  }

  /** 0 for variable-block mode, else the fixed block length (MODE SELECT block descriptor). */
  public int blockSize() {
    return blockSize;
  }

  public void setBlockSize(int size) {
    blockSize = size;
  }

  /** TapeAlert flags set (1..64), SSC-3 Annex A / LOG SENSE page 2Eh. */
  public TreeSet<Integer> tapeAlerts() {
    return tapeAlerts;
  }

  /** Writes what changed on the loaded tape to the media store. */
  public void flush() {
    if (image != null && bay.isFull()) {
      try {
        store.save(bay.cartridge().orElseThrow().serial(), image);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  void settle(Instant now) {
    if (state == Mechanism.LOADING && !now.isBefore(readyAt)) {
      try {
        image = store.open(bay.cartridge().orElseThrow().serial());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      position = 0;
      state = Mechanism.LOADED;
      loadCount++;
    } else if (state == Mechanism.UNLOADING && !now.isBefore(readyAt)) {
      state = Mechanism.UNLOADED;
    }
  }

  /** The robot has put a cartridge in the bay at {@code at}; the drive threads it. */
  void inserted(Instant at, Duration load) {
    state = Mechanism.LOADING;
    readyAt = at.plus(load);
  }

  /** LOAD of an ejected cartridge; returns when it will be ready. */
  Instant load(Instant now, Duration load) {
    if (state == Mechanism.UNLOADED) {
      state = Mechanism.LOADING;
      readyAt = now.plus(load);
    }
    return readyAt;
  }

  /** Rewind and eject; returns when the cartridge will be out. */
  Instant unload(Instant now, Duration unload) {
    if (state == Mechanism.LOADED) {
      flush();
      image = null;
      position = 0;
      state = Mechanism.UNLOADING;
      readyAt = now.plus(unload);
    }
    return readyAt;
  }

  void removed() {
    state = Mechanism.EMPTY;
    image = null;
    position = 0;
  }

  /** Power loss: whatever was moving has finished; a loaded tape is back at the beginning. */
  void powerCycle(Instant now) {
    if (state == Mechanism.LOADING || state == Mechanism.UNLOADING) {
      readyAt = now;
      settle(now);
    }
    if (state == Mechanism.LOADED) {
      flush();
      position = 0;
    }
    blockSize = 0;
  }

  /** Restores a saved mechanical state (the library kept running while the host was down). */
  void restore(Mechanism m, int pos, int fixedBlock) {
    blockSize = fixedBlock;
    if (m == Mechanism.LOADED || m == Mechanism.LOADING) {
      state = Mechanism.LOADING;
      readyAt = Instant.EPOCH;
      settle(Instant.EPOCH);
      loadCount = 0;
      position = Math.min(pos, image.size());
    } else {
      state = bay.isFull() ? Mechanism.UNLOADED : Mechanism.EMPTY;
    }
  }
}
