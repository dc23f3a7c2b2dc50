package org.vaultline.scsi.transport;

/** Which way data moves in the data phase. SCSI has no bidirectional commands we use. */
public enum DataDirection {
  NONE,
  /** Data-In: READ ELEMENT STATUS, INQUIRY, READ(6) ... */
  FROM_DEVICE,
  /** Data-Out: MODE SELECT, WRITE(6) ... */
  TO_DEVICE
}
