package org.vaultline.library.store;

/** A numbered background process's state (QUERY PROCESS shows the {@link #RUNNING} ones). */
public enum ProcessState {
  RUNNING,
  COMPLETED,
  FAILED,
  /** Ended by {@code CANCEL PROCESS}. */
  CANCELLED,
  /** Was running when the server stopped or died; set at the next start. */
  INTERRUPTED
}
