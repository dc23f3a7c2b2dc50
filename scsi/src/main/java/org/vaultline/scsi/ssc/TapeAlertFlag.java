package org.vaultline.scsi.ssc;

/**
 * The 64 TapeAlert flags of a tape drive: LOG SENSE page 2Eh parameter codes 0001h..0040h (SSC-3
 * TapeAlert log page and its annex table; names and severities as in the TapeAlert specification and
 * the drive vendors' tables). 28h..2Eh were the loader flags of TapeAlert 2, obsolete in SSC-3 but still
 * set by some autoloader drives, so they keep their old names and severities; 0Dh and 0Eh were "recoverable/unrecoverable snapped tape", 3Ah "microcode failure" in older tables.
 */
public enum TapeAlertFlag implements TapeAlertCondition {
  READ_WARNING(0x01, "Read warning", TapeAlertSeverity.WARNING),
  WRITE_WARNING(0x02, "Write warning", TapeAlertSeverity.WARNING),
  HARD_ERROR(0x03, "Hard error", TapeAlertSeverity.WARNING),
  MEDIA(0x04, "Media", TapeAlertSeverity.CRITICAL),
  READ_FAILURE(0x05, "Read failure", TapeAlertSeverity.CRITICAL),
  WRITE_FAILURE(0x06, "Write failure", TapeAlertSeverity.CRITICAL),
  MEDIA_LIFE(0x07, "Media life", TapeAlertSeverity.WARNING),
  NOT_DATA_GRADE(0x08, "Not data grade", TapeAlertSeverity.WARNING),
  WRITE_PROTECT(0x09, "Write protect", TapeAlertSeverity.CRITICAL),
  NO_REMOVAL(0x0A, "No removal", TapeAlertSeverity.INFORMATION),
  CLEANING_MEDIA(0x0B, "Cleaning media", TapeAlertSeverity.INFORMATION),
  UNSUPPORTED_FORMAT(0x0C, "Unsupported format", TapeAlertSeverity.INFORMATION),
  RECOVERABLE_MECHANICAL_CARTRIDGE_FAILURE(0x0D, "Recoverable mechanical cartridge failure", TapeAlertSeverity.CRITICAL),
  UNRECOVERABLE_MECHANICAL_CARTRIDGE_FAILURE(0x0E, "Unrecoverable mechanical cartridge failure", TapeAlertSeverity.CRITICAL),
  MEMORY_CHIP_IN_CARTRIDGE_FAILURE(0x0F, "Memory chip in cartridge failure", TapeAlertSeverity.WARNING),
  FORCED_EJECT(0x10, "Forced eject", TapeAlertSeverity.CRITICAL),
  READ_ONLY_FORMAT(0x11, "Read only format", TapeAlertSeverity.WARNING),
  TAPE_DIRECTORY_CORRUPTED_ON_LOAD(0x12, "Tape directory corrupted on load", TapeAlertSeverity.WARNING),
  NEARING_MEDIA_LIFE(0x13, "Nearing media life", TapeAlertSeverity.INFORMATION),
  CLEAN_NOW(0x14, "Clean now", TapeAlertSeverity.CRITICAL),
  CLEAN_PERIODIC(0x15, "Clean periodic", TapeAlertSeverity.WARNING),
  EXPIRED_CLEANING_MEDIA(0x16, "Expired cleaning media", TapeAlertSeverity.CRITICAL),
  INVALID_CLEANING_TAPE(0x17, "Invalid cleaning tape", TapeAlertSeverity.CRITICAL),
  RETENSION_REQUESTED(0x18, "Retension requested", TapeAlertSeverity.WARNING),
  DUAL_PORT_INTERFACE_ERROR(0x19, "Dual-port interface error", TapeAlertSeverity.WARNING),
  COOLING_FAN_FAILURE(0x1A, "Cooling fan failure", TapeAlertSeverity.WARNING),
  POWER_SUPPLY_FAILURE(0x1B, "Power supply failure", TapeAlertSeverity.WARNING),
  POWER_CONSUMPTION(0x1C, "Power consumption", TapeAlertSeverity.WARNING),
  DRIVE_MAINTENANCE(0x1D, "Drive maintenance", TapeAlertSeverity.WARNING),
  HARDWARE_A(0x1E, "Hardware A", TapeAlertSeverity.CRITICAL),
  HARDWARE_B(0x1F, "Hardware B", TapeAlertSeverity.CRITICAL),
  INTERFACE(0x20, "Interface", TapeAlertSeverity.WARNING),
  EJECT_MEDIA(0x21, "Eject media", TapeAlertSeverity.CRITICAL),
  MICROCODE_UPDATE_FAIL(0x22, "Microcode update fail", TapeAlertSeverity.WARNING),
  DRIVE_HUMIDITY(0x23, "Drive humidity", TapeAlertSeverity.WARNING),
  DRIVE_TEMPERATURE(0x24, "Drive temperature", TapeAlertSeverity.WARNING),
  DRIVE_VOLTAGE(0x25, "Drive voltage", TapeAlertSeverity.WARNING),
  PREDICTIVE_FAILURE(0x26, "Predictive failure", TapeAlertSeverity.CRITICAL),
  DIAGNOSTICS_REQUIRED(0x27, "Diagnostics required", TapeAlertSeverity.WARNING),
  LOADER_HARDWARE_A(0x28, "Loader hardware A (obsolete)", TapeAlertSeverity.CRITICAL),
  LOADER_STRAY_TAPE(0x29, "Loader stray tape (obsolete)", TapeAlertSeverity.CRITICAL),
  LOADER_HARDWARE_B(0x2A, "Loader hardware B (obsolete)", TapeAlertSeverity.WARNING),
  LOADER_DOOR(0x2B, "Loader door (obsolete)", TapeAlertSeverity.CRITICAL),
  LOADER_HARDWARE_C(0x2C, "Loader hardware C (obsolete)", TapeAlertSeverity.CRITICAL),
  LOADER_MAGAZINE(0x2D, "Loader magazine (obsolete)", TapeAlertSeverity.CRITICAL),
  LOADER_PREDICTIVE_FAILURE(0x2E, "Loader predictive failure (obsolete)", TapeAlertSeverity.WARNING),
  RESERVED_2F(0x2F, "Reserved (2Fh)", TapeAlertSeverity.NONE),
  RESERVED_30(0x30, "Reserved (30h)", TapeAlertSeverity.NONE),
  RESERVED_31(0x31, "Reserved (31h)", TapeAlertSeverity.NONE),
  LOST_STATISTICS(0x32, "Lost statistics", TapeAlertSeverity.WARNING),
  TAPE_DIRECTORY_INVALID_AT_UNLOAD(0x33, "Tape directory invalid at unload", TapeAlertSeverity.WARNING),
  TAPE_SYSTEM_AREA_WRITE_FAILURE(0x34, "Tape system area write failure", TapeAlertSeverity.CRITICAL),
  TAPE_SYSTEM_AREA_READ_FAILURE(0x35, "Tape system area read failure", TapeAlertSeverity.CRITICAL),
  NO_START_OF_DATA(0x36, "No start of data", TapeAlertSeverity.CRITICAL),
  LOADING_FAILURE(0x37, "Loading failure", TapeAlertSeverity.CRITICAL),
  UNRECOVERABLE_UNLOAD_FAILURE(0x38, "Unrecoverable unload failure", TapeAlertSeverity.CRITICAL),
  AUTOMATION_INTERFACE_FAILURE(0x39, "Automation interface failure", TapeAlertSeverity.CRITICAL),
  FIRMWARE_FAILURE(0x3A, "Firmware failure", TapeAlertSeverity.WARNING),
  WORM_MEDIUM_INTEGRITY_CHECK_FAILED(0x3B, "WORM medium - integrity check failed", TapeAlertSeverity.WARNING),
  WORM_MEDIUM_OVERWRITE_ATTEMPTED(0x3C, "WORM medium - overwrite attempted", TapeAlertSeverity.WARNING),
  RESERVED_3D(0x3D, "Reserved (3Dh)", TapeAlertSeverity.NONE),
  RESERVED_3E(0x3E, "Reserved (3Eh)", TapeAlertSeverity.NONE),
  RESERVED_3F(0x3F, "Reserved (3Fh)", TapeAlertSeverity.NONE),
  RESERVED_40(0x40, "Reserved (40h)", TapeAlertSeverity.NONE);

  private final int code;
  private final String text;
  private final TapeAlertSeverity severity;

  TapeAlertFlag(int code, String text, TapeAlertSeverity severity) {
    this.code = code;
    this.text = text;
    this.severity = severity;
  }

  @Override
  public int code() {
    return code;
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public TapeAlertSeverity severity() {
    return severity;
  }

  /**
   * The flag with number {@code code}.
   *
   * @throws IllegalArgumentException when {@code code} is not 1..64
   */
  public static TapeAlertFlag of(int code) {
    return values()[TapeAlertPage.index(code)];
  }

  /** {@code 14h Clean now (C)}. */
  @Override
  public String toString() {
    return String.format("%02Xh %s (%s)", code, text, severity.letter());
  }
}
