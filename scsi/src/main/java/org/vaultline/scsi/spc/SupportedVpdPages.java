package org.vaultline.scsi.spc;

import java.util.ArrayList;
import java.util.List;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.bytes.BigEndianReader;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * SPC-4 Supported VPD Pages page (VPD 00h): the page codes the logical unit answers, one byte each,
 * in ascending order (as the device lists them; not re-sorted).
 */
public record SupportedVpdPages(int peripheralQualifier, int deviceTypeCode, List<Integer> pageCodes)
    implements VpdPage {

  public SupportedVpdPages {
    VpdPages.checkHeader(peripheralQualifier, deviceTypeCode);
    pageCodes = List.copyOf(pageCodes);
    for (int p : pageCodes) {
      CdbFields.checkRange("page code", p, 0xff);
    }
  }

  public boolean supports(int pageCode) {
    return pageCodes.contains(pageCode);
  }

  @Override
  public int pageCode() {
    return SUPPORTED_VPD_PAGES;
  }

  public static SupportedVpdPages parse(Bytes data) throws MalformedResponseException {
    BigEndianReader r = VpdPages.open(data, SUPPORTED_VPD_PAGES);
    List<Integer> codes = new ArrayList<>();
    for (int off = 4; off < r.length(); off++) {
      codes.add(r.u8(off));
    }
    return new SupportedVpdPages(VpdPages.qualifier(r), VpdPages.typeCode(r), codes);
  }

  @Override
  public Bytes encode() {
    BigEndianWriter w = new BigEndianWriter(pageCodes.size());
    pageCodes.forEach(w::u8);
    return VpdPages.encode(peripheralQualifier, deviceTypeCode, SUPPORTED_VPD_PAGES, w.toBytes());
  }
}
