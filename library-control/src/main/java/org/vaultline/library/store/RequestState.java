package org.vaultline.library.store;

/** An operator request's state ({@code QUERY REQUEST} lists the {@link #RAISED} ones). */
public enum RequestState {
  /** Waiting for the operator. */
  RAISED,
  /** {@code REPLY n} was given. */
  ANSWERED,
  /** {@code CANCEL REQUEST n}, a cancelled process, or its wait time ran out. */
  CANCELLED,
  /** The library showed the condition met (I/O station emptied or filled) without a reply. */
  SATISFIED
}
