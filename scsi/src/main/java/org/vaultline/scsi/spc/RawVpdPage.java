package org.vaultline.scsi.spc;

import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.bytes.BigEndianReader;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * A VPD page Vaultline does not decode (block limits, sequential-access device capabilities, vendor
 * pages C0h..FFh...): its header and the body as received.
 *
 * @param body bytes 4 to 4 + PAGE LENGTH
 */
public record RawVpdPage(int peripheralQualifier, int deviceTypeCode, int pageCode, Bytes body) implements VpdPage {
  public RawVpdPage {
    VpdPages.checkHeader(peripheralQualifier, deviceTypeCode);
    CdbFields.checkRange("page code", pageCode, 0xff);
  }

  /** Parses the page without looking at its code. */
  public static RawVpdPage parse(Bytes data) throws MalformedResponseException {
    BigEndianReader r = VpdPages.open(data, -1);
    return new RawVpdPage(VpdPages.qualifier(r), VpdPages.typeCode(r), r.u8(1), r.rest(4));
  }

  @Override
  public Bytes encode() {
    return VpdPages.encode(peripheralQualifier, deviceTypeCode, pageCode, body);
  }
}
