package org.vaultline.scsi.spc;

import java.util.ArrayList;
import java.util.List;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.bytes.BigEndianReader;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * SPC-4 Supported Log Pages (log page 00h, subpage 00h: one byte per page code) and Supported Log
 * Pages and Subpages (page 00h, subpage FFh, SPF set: two bytes per page, page code then subpage).
 *
 * @param withSubpages the two-byte form
 * @param pages in the device's order
 */
public record SupportedLogPages(boolean withSubpages, List<SupportedLogPages.Entry> pages) {

  /** One supported page; {@code subpageCode} is 0 in the one-byte form. */
  public record Entry(int pageCode, int subpageCode) {
    public Entry {
      CdbFields.checkRange("page code", pageCode, 0x3f);
      CdbFields.checkRange("subpage code", subpageCode, 0xff);
    }
  }

  public SupportedLogPages {
    pages = List.copyOf(pages);
    if (!withSubpages && pages.stream().anyMatch(e -> e.subpageCode() != 0)) {
      throw new IllegalArgumentException("subpages need the supported pages and subpages form");
    }
  }

  /** The one-byte form listing {@code pageCodes}. */
  public static SupportedLogPages of(int... pageCodes) {
    List<Entry> list = new ArrayList<>();
    for (int p : pageCodes) {
      list.add(new Entry(p, 0));
    }
    return new SupportedLogPages(false, list);
  }

  public boolean supports(int pageCode) {
    return pages.stream().anyMatch(e -> e.pageCode() == pageCode);
  }

  /**
   * Parses log page 00h; the form follows the SPF bit of byte 0.
   *
   * @throws MalformedResponseException when the page code is not 00h, PAGE LENGTH runs past the data,
   *     or the two-byte form has an odd length
   */
  public static SupportedLogPages parse(Bytes data) throws MalformedResponseException {
    BigEndianReader r = LogPage.open(data);
    if (r.bits(0, 5, 0) != 0) {
      throw new MalformedResponseException(0,
          String.format("log page %02Xh is not the supported pages list (00h)", r.bits(0, 5, 0)));
    }
    boolean withSubpages = r.bit(0, 6); // SPF
    int step = withSubpages ? 2 : 1;
    if ((r.length() - 4) % step != 0) {
      throw new MalformedResponseException(2, "supported pages and subpages list has an odd length");
    }
    List<Entry> list = new ArrayList<>();
    for (int off = 4; off < r.length(); off += step) {
      // bits 7..6 of each page code byte are reserved
      list.add(new Entry(r.bits(off, 5, 0), withSubpages ? r.u8(off + 1) : 0));
    }
    return new SupportedLogPages(withSubpages, list);
  }

  /** The page as a device sends it. */
  public Bytes encode() {
    BigEndianWriter w = new BigEndianWriter()
        .u8(CdbFields.flag(withSubpages, 6))
        .u8(withSubpages ? 0xff : 0)
        .u16(0);
    for (Entry e : pages) {
      w.u8(e.pageCode());
      if (withSubpages) {
        w.u8(e.subpageCode());
      }
    }
    return w.putU16At(2, w.size() - 4).toBytes();
  }
}
