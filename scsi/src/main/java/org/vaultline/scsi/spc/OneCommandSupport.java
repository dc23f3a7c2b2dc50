package org.vaultline.scsi.spc;

import java.util.Optional;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.bytes.BigEndianReader;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * SPC-4 REPORT SUPPORTED OPERATION CODES one_command parameter data: byte 1 bit 7 CTDP, bits 2..0
 * SUPPORT; bytes 2..3 CDB SIZE; the CDB USAGE DATA (a mask of the CDB bits the device looks at, first
 * byte the opcode); then the command timeouts descriptor when CTDP is set.
 *
 * @param support SUPPORT: 000b data not available, 001b not supported, 011b supported as the standard
 *     says, 101b supported in a vendor-specific way; other values reserved and kept
 * @param cdbUsageData CDB SIZE bytes
 * @param timeouts present when CTDP is set
 */
public record OneCommandSupport(int support, Bytes cdbUsageData, Optional<CommandTimeouts> timeouts) {
  public static final int NOT_AVAILABLE = 0;
  public static final int NOT_SUPPORTED = 1;
  public static final int SUPPORTED = 3;
  public static final int SUPPORTED_VENDOR_SPECIFIC = 5;

  public OneCommandSupport {
    CdbFields.checkRange("support", support, 7);
    CdbFields.checkRange("CDB size", cdbUsageData.size(), 0xffff);
  }

  /** SUPPORT is 011b or 101b. */
  public boolean isSupported() {
    return support == SUPPORTED || support == SUPPORTED_VENDOR_SPECIFIC;
  }

  /**
   * Parses one_command data; bytes after the timeouts descriptor (or after the usage data) are ignored.
   *
   * @throws MalformedResponseException when CDB SIZE or the timeouts descriptor runs past the data
   */
  public static OneCommandSupport parse(Bytes data) throws MalformedResponseException {
    BigEndianReader r = new BigEndianReader(data);
    boolean ctdp = r.bit(1, 7);
    int support = r.bits(1, 2, 0);
    int size = r.u16(2);
    Bytes usage = r.bytes(4, size);
    Optional<CommandTimeouts> timeouts = ctdp ? Optional.of(CommandTimeouts.read(r, 4 + size)) : Optional.empty();
    return new OneCommandSupport(support, usage, timeouts);
  }

  /** The data as a device sends it. */
  public Bytes encode() {
    BigEndianWriter w = new BigEndianWriter()
        .u8(0)
        .u8(CdbFields.flag(timeouts.isPresent(), 7) | support)
        .u16(cdbUsageData.size())
        .bytes(cdbUsageData);
    timeouts.ifPresent(t -> w.bytes(t.encode()));
    return w.toBytes();
  }
}
