package org.vaultline.scsi.smc;

import java.time.Duration;

/**
 * Default timeouts of the SMC-3 commands (REFERENCE §1.6). A timeout that is too short aborts a robot
 * move the library then finishes anyway, leaving the host's idea of where the cartridge is wrong; one
 * that is too long only delays noticing a hung library. The robot itself is quick (a TS4500 move is
 * under 3 s, a small autoloader's under 45 s); the margins are for a library that is busy with another
 * host's request, scanning, or waiting on an operator at the I/O station.
 */
final class SmcTimeouts {
  private SmcTimeouts() {
  }

  /** MOVE MEDIUM, POSITION TO ELEMENT, OPEN/CLOSE IMPORT/EXPORT ELEMENT: 300 s. */
  static final Duration MOVE = Duration.ofSeconds(300);

  /** EXCHANGE MEDIUM: two moves, 600 s. */
  static final Duration EXCHANGE = Duration.ofSeconds(600);

  /**
   * INITIALIZE ELEMENT STATUS (with or without range): 3,600 s; a full inventory of a large library is
   * several seconds per storage column (TS4500: 6 s a column, 8 s an I/O station).
   */
  static final Duration INVENTORY = Duration.ofSeconds(3_600);

  /**
   * READ ELEMENT STATUS: 120 s. With CURDATA=0 a library may move the robot to find out (a barcode
   * scan of an unknown magazine), so this is longer than a plain query.
   */
  static final Duration READ_ELEMENT_STATUS = Duration.ofSeconds(120);
}
