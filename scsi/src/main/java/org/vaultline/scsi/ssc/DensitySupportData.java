package org.vaultline.scsi.ssc;

import org.vaultline.scsi.bytes.Bytes;

/**
 * What REPORT DENSITY SUPPORT (44h) returns: {@link DensitySupport} (density support data block
 * descriptors) when MEDIUM TYPE is 0, {@link MediumTypeSupport} (medium type descriptors) when it is 1.
 */
public sealed interface DensitySupportData permits DensitySupport, MediumTypeSupport {
  /** The parameter data a drive returns (used by the emulator). */
  Bytes encode();
}
