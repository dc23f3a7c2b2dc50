package org.vaultline.library.store;

/**
 * A write broke a uniqueness, foreign-key or check constraint (SQLITE_CONSTRAINT): a library defined
 * twice, a volume checked in twice, two volumes given the same home element, a drive deleted while a path
 * still names it. The command layer reports these to the administrator ("Library LIB1 is already
 * defined") instead of treating them as faults; the message carries SQLite's own constraint text.
 */
public final class ConflictException extends StoreException {
  public ConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
