package org.vaultline.scsi.spc;

import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.bytes.BigEndianReader;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/** The 4-byte header every VPD page shares, read and written in one place. */
final class VpdPages {
  private VpdPages() {
  }

  /**
   * A reader over the whole page (header included, so offsets are the standard's), cut to 4 + PAGE
   * LENGTH. Bytes after the page are ignored.
   *
   * @param expectedPage the page code the caller asked for, or -1 for any
   */
  static BigEndianReader open(Bytes data, int expectedPage) throws MalformedResponseException {
    BigEndianReader r = new BigEndianReader(data);
    int page = r.u8(1);
    if (expectedPage >= 0 && page != expectedPage) {
      throw new MalformedResponseException(1,
          String.format("asked for VPD page %02Xh, got page %02Xh", expectedPage, page));
    }
    // bytes 2..3: PAGE LENGTH (SPC-4 made it 16 bits for every page; byte 2 was reserved before)
    int length = r.u16(2);
    if (!r.has(4, length)) {
      throw new MalformedResponseException(data.size(), String.format(
          "VPD page %02Xh says %d bytes follow the header, only %d arrived (allocation length too small?)",
          page, length, data.size() - 4));
    }
    return r.sub(0, 4 + length);
  }

  static int qualifier(BigEndianReader page) throws MalformedResponseException {
    return page.bits(0, 7, 5);
  }

  static int typeCode(BigEndianReader page) throws MalformedResponseException {
    return page.bits(0, 4, 0);
  }

  static Bytes encode(int qualifier, int typeCode, int pageCode, Bytes body) {
    if (body.size() > 0xffff) {
      throw new IllegalArgumentException("VPD page body of " + body.size() + " bytes exceeds 65535");
    }
    return new BigEndianWriter(4 + body.size())
        .u8(qualifier << 5 | typeCode)
        .u8(pageCode)
        .u16(body.size())
        .bytes(body)
        .toBytes();
  }

  static void checkHeader(int qualifier, int typeCode) {
    CdbFields.checkRange("peripheral qualifier", qualifier, 7);
    CdbFields.checkRange("peripheral device type", typeCode, 0x1f);
  }
}
