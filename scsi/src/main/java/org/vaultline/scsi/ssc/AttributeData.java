package org.vaultline.scsi.ssc;

import org.vaultline.scsi.bytes.Bytes;

/**
 * What READ ATTRIBUTE (8Ch) returns; the shape depends on the service action: {@link AttributeValues}
 * for ATTRIBUTE VALUES, {@link AttributeIdentifiers} for ATTRIBUTE LIST and SUPPORTED ATTRIBUTES,
 * {@link AttributeNumberRange} for LOGICAL VOLUME LIST and PARTITION LIST.
 */
public sealed interface AttributeData permits AttributeValues, AttributeIdentifiers, AttributeNumberRange {
  /** The parameter data a device returns (used by the emulator). */
  Bytes encode();
}
