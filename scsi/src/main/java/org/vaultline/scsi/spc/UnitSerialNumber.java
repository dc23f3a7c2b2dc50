package org.vaultline.scsi.spc;

import org.vaultline.scsi.bytes.BigEndianReader;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * SPC-4 Unit Serial Number page (VPD 80h). The serial number is what maps a changer's data transfer
 * element to its drive (REFERENCE §1.1): compare {@link #trimmedSerialNumber()}.
 *
 * @param serialNumber bytes 4.. PRODUCT SERIAL NUMBER exactly as sent (ISO-8859-1; devices pad with
 *     spaces on either side)
 */
public record UnitSerialNumber(int peripheralQualifier, int deviceTypeCode, String serialNumber) implements VpdPage {
  public UnitSerialNumber {
    VpdPages.checkHeader(peripheralQualifier, deviceTypeCode);
    if (serialNumber.length() > 0xffff || !serialNumber.chars().allMatch(c -> c <= 0xff)) {
      throw new IllegalArgumentException("serial number is not at most 65535 ISO-8859-1 characters");
    }
  }

  /** The serial number without leading or trailing spaces and NULs. */
  public String trimmedSerialNumber() {
    int from = 0;
    int to = serialNumber.length();
    while (from < to && (serialNumber.charAt(from) == ' ' || serialNumber.charAt(from) == 0)) {
      from++;
    }
    while (to > from && (serialNumber.charAt(to - 1) == ' ' || serialNumber.charAt(to - 1) == 0)) {
      to--;
    }
    return serialNumber.substring(from, to);
  }

  @Override
  public int pageCode() {
    return UNIT_SERIAL_NUMBER;
  }

  public static UnitSerialNumber parse(Bytes data) throws MalformedResponseException {
    BigEndianReader r = VpdPages.open(data, UNIT_SERIAL_NUMBER);
    return new UnitSerialNumber(VpdPages.qualifier(r), VpdPages.typeCode(r), r.asciiRaw(4, r.length() - 4));
  }

  @Override
  public Bytes encode() {
    return VpdPages.encode(peripheralQualifier, deviceTypeCode, UNIT_SERIAL_NUMBER, Bytes.ascii(serialNumber));
  }
}
