package org.vaultline.library.events;

import java.util.List;
import java.util.Objects;

/**
 * Counts for the retained topic {@code library/<lib>/summary} (with {@code updated} and {@code seq} added
 * by the publisher): what a dashboard shows and what tells an operator the I/O station needs emptying.
 *
 * @param ioStationVolumes volume names in the I/O station, in element address order
 */
public record LibrarySummary(String library, int slots, int slotsUsed, int ioStationSlots, int ioStationUsed,
    List<String> ioStationVolumes, int drives, int drivesLoaded) {
  public LibrarySummary {
    Objects.requireNonNull(library, "library");
    ioStationVolumes = List.copyOf(ioStationVolumes);
    if (slots < 0 || slotsUsed < 0 || slotsUsed > slots || ioStationSlots < 0 || ioStationUsed < 0
        || ioStationUsed > ioStationSlots || drives < 0 || drivesLoaded < 0 || drivesLoaded > drives) {
      throw new IllegalArgumentException("inconsistent library counts: " + slotsUsed + "/" + slots + " slots, "
          + ioStationUsed + "/" + ioStationSlots + " I/O, " + drivesLoaded + "/" + drives + " drives");
    }
  }

  public int slotsFree() {
    return slots - slotsUsed;
  }

  public int drivesEmpty() {
    return drives - drivesLoaded;
  }
}
