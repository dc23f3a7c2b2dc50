package org.vaultline.scsi.spc;

import java.time.Duration;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.transport.DataDirection;

/**
 * SPC-4 REPORT SUPPORTED OPERATION CODES (MAINTENANCE IN A3h, service action 0Ch) for every command
 * (reporting options 000b). CDB: byte 1 bits 4..0 SERVICE ACTION (0Ch); byte 2 bit 7 RCTD, bits 2..0
 * REPORTING OPTIONS; byte 3 REQUESTED OPERATION CODE; bytes 4..5 REQUESTED SERVICE ACTION; bytes
 * 6..9 ALLOCATION LENGTH; byte 11 CONTROL. The one-command form is {@link OneCommand}. With RCTD the
 * device gives its own nominal and recommended timeout per command (REFERENCE §1.6).
 *
 * @param returnTimeouts RCTD
 * @param allocationLength 0..FFFFFFFFh
 */
public record ReportSupportedOperationCodes(boolean returnTimeouts, long allocationLength)
    implements Command<SupportedOperationCodes> {
  public static final int OPCODE = 0xA3;
  public static final int SERVICE_ACTION = 0x0C;
  public static final String NAME = "REPORT SUPPORTED OPERATION CODES";

  public ReportSupportedOperationCodes {
    CdbFields.checkRange("allocation length", allocationLength, 0xffffffffL);
  }

  /** Every command with its timeouts, 64 KiB allocated. */
  public static ReportSupportedOperationCodes allWithTimeouts() {
    return new ReportSupportedOperationCodes(true, 0x10000);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Cdb cdb() {
    return cdb(returnTimeouts, ReportingOptions.ALL, 0, 0, allocationLength);
  }

  static Cdb cdb(boolean rctd, ReportingOptions options, int opcode, int serviceAction, long allocationLength) {
    return CdbFields.cdb(new BigEndianWriter(12)
        .u8(OPCODE)
        .u8(SERVICE_ACTION)
        .u8(CdbFields.flag(rctd, 7) | options.code())
        .u8(opcode)
        .u16(serviceAction)
        .u32(allocationLength)
        .u8(0)
        .u8(0));
  }

  @Override
  public DataDirection direction() {
    return DataDirection.FROM_DEVICE;
  }

  @Override
  public int dataInLength() {
    return (int) Math.min(allocationLength, Integer.MAX_VALUE);
  }

  @Override
  public Duration defaultTimeout() {
    return Duration.ofSeconds(30);
  }

  @Override
  public SupportedOperationCodes parse(Bytes dataIn) throws MalformedResponseException {
    return SupportedOperationCodes.parse(dataIn);
  }

  /**
   * Decodes the CDB: reporting options 000b give this record, 001b..011b a {@link OneCommand}.
   *
   * @throws InvalidCdbException another MAINTENANCE IN service action (byte 1), or reserved
   *     reporting options (byte 2)
   */
  public static Command<?> fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 12, NAME);
    int sa = f.bits(1, 4, 0);
    if (sa != SERVICE_ACTION) {
      throw CdbFields.invalid(1, 4, String.format("MAINTENANCE IN service action %02Xh is not supported", sa));
    }
    int options = f.bits(2, 2, 0);
    if (options > 3) {
      throw CdbFields.invalid(2, 2, "reporting options " + Integer.toBinaryString(options) + "b are reserved");
    }
    boolean rctd = f.bit(2, 7);
    if (options == 0) {
      return new ReportSupportedOperationCodes(rctd, f.u32(6));
    }
    return new OneCommand(rctd, ReportingOptions.values()[options], f.u8(3), f.u16(4), f.u32(6));
  }

  /**
   * REPORT SUPPORTED OPERATION CODES for one command (reporting options 001b..011b): is it supported,
   * which CDB bits does the device use, and its timeouts.
   *
   * @param requestedServiceAction ignored by the device for {@link ReportingOptions#OPCODE}
   */
  public record OneCommand(boolean returnTimeouts, ReportingOptions options, int requestedOpcode,
      int requestedServiceAction, long allocationLength) implements Command<OneCommandSupport> {

    public OneCommand {
      if (options == ReportingOptions.ALL) {
        throw new IllegalArgumentException("reporting options 000b is ReportSupportedOperationCodes itself");
      }
      CdbFields.checkRange("requested operation code", requestedOpcode, 0xff);
      CdbFields.checkRange("requested service action", requestedServiceAction, 0xffff);
      CdbFields.checkRange("allocation length", allocationLength, 0xffffffffL);
    }

    /** Support for {@code opcode} (no service action), with timeouts, 512 bytes allocated. */
    public static OneCommand of(int opcode) {
      return new OneCommand(true, ReportingOptions.OPCODE, opcode, 0, 512);
    }

    /** Support for {@code serviceAction} of {@code opcode}, with timeouts, 512 bytes allocated. */
    public static OneCommand of(int opcode, int serviceAction) {
      return new OneCommand(true, ReportingOptions.OPCODE_AND_SERVICE_ACTION, opcode, serviceAction, 512);
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public Cdb cdb() {
      return ReportSupportedOperationCodes.cdb(returnTimeouts, options, requestedOpcode, requestedServiceAction,
          allocationLength);
    }

    @Override
    public DataDirection direction() {
      return DataDirection.FROM_DEVICE;
    }

    @Override
    public int dataInLength() {
      return (int) Math.min(allocationLength, Integer.MAX_VALUE);
    }

    @Override
    public Duration defaultTimeout() {
      return Duration.ofSeconds(30);
    }

    @Override
    public OneCommandSupport parse(Bytes dataIn) throws MalformedResponseException {
      return OneCommandSupport.parse(dataIn);
    }
  }
}
