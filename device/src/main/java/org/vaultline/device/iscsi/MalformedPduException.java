package org.vaultline.device.iscsi;

import java.io.IOException;

/**
 * Bytes received on an iSCSI connection that do not form a PDU RFC 7143 describes: a digest that does
 * not match, a length field pointing past its segment, a data segment larger than negotiated, a text
 * segment that is not key=value pairs. The connection cannot be trusted past a header error; a data
 * digest error ({@link DataDigestException}) leaves the framing intact.
 */
public class MalformedPduException extends IOException {
  private static final long serialVersionUID = 1L;

  public MalformedPduException(String message) {
    super(message);
  }
}
