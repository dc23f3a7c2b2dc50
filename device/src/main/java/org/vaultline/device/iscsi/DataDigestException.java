package org.vaultline.device.iscsi;

import org.vaultline.scsi.bytes.Bytes;

/**
 * RFC 7143 7.8 / 11.17: the data digest of one PDU did not match. The PDU has been consumed whole, so
 * the decoder stays in step; a target answers with a Reject (reason 02h) carrying {@link #header()}.
 */
public final class DataDigestException extends MalformedPduException {
  private static final long serialVersionUID = 1L;

  private final transient Bytes header;

  public DataDigestException(String message, Bytes header) {
    super(message);
    this.header = header;
  }

  /** The 48-byte header of the PDU whose data was damaged. */
  public Bytes header() {
    return header;
  }
}
