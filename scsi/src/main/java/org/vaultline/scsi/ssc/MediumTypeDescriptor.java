package org.vaultline.scsi.ssc;

import java.util.List;
import java.util.Objects;

/**
 * One medium type descriptor of REPORT DENSITY SUPPORT (SSC-3, 44h) with MEDIUM TYPE 1, 56 bytes.
 *
 * @param mediumType MEDIUM TYPE, as MODE SENSE reports it
 * @param descriptorLength DESCRIPTOR LENGTH (52 from a conforming drive), kept as received
 * @param numberOfDensityCodes NUMBER OF DENSITY CODES, as received (may exceed the 9 slots)
 * @param primaryDensityCodes the first min(n, 9) PRIMARY DENSITY CODES
 * @param mediaWidth MEDIA WIDTH in tenths of a millimetre
 * @param mediumLength MEDIUM LENGTH in metres
 * @param assigningOrganization ASSIGNING ORGANIZATION (8 characters)
 * @param mediumTypeName MEDIUM TYPE NAME (8 characters)
 * @param description DESCRIPTION (20 characters)
 */
public record MediumTypeDescriptor(
    int mediumType,
    int descriptorLength,
    int numberOfDensityCodes,
    List<Integer> primaryDensityCodes,
    int mediaWidth,
    int mediumLength,
    String assigningOrganization,
    String mediumTypeName,
    String description) {

  public static final int LENGTH = 56;
  /** The PRIMARY DENSITY CODES field has room for nine codes. */
  public static final int DENSITY_CODE_SLOTS = 9;

  public MediumTypeDescriptor {
    primaryDensityCodes = List.copyOf(primaryDensityCodes);
    Objects.requireNonNull(assigningOrganization, "assigningOrganization");
    Objects.requireNonNull(mediumTypeName, "mediumTypeName");
    Objects.requireNonNull(description, "description");
    if (primaryDensityCodes.size() > DENSITY_CODE_SLOTS
        || primaryDensityCodes.size() != Math.min(numberOfDensityCodes, DENSITY_CODE_SLOTS)) {
      throw new IllegalArgumentException("density codes must be the first min(n, 9) of n = " + numberOfDensityCodes);
    }
    for (int c : primaryDensityCodes) {
      if (c < 0 || c > 0xFF) {
        throw new IllegalArgumentException("density codes are one byte: " + c);
      }
    }
    if (mediumType < 0 || mediumType > 0xFF || numberOfDensityCodes < 0 || numberOfDensityCodes > 0xFF
        || descriptorLength < 0 || descriptorLength > 0xFFFF || mediaWidth < 0 || mediaWidth > 0xFFFF
        || mediumLength < 0 || mediumLength > 0xFFFF) {
      throw new IllegalArgumentException("field out of range");
    }
  }
}
