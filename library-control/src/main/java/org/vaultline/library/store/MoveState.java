package org.vaultline.library.store;

/**
 * Where a recorded robot move stands. A move is written {@link #INTENDED} in its own committed
 * transaction before the MOVE MEDIUM is sent, and leaves that state exactly once.
 */
public enum MoveState {
  /** Recorded, sent or about to be sent; the outcome is not known yet (or the server died meanwhile). */
  INTENDED,
  /** The library reported success (and, where it reports too early, element status agreed). */
  DONE,
  /** The library refused or failed the move; the cartridge did not move, or its place was re-read. */
  FAILED,
  /** Found INTENDED at start-up; settled by reading element status: the cartridge is where the library says. */
  RESOLVED
}
