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
 * SPC-4 REPORT LUNS (A0h). CDB: byte 2 SELECT REPORT; bytes 6..9 ALLOCATION LENGTH (at least 16);
 * byte 11 CONTROL.
 *
 * @param selectReport 00h all logical units except well-known ones, 01h well-known only, 02h all;
 *     other values carried as given
 * @param allocationLength 16..FFFFFFFFh
 */
public record ReportLuns(int selectReport, long allocationLength) implements Command<ReportLunsData> {
  public static final int OPCODE = 0xA0;
  public static final String NAME = "REPORT LUNS";

  public ReportLuns {
    CdbFields.checkRange("select report", selectReport, 0xff);
    CdbFields.checkRange("allocation length", allocationLength, 0xffffffffL);
    if (allocationLength < 16) {
      throw new IllegalArgumentException("REPORT LUNS needs an allocation length of at least 16, not " + allocationLength);
    }
  }

  /** SELECT REPORT 00h with room for 1023 LUNs. */
  public static ReportLuns all() {
    return new ReportLuns(0, 8192);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Cdb cdb() {
    return CdbFields.cdb(new BigEndianWriter(12)
        .u8(OPCODE)
        .u8(0)
        .u8(selectReport)
        .zeros(3)
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
    return Duration.ofSeconds(10);
  }

  @Override
  public ReportLunsData parse(Bytes dataIn) throws MalformedResponseException {
    return ReportLunsData.parse(dataIn);
  }

  /** @throws InvalidCdbException an allocation length below 16 (bytes 6..9), as SPC-4 requires */
  public static ReportLuns fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 12, NAME);
    long alloc = f.u32(6);
    if (alloc < 16) {
      throw CdbFields.invalid(6, 7, "allocation length " + alloc + " is less than 16");
    }
    return new ReportLuns(f.u8(2), alloc);
  }
}
