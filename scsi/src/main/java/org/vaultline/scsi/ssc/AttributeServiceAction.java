package org.vaultline.scsi.ssc;

/** SPC-4 READ ATTRIBUTE (8Ch) service actions (byte 1 bits 4..0) and the shape of their answers. */
public enum AttributeServiceAction {
  /** 00h: attribute values, starting at the first attribute identifier. */
  ATTRIBUTE_VALUES(0x00),
  /** 01h: the identifiers of the attributes that exist. */
  ATTRIBUTE_LIST(0x01),
  /** 02h: first logical volume number and how many there are. */
  LOGICAL_VOLUME_LIST(0x02),
  /** 03h: first partition number and how many there are. */
  PARTITION_LIST(0x03),
  /** 05h: the identifiers of the attributes the device server supports. */
  SUPPORTED_ATTRIBUTES(0x05);

  private final int code;

  AttributeServiceAction(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The service action for {@code code}, or {@code null} (04h is restricted to SMC, 06h..1Fh reserved). */
  static AttributeServiceAction of(int code) {
    for (AttributeServiceAction a : values()) {
      if (a.code == code) {
        return a;
      }
    }
    return null;
  }
}
