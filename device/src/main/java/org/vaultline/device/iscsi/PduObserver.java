package org.vaultline.device.iscsi;

/**
 * Sees every PDU a connection sends or receives, for logs and tests (e.g. a test waiting for the ABORT
 * TASK that a timeout must cause). Called on the sending or receiving thread: return quickly.
 */
public interface PduObserver {
  PduObserver NONE = new PduObserver() { };

  default void sent(Pdu pdu) {
  }

  default void received(Pdu pdu) {
  }
}
