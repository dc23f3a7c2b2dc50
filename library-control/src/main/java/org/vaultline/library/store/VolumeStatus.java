package org.vaultline.library.store;

/** A library volume's status, TSM's {@code CHECKIN LIBVOLUME STATUS=} and QUERY LIBVOLUME's Status column. */
public enum VolumeStatus {
  /** Empty, available for any use. */
  SCRATCH,
  /** Holds data or is reserved for a purpose; never chosen for a scratch mount. */
  PRIVATE,
  /** A cleaning cartridge. */
  CLEANER
}
