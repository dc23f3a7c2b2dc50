package org.vaultline.emulator.personality;

import org.vaultline.emulator.physical.MediaType;

/**
 * The cartridges a library is stocked with: the default generation for unlabelled cartridges, and the
 * emulated capacity (far below a real LTO's, so tests can reach early warning and end of medium).
 *
 * @param capacityBytes bytes a cartridge holds before physical end of medium (VOLUME OVERFLOW)
 * @param earlyWarningBytes how far before the end early warning (EOM bit, 0/00/02) starts
 */
public record MediaProfile(MediaType defaultType, long capacityBytes, long earlyWarningBytes) {
  public MediaProfile {
    if (capacityBytes <= 0 || earlyWarningBytes < 0 || earlyWarningBytes >= capacityBytes) {
      throw new IllegalArgumentException("capacity " + capacityBytes + " with early warning "
          + earlyWarningBytes + " before it");
    }
  }

  public long earlyWarningAt() {
    return capacityBytes - earlyWarningBytes;
  }
}
