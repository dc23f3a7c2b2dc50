package org.vaultline.scsi.spc;

import org.vaultline.scsi.DeviceType;
import org.vaultline.scsi.bytes.BigEndianReader;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * An SPC-4 vital product data page (INQUIRY 12h with EVPD = 1). Pages Vaultline decodes have their own
 * record; any other page is kept as {@link RawVpdPage}. Every page encodes back to the bytes a device
 * sends, for the emulator.
 */
public sealed interface VpdPage permits SupportedVpdPages, UnitSerialNumber, DeviceIdentification, RawVpdPage {
  int SUPPORTED_VPD_PAGES = 0x00;
  int UNIT_SERIAL_NUMBER = 0x80;
  int DEVICE_IDENTIFICATION = 0x83;

  /** Byte 0 bits 7..5. */
  int peripheralQualifier();

  /** Byte 0 bits 4..0, raw. */
  int deviceTypeCode();

  /** Byte 1. */
  int pageCode();

  default DeviceType deviceType() {
    return DeviceType.of(deviceTypeCode());
  }

  /** The page as a device sends it: header (with PAGE LENGTH) and body. */
  Bytes encode();

  /**
   * Parses any VPD page, choosing the record by the page code in byte 1.
   *
   * @throws MalformedResponseException when the header is incomplete, PAGE LENGTH runs past the data,
   *     or the body does not fit its page's format
   */
  static VpdPage parse(Bytes data) throws MalformedResponseException {
    BigEndianReader r = new BigEndianReader(data);
    return switch (r.u8(1)) {
      case SUPPORTED_VPD_PAGES -> SupportedVpdPages.parse(data);
      case UNIT_SERIAL_NUMBER -> UnitSerialNumber.parse(data);
      case DEVICE_IDENTIFICATION -> DeviceIdentification.parse(data);
      default -> RawVpdPage.parse(data);
    };
  }
}
