package org.vaultline.library.store;

/**
 * Why a move was made, so that start-up recovery knows what the rest of the operation would have
 * changed (a CHECKOUT whose cartridge is found in the I/O station has in fact been checked out).
 */
public enum MovePurpose {
  /** Slot to drive, for a mount. */
  MOUNT,
  /** Drive back to its home slot. */
  DISMOUNT,
  /** I/O station (or wherever CHECKIN found it) to a storage slot. */
  CHECKIN,
  /** Storage slot to the I/O station: CHECKOUT LIBVOLUME, MOVE DRMEDIA's eject. */
  CHECKOUT,
  /** Any other move an administrator or AUDIT LIBRARY asked for. */
  RELOCATE
}
