package org.vaultline.scsi.ssc;

import java.time.Duration;

/**
 * Default timeouts of the SSC commands. The numbers are the largest per-command value for LTO-5 to
 * LTO-9, full- and half-height, in the timeout tables IBM publishes with LTFS
 * (github.com/LinearTapeFileSystem/ltfs, src/tape_drivers/ibm_tape.c, {@code timeout_lto*}). A timeout
 * that is too short aborts a command the drive would have finished, leaving its state unknown; one that
 * is too long only delays noticing a hung drive, so we take the maximum over the generations.
 */
final class SscTimeouts {
  private SscTimeouts() {
  }

  /** LOAD UNLOAD: 1,020 s (LTO-5 and LTO-6 half-height; full-height drives 780..960 s). */
  static final Duration LOAD_UNLOAD = Duration.ofSeconds(1_020);

  /**
   * REWIND: the table's largest value is 780 s (LTO-5/6 half-height); we use the LOAD UNLOAD value,
   * 1,020 s, because an unload is a rewind plus the unthreading and a rewind must never time out first.
   */
  static final Duration REWIND = Duration.ofSeconds(1_020);

  /** LOCATE(10), LOCATE(16), SPACE(6): 2,940 s (LTO-6 full-height LOCATE, LTO-7 HH to LTO-9). */
  static final Duration POSITIONING = Duration.ofSeconds(2_940);

  /** READ(6): 2,340 s (LTO-7 HH, LTO-8 HH, LTO-9). */
  static final Duration READ = Duration.ofSeconds(2_340);

  /** WRITE(6): 1,920 s (LTO-5/6 half-height). */
  static final Duration WRITE = Duration.ofSeconds(1_920);

  /** WRITE FILEMARKS(6): 1,740 s (LTO-5/6 half-height; it flushes the buffer to tape). */
  static final Duration WRITE_FILEMARKS = Duration.ofSeconds(1_740);

  /** ERASE(6) with LONG=1: 166,370 s, about 46 hours (LTO-9 half-height erasing a whole cartridge). */
  static final Duration ERASE_LONG = Duration.ofSeconds(166_370);

  /** ERASE(6) with LONG=0 writes an end-of-data mark where the tape is, like a write: the WRITE value. */
  static final Duration ERASE_SHORT = WRITE;

  /** READ POSITION, READ BLOCK LIMITS, REPORT DENSITY SUPPORT, READ ATTRIBUTE: 60 s (LTO base table). */
  static final Duration QUERY = Duration.ofSeconds(60);
}
