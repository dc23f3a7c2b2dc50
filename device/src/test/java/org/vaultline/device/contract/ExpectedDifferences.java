package org.vaultline.device.contract;

import java.util.Set;

/**
 * Where the library behind a transport may answer differently from what SMC-3, SSC-3 and the emulator
 * say, and how: the one place that lists them. Every entry is a known bug of tgt 1.0.85 (REFERENCE §4)
 * except {@link #accessBitNeverSet}, which this suite found. A contract test states the standard answer
 * and, where an entry applies, asserts tgt's actual answer instead, so that a tgt without the bug fails
 * the suite and the entry can be removed.
 *
 * @param elementStatusEightBytesShort every READ ELEMENT STATUS report is 8 bytes shorter than its
 *     header's byte count: the last descriptor is cut, and with one drive its DVCID identifier (and so
 *     the drive's serial number) is lost
 * @param allElementTypesGarbled READ ELEMENT STATUS for element type 0 (all types) returns a report whose
 *     second page header is garbage: the elements after the first page cannot be decoded
 * @param firstAddressWrongForSingleElementTypes the header's FIRST ELEMENT ADDRESS REPORTED is not the
 *     address of the element when the type has a single element (medium transport, I/O station here)
 * @param accessBitNeverSet ACCESS (byte 2 bit 3) is 0 in every storage, import/export and data transfer
 *     descriptor, although the robot can reach them all (found here; not in REFERENCE §4)
 * @param loadUnloadReadAsStartStopUnit LOAD UNLOAD (1Bh) is decoded with SBC START STOP UNIT bit meanings:
 *     LOAD=0 alone only "stops" (the tape stays loaded, the drive ready); the SSC RETEN bit (byte 4
 *     bit 1, LOEJ for a disk) is what ejects
 * @param readPositionReportsNothing READ POSITION short form is all zeros with LOCU and BCU set: no
 *     position is ever reported
 * @param unsupportedCommands commands answered with ILLEGAL REQUEST, invalid command operation code
 *     (5/20/00), by their T10 names
 * @param powerOnAttentionEverySession 6/29/00 (power on, reset) on the first command to each logical unit
 *     in every session, also after a reconnection, not only after a real reset
 */
record ExpectedDifferences(boolean elementStatusEightBytesShort, boolean allElementTypesGarbled,
                           boolean firstAddressWrongForSingleElementTypes, boolean accessBitNeverSet,
                           boolean loadUnloadReadAsStartStopUnit, boolean readPositionReportsNothing,
                           Set<String> unsupportedCommands, boolean powerOnAttentionEverySession) {

  /** The emulator, however it is attached: it answers as the standards say. */
  static final ExpectedDifferences NONE = new ExpectedDifferences(false, false, false, false, false, false,
      Set.of(), false);

  /** Debian's tgtd (tgt 1.0.85) emulating a changer and a tape drive. */
  static final ExpectedDifferences TGT = new ExpectedDifferences(true, true, true, true, true, true,
      Set.of("EXCHANGE MEDIUM", "POSITION TO ELEMENT", "LOG SENSE"), true);

  ExpectedDifferences {
    unsupportedCommands = Set.copyOf(unsupportedCommands);
  }

  boolean supports(String command) {
    return !unsupportedCommands.contains(command);
  }
}
