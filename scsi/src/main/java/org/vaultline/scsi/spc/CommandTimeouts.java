package org.vaultline.scsi.spc;

import java.time.Duration;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.bytes.BigEndianReader;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * SPC-4 command timeouts descriptor (REPORT SUPPORTED OPERATION CODES with RCTD), 12 bytes: bytes 0..1
 * DESCRIPTOR LENGTH (0Ah), byte 3 COMMAND SPECIFIC, bytes 4..7 NOMINAL COMMAND PROCESSING TIMEOUT,
 * bytes 8..11 RECOMMENDED COMMAND TIMEOUT, both in seconds (0: not specified).
 */
public record CommandTimeouts(int commandSpecific, long nominalSeconds, long recommendedSeconds) {
  static final int LENGTH = 12;

  public CommandTimeouts {
    CdbFields.checkRange("command specific", commandSpecific, 0xff);
    CdbFields.checkRange("nominal timeout", nominalSeconds, 0xffffffffL);
    CdbFields.checkRange("recommended timeout", recommendedSeconds, 0xffffffffL);
  }

  public Duration nominal() {
    return Duration.ofSeconds(nominalSeconds);
  }

  public Duration recommended() {
    return Duration.ofSeconds(recommendedSeconds);
  }

  /** Reads the descriptor at {@code offset}; a DESCRIPTOR LENGTH other than 0Ah is not trusted, the size is fixed. */
  static CommandTimeouts read(BigEndianReader r, int offset) throws MalformedResponseException {
    r.u16(offset);
    return new CommandTimeouts(r.u8(offset + 3), r.u32(offset + 4), r.u32(offset + 8));
  }

  public Bytes encode() {
    return new BigEndianWriter(LENGTH).u16(0x0A).u8(0).u8(commandSpecific).u32(nominalSeconds)
        .u32(recommendedSeconds).toBytes();
  }
}
