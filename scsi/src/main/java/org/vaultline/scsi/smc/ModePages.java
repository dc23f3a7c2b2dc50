package org.vaultline.scsi.smc;

import org.vaultline.scsi.bytes.BigEndianReader;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.spc.ModePage;

/** What the three SMC-3 mode page records share: reading a page's header, checking its code and length. */
final class ModePages {
  private ModePages() {
  }

  /** One mode page as it appears in mode parameter data (header and body); bytes after it are ignored. */
  static ModePage read(Bytes page) throws MalformedResponseException {
    BigEndianReader r = new BigEndianReader(page);
    int b0 = r.u8(0);
    boolean ps = (b0 & 0x80) != 0; // byte 0 bit 7: PS
    boolean spf = (b0 & 0x40) != 0; // byte 0 bit 6: SPF
    int code = b0 & 0x3F;
    if (spf) {
      return new ModePage(code, r.u8(1), ps, true, r.bytes(4, r.u16(2)));
    }
    return new ModePage(code, 0, ps, false, r.bytes(2, r.u8(1)));
  }

  /** The page's body after checking that it is page {@code code} in page_0 format with at least {@code minBody} bytes. */
  static Bytes body(ModePage page, int code, int minBody, String name) throws MalformedResponseException {
    if (page.pageCode() != code || page.subpageFormat()) {
      throw new MalformedResponseException(0, String.format("mode page %02Xh%s is not the %s page (%02Xh)",
          page.pageCode(), page.subpageFormat() ? String.format(" subpage %02Xh", page.subpageCode()) : "", name,
          code));
    }
    if (page.body().size() < minBody) {
      throw new MalformedResponseException(2 + page.body().size(), String.format(
          "the %s page needs %d bytes after its header, its page length is %d", name, minBody, page.body().size()));
    }
    return page.body();
  }
}
