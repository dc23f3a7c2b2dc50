package org.vaultline.scsi.ssc;

import static org.vaultline.scsi.CdbFields.flag;

import java.time.Duration;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.transport.DataDirection;

/**
 * SSC-3 REPORT DENSITY SUPPORT (44h), a common command: the densities (or medium types) the drive, or
 * the mounted medium, supports. sg3_utils calls it sg_rep_density.
 *
 * @param media MEDIA: report what the mounted medium supports rather than the drive
 * @param mediumType MEDIUM TYPE: return medium type descriptors instead of density descriptors
 * @param allocationLength ALLOCATION LENGTH, 16 bits
 */
public record ReportDensitySupport(boolean media, boolean mediumType, int allocationLength)
    implements Command<DensitySupportData> {
  public static final int OPCODE = 0x44;
  public static final String NAME = "REPORT DENSITY SUPPORT";

  public ReportDensitySupport {
    if (allocationLength < 0 || allocationLength > 0xFFFF) {
      throw new IllegalArgumentException("allocation length must fit in 16 bits: " + allocationLength);
    }
  }

  /** The densities the drive supports, with room for 64 descriptors. */
  public static ReportDensitySupport densities() {
    return new ReportDensitySupport(false, false, 4 + 64 * DensityDescriptor.LENGTH);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Cdb cdb() {
    return Cdb.of(OPCODE,
        flag(mediumType, 1) | flag(media, 0), // byte 1: MEDIUM TYPE bit 1, MEDIA bit 0
        0, 0, 0, 0, 0,
        allocationLength >> 8, allocationLength, // bytes 7..8: ALLOCATION LENGTH
        0);
  }

  @Override
  public DataDirection direction() {
    return DataDirection.FROM_DEVICE;
  }

  @Override
  public int dataInLength() {
    return allocationLength;
  }

  @Override
  public Duration defaultTimeout() {
    return SscTimeouts.QUERY;
  }

  /** Density descriptors ({@link DensitySupport}) or, with MEDIUM TYPE, {@link MediumTypeSupport}. */
  @Override
  public DensitySupportData parse(Bytes dataIn) throws MalformedResponseException {
    return mediumType ? MediumTypeSupport.parse(dataIn) : DensitySupport.parse(dataIn);
  }

  /** Decodes a REPORT DENSITY SUPPORT CDB (target side). */
  public static ReportDensitySupport fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 10, NAME);
    f.reserved(1, 0xfc);
    f.reservedBytes(2, 6);
    return new ReportDensitySupport(f.bit(1, 0), f.bit(1, 1), f.u16(7));
  }
}
