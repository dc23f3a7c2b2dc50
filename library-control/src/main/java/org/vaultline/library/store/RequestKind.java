package org.vaultline.library.store;

/** What an operator request asks for. */
public enum RequestKind {
  /** Put cartridges into the I/O station (CHECKIN LIBVOLUME with WAITTIME, SEARCH=BULK). */
  INSERT_CARTRIDGES,
  /** Take the cartridges out of the full I/O station (CHECKOUT, MOVE DRMEDIA). */
  EMPTY_IO_STATION,
  /** Take a cartridge from a storage slot by hand: the library has no usable I/O station. */
  REMOVE_FROM_SLOT,
  /** A cartridge nobody knows was put into the I/O station. */
  UNKNOWN_CARTRIDGE,
  /** Anything else that needs a person, described by the request's text. */
  OTHER
}
