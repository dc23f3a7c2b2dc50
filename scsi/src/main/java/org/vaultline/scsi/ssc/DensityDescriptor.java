package org.vaultline.scsi.ssc;

import java.util.Objects;

/**
 * One density support data block descriptor of REPORT DENSITY SUPPORT (SSC-3, 44h), 52 bytes. Text
 * fields are ASCII with the padding removed.
 *
 * @param primaryCode PRIMARY DENSITY CODE, as MODE SENSE reports it (LTO-4: 46h)
 * @param secondaryCode SECONDARY DENSITY CODE (the primary code again when there is none)
 * @param writeOk WRTOK: the drive can write this density (on the mounted medium when MEDIA was set)
 * @param duplicate DUP: the primary code appears in more than one descriptor
 * @param isDefault DEFLT: the default density
 * @param descriptorLengthValid DLV: {@code descriptorLength} is valid (SSC-3)
 * @param descriptorLength DESCRIPTOR LENGTH, bytes 3..4 (meaningful when DLV is set; kept as received)
 * @param bitsPerMm BITS PER MM per track (24 bits)
 * @param mediaWidth MEDIA WIDTH in tenths of a millimetre (127 = 12.7 mm, half-inch tape)
 * @param tracks TRACKS
 * @param capacity CAPACITY in megabytes of 10^6 bytes, uncompressed
 * @param assigningOrganization ASSIGNING ORGANIZATION (8 characters: {@code LTO-CVE})
 * @param densityName DENSITY NAME (8 characters: {@code U-416})
 * @param description DESCRIPTION (20 characters: {@code Ultrium 4/16T})
 */
public record DensityDescriptor(
    int primaryCode,
    int secondaryCode,
    boolean writeOk,
    boolean duplicate,
    boolean isDefault,
    boolean descriptorLengthValid,
    int descriptorLength,
    int bitsPerMm,
    int mediaWidth,
    int tracks,
    long capacity,
    String assigningOrganization,
    String densityName,
    String description) {

  public static final int LENGTH = 52;

  public DensityDescriptor {
    Objects.requireNonNull(assigningOrganization, "assigningOrganization");
    Objects.requireNonNull(densityName, "densityName");
    Objects.requireNonNull(description, "description");
    if (primaryCode < 0 || primaryCode > 0xFF || secondaryCode < 0 || secondaryCode > 0xFF) {
      throw new IllegalArgumentException("density codes are one byte");
    }
    if (descriptorLength < 0 || descriptorLength > 0xFFFF || mediaWidth < 0 || mediaWidth > 0xFFFF
        || tracks < 0 || tracks > 0xFFFF) {
      throw new IllegalArgumentException("16-bit field out of range");
    }
    if (bitsPerMm < 0 || bitsPerMm > 0xFFFFFF) {
      throw new IllegalArgumentException("bits per mm must fit in 24 bits: " + bitsPerMm);
    }
    if (capacity < 0 || capacity > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("capacity must fit in 32 bits: " + capacity);
    }
  }

  /** The native capacity in bytes. */
  public long capacityBytes() {
    return capacity * 1_000_000L;
  }

  /** The media width in millimetres. */
  public double mediaWidthMm() {
    return mediaWidth / 10.0;
  }
}
