package org.vaultline.scsi;

/** SPC-4 peripheral device types (INQUIRY byte 0 bits 4..0). Opcodes mean different things per type. */
public enum DeviceType {
  DIRECT_ACCESS(0x00, "disk"),
  SEQUENTIAL_ACCESS(0x01, "tape"),
  PRINTER(0x02, "printer"),
  PROCESSOR(0x03, "processor"),
  WRITE_ONCE(0x04, "write-once"),
  CD_DVD(0x05, "cd/dvd"),
  SCANNER(0x06, "scanner"),
  OPTICAL_MEMORY(0x07, "optical memory"),
  MEDIUM_CHANGER(0x08, "changer"),
  COMMUNICATIONS(0x09, "communications"),
  STORAGE_ARRAY_CONTROLLER(0x0C, "storage array controller"),
  ENCLOSURE_SERVICES(0x0D, "enclosure services"),
  SIMPLIFIED_DIRECT_ACCESS(0x0E, "simplified direct-access"),
  OPTICAL_CARD(0x0F, "optical card"),
  BRIDGE_CONTROLLER(0x10, "bridge controller"),
  OBJECT_STORAGE(0x11, "object-based storage"),
  AUTOMATION_DRIVE_INTERFACE(0x12, "automation/drive interface"),
  SECURITY_MANAGER(0x13, "security manager"),
  HOST_MANAGED_ZONED(0x14, "host managed zoned block"),
  WELL_KNOWN_LU(0x1E, "well known logical unit"),
  UNKNOWN(0x1F, "unknown or no device type"),
  RESERVED(-1, "reserved");

  private final int code;
  private final String text;

  DeviceType(int code, String text) {
    this.code = code;
    this.text = text;
  }

  public int code() {
    return code;
  }

  public String text() {
    return text;
  }

  /** The type for a 5-bit code; codes T10 has not assigned give {@link #RESERVED}. */
  public static DeviceType of(int code) {
    for (DeviceType t : values()) {
      if (t.code == (code & 0x1f)) {
        return t;
      }
    }
    return RESERVED;
  }
}
