package org.vaultline.scsi.ssc;

/**
 * The 64 TapeAlert flags of a media changer (SMC-3 TapeAlert for automation devices, LOG SENSE page 2Eh
 * of the changer LUN). Flags 01h..20h are defined; 21h..40h are reserved. 0Ch was called "Library stray
 * tape" in older tables and 07h "Failure prediction".
 */
public enum LibraryTapeAlertFlag implements TapeAlertCondition {
  LIBRARY_HARDWARE_A(0x01, "Library hardware A", TapeAlertSeverity.CRITICAL),
  LIBRARY_HARDWARE_B(0x02, "Library hardware B", TapeAlertSeverity.WARNING),
  LIBRARY_HARDWARE_C(0x03, "Library hardware C", TapeAlertSeverity.CRITICAL),
  LIBRARY_HARDWARE_D(0x04, "Library hardware D", TapeAlertSeverity.CRITICAL),
  LIBRARY_DIAGNOSTICS_REQUIRED(0x05, "Library diagnostics required", TapeAlertSeverity.WARNING),
  LIBRARY_INTERFACE(0x06, "Library interface", TapeAlertSeverity.CRITICAL),
  PREDICTIVE_FAILURE(0x07, "Predictive failure", TapeAlertSeverity.WARNING),
  LIBRARY_MAINTENANCE(0x08, "Library maintenance", TapeAlertSeverity.WARNING),
  LIBRARY_HUMIDITY_LIMITS(0x09, "Library humidity limits", TapeAlertSeverity.CRITICAL),
  LIBRARY_TEMPERATURE_LIMITS(0x0A, "Library temperature limits", TapeAlertSeverity.CRITICAL),
  LIBRARY_VOLTAGE_LIMITS(0x0B, "Library voltage limits", TapeAlertSeverity.CRITICAL),
  LIBRARY_STRAY_MEDIA(0x0C, "Library stray media", TapeAlertSeverity.CRITICAL),
  LIBRARY_PICK_RETRY(0x0D, "Library pick retry", TapeAlertSeverity.WARNING),
  LIBRARY_PLACE_RETRY(0x0E, "Library place retry", TapeAlertSeverity.WARNING),
  LIBRARY_LOAD_RETRY(0x0F, "Library load retry", TapeAlertSeverity.WARNING),
  LIBRARY_DOOR(0x10, "Library door", TapeAlertSeverity.CRITICAL),
  LIBRARY_MAILSLOT(0x11, "Library mailslot", TapeAlertSeverity.CRITICAL),
  LIBRARY_MAGAZINE(0x12, "Library magazine", TapeAlertSeverity.CRITICAL),
  LIBRARY_SECURITY(0x13, "Library security", TapeAlertSeverity.WARNING),
  LIBRARY_SECURITY_MODE(0x14, "Library security mode", TapeAlertSeverity.INFORMATION),
  LIBRARY_OFFLINE(0x15, "Library offline", TapeAlertSeverity.INFORMATION),
  LIBRARY_DRIVE_OFFLINE(0x16, "Library drive offline", TapeAlertSeverity.INFORMATION),
  LIBRARY_SCAN_RETRY(0x17, "Library scan retry", TapeAlertSeverity.WARNING),
  LIBRARY_INVENTORY(0x18, "Library inventory", TapeAlertSeverity.CRITICAL),
  LIBRARY_ILLEGAL_OPERATION(0x19, "Library illegal operation", TapeAlertSeverity.WARNING),
  DUAL_PORT_INTERFACE_ERROR(0x1A, "Dual-port interface error", TapeAlertSeverity.WARNING),
  COOLING_FAN_FAILURE(0x1B, "Cooling fan failure", TapeAlertSeverity.WARNING),
  POWER_SUPPLY(0x1C, "Power supply", TapeAlertSeverity.WARNING),
  POWER_CONSUMPTION(0x1D, "Power consumption", TapeAlertSeverity.WARNING),
  PASS_THROUGH_MECHANISM_FAILURE(0x1E, "Pass-through mechanism failure", TapeAlertSeverity.CRITICAL),
  CARTRIDGE_IN_PASS_THROUGH_MECHANISM(0x1F, "Cartridge in pass-through mechanism", TapeAlertSeverity.CRITICAL),
  UNREADABLE_BAR_CODE_LABELS(0x20, "Unreadable bar code labels", TapeAlertSeverity.INFORMATION),
  RESERVED_21(0x21, "Reserved (21h)", TapeAlertSeverity.NONE),
  RESERVED_22(0x22, "Reserved (22h)", TapeAlertSeverity.NONE),
  RESERVED_23(0x23, "Reserved (23h)", TapeAlertSeverity.NONE),
  RESERVED_24(0x24, "Reserved (24h)", TapeAlertSeverity.NONE),
  RESERVED_25(0x25, "Reserved (25h)", TapeAlertSeverity.NONE),
  RESERVED_26(0x26, "Reserved (26h)", TapeAlertSeverity.NONE),
  RESERVED_27(0x27, "Reserved (27h)", TapeAlertSeverity.NONE),
  RESERVED_28(0x28, "Reserved (28h)", TapeAlertSeverity.NONE),
  RESERVED_29(0x29, "Reserved (29h)", TapeAlertSeverity.NONE),
  RESERVED_2A(0x2A, "Reserved (2Ah)", TapeAlertSeverity.NONE),
  RESERVED_2B(0x2B, "Reserved (2Bh)", TapeAlertSeverity.NONE),
  RESERVED_2C(0x2C, "Reserved (2Ch)", TapeAlertSeverity.NONE),
  RESERVED_2D(0x2D, "Reserved (2Dh)", TapeAlertSeverity.NONE),
  RESERVED_2E(0x2E, "Reserved (2Eh)", TapeAlertSeverity.NONE),
  RESERVED_2F(0x2F, "Reserved (2Fh)", TapeAlertSeverity.NONE),
  RESERVED_30(0x30, "Reserved (30h)", TapeAlertSeverity.NONE),
  RESERVED_31(0x31, "Reserved (31h)", TapeAlertSeverity.NONE),
  RESERVED_32(0x32, "Reserved (32h)", TapeAlertSeverity.NONE),
  RESERVED_33(0x33, "Reserved (33h)", TapeAlertSeverity.NONE),
  RESERVED_34(0x34, "Reserved (34h)", TapeAlertSeverity.NONE),
  RESERVED_35(0x35, "Reserved (35h)", TapeAlertSeverity.NONE),
  RESERVED_36(0x36, "Reserved (36h)", TapeAlertSeverity.NONE),
  RESERVED_37(0x37, "Reserved (37h)", TapeAlertSeverity.NONE),
  RESERVED_38(0x38, "Reserved (38h)", TapeAlertSeverity.NONE),
  RESERVED_39(0x39, "Reserved (39h)", TapeAlertSeverity.NONE),
  RESERVED_3A(0x3A, "Reserved (3Ah)", TapeAlertSeverity.NONE),
  RESERVED_3B(0x3B, "Reserved (3Bh)", TapeAlertSeverity.NONE),
  RESERVED_3C(0x3C, "Reserved (3Ch)", TapeAlertSeverity.NONE),
  RESERVED_3D(0x3D, "Reserved (3Dh)", TapeAlertSeverity.NONE),
  RESERVED_3E(0x3E, "Reserved (3Eh)", TapeAlertSeverity.NONE),
  RESERVED_3F(0x3F, "Reserved (3Fh)", TapeAlertSeverity.NONE),
  RESERVED_40(0x40, "Reserved (40h)", TapeAlertSeverity.NONE);

  private final int code;
  private final String text;
  private final TapeAlertSeverity severity;

  LibraryTapeAlertFlag(int code, String text, TapeAlertSeverity severity) {
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
  public static LibraryTapeAlertFlag of(int code) {
    return values()[TapeAlertPage.index(code)];
  }

  /** {@code 14h Clean now (C)}. */
  @Override
  public String toString() {
    return String.format("%02Xh %s (%s)", code, text, severity.letter());
  }
}
