package org.vaultline.emulator.physical;

import java.util.Optional;
import java.util.OptionalInt;
import org.vaultline.emulator.personality.SenseCode;

/**
 * What READ ELEMENT STATUS reports for one element (SMC-3 6.11), already seen through the library's
 * scanner and quirks: a label the scanner cannot read gives no primary tag.
 *
 * @param access the robot can reach it (I/O station door closed; drive empty or unloaded)
 * @param impExp import/export only: placed by the operator (1) rather than by the robot (0)
 * @param except an abnormal state, with its ASC/ASCQ
 * @param driveSerial data transfer only: the drive's serial number (DVCID)
 * @param mediumType SMC-3 MEDIUM TYPE: 0 none, 1 data, 2 cleaning
 */
public record ElementState(int address, ElementKind kind, boolean full, boolean access, boolean impExp,
                           Optional<SenseCode> except, OptionalInt source, Optional<String> primaryTag,
                           Optional<String> alternateTag, Optional<String> driveSerial, int mediumType) {

  public boolean isExcept() {
    return except.isPresent();
  }
}
