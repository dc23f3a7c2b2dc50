package org.vaultline.emulator.personality;

import java.util.OptionalInt;
import java.util.Set;

/**
 * Vendor habits the emulator reproduces, each switchable (REFERENCE §1, "recurring problems").
 *
 * @param maxElementsPerRead READ ELEMENT STATUS asking for more elements than this gets 5/24/00
 *     (IBM TS4500: 5,376)
 * @param allocationLength16Bits only the low 16 bits of the 3-byte allocation length are honoured
 * @param dvcidDrivesOnly DVCID is refused (5/24/00) unless the element type is 4 and VOLTAG is 0
 *     (IBM TS4500, 3584)
 * @param noImportExport the I/O station is not exposed over SCSI (small libraries)
 * @param moveReportedEarly MOVE MEDIUM returns GOOD before the robot has finished; element status shows
 *     the cartridge in the transport until it has
 * @param pausedSense what a paused library answers (IBM: 2/04/85 library paused; others 2/04/03)
 * @param unreadableLabelSense how an unreadable label is reported: element Except with this ASC/ASCQ
 *     (e.g. 83/00), or, when absent, just no volume tag
 * @param unreadableBarcodes labels the scanner never reads, whatever the operator did
 */
public record Quirks(OptionalInt maxElementsPerRead, boolean allocationLength16Bits, boolean dvcidDrivesOnly,
                     boolean noImportExport, boolean moveReportedEarly, SenseCode pausedSense,
                     java.util.Optional<SenseCode> unreadableLabelSense, Set<String> unreadableBarcodes) {

  public Quirks {
    unreadableBarcodes = Set.copyOf(unreadableBarcodes);
  }

  /** A well-behaved library. */
  public static Quirks none() {
    return new Quirks(OptionalInt.empty(), false, false, false, false,
        SenseCode.of(org.vaultline.scsi.sense.SenseKey.NOT_READY, 0x04, 0x03), java.util.Optional.empty(),
        Set.of());
  }

  public Quirks withMaxElementsPerRead(int max) {
    return new Quirks(OptionalInt.of(max), allocationLength16Bits, dvcidDrivesOnly, noImportExport,
        moveReportedEarly, pausedSense, unreadableLabelSense, unreadableBarcodes);
  }

  public Quirks withoutMaxElementsPerRead() {
    return new Quirks(OptionalInt.empty(), allocationLength16Bits, dvcidDrivesOnly, noImportExport,
        moveReportedEarly, pausedSense, unreadableLabelSense, unreadableBarcodes);
  }

  public Quirks withAllocationLength16Bits(boolean on) {
    return new Quirks(maxElementsPerRead, on, dvcidDrivesOnly, noImportExport, moveReportedEarly, pausedSense,
        unreadableLabelSense, unreadableBarcodes);
  }

  public Quirks withDvcidDrivesOnly(boolean on) {
    return new Quirks(maxElementsPerRead, allocationLength16Bits, on, noImportExport, moveReportedEarly,
        pausedSense, unreadableLabelSense, unreadableBarcodes);
  }

  public Quirks withNoImportExport(boolean on) {
    return new Quirks(maxElementsPerRead, allocationLength16Bits, dvcidDrivesOnly, on, moveReportedEarly,
        pausedSense, unreadableLabelSense, unreadableBarcodes);
  }

  public Quirks withMoveReportedEarly(boolean on) {
    return new Quirks(maxElementsPerRead, allocationLength16Bits, dvcidDrivesOnly, noImportExport, on,
        pausedSense, unreadableLabelSense, unreadableBarcodes);
  }

  public Quirks withPausedSense(SenseCode s) {
    return new Quirks(maxElementsPerRead, allocationLength16Bits, dvcidDrivesOnly, noImportExport,
        moveReportedEarly, s, unreadableLabelSense, unreadableBarcodes);
  }

  public Quirks withUnreadableLabelSense(java.util.Optional<SenseCode> s) {
    return new Quirks(maxElementsPerRead, allocationLength16Bits, dvcidDrivesOnly, noImportExport,
        moveReportedEarly, pausedSense, s, unreadableBarcodes);
  }

  public Quirks withUnreadableBarcodes(Set<String> barcodes) {
    return new Quirks(maxElementsPerRead, allocationLength16Bits, dvcidDrivesOnly, noImportExport,
        moveReportedEarly, pausedSense, unreadableLabelSense, barcodes);
  }
}
