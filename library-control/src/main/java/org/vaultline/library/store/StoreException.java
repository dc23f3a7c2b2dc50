package org.vaultline.library.store;

/**
 * The store could not do what was asked: the database file is unusable, a statement failed, or the
 * database stayed busy through every retry. Unchecked: callers above the store cannot repair these, they
 * report them (the message names the file or the statement) and stop the operation.
 */
public class StoreException extends RuntimeException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
