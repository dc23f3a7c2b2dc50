package org.vaultline.scsi.spc;

import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.bytes.BigEndianReader;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * One SPC-4 mode page, kept raw: page-specific records (SMC-3 element address assignment 1Dh,
 * transport geometry 1Eh, device capabilities 1Fh; SSC device configuration 10h...) are built on it.
 * Page_0 format: byte 0 PS (bit 7), SPF = 0 (bit 6), PAGE CODE (5..0); byte 1 PAGE LENGTH; body from
 * byte 2. Sub_page format: byte 0 as before with SPF = 1; byte 1 SUBPAGE CODE; bytes 2..3 PAGE LENGTH;
 * body from byte 4.
 *
 * @param pageCode 00h..3Fh
 * @param subpageCode 00h..FFh; always 0 in page_0 format
 * @param parametersSaveable PS: MODE SENSE says the page can be saved (reserved in MODE SELECT)
 * @param subpageFormat SPF
 * @param body the bytes after the page header (PAGE LENGTH bytes)
 */
public record ModePage(int pageCode, int subpageCode, boolean parametersSaveable, boolean subpageFormat, Bytes body) {
  public static final int ALL_PAGES = 0x3F;
  public static final int ALL_SUBPAGES = 0xFF;

  public ModePage {
    CdbFields.checkRange("page code", pageCode, 0x3f);
    CdbFields.checkRange("subpage code", subpageCode, 0xff);
    if (!subpageFormat && subpageCode != 0) {
      throw new IllegalArgumentException("subpage code " + subpageCode + " needs the sub_page format (SPF)");
    }
    CdbFields.checkRange("page length", body.size(), subpageFormat ? 0xffff : 0xff);
  }

  /** A page_0 format page (subpage 0), not marked saveable. */
  public static ModePage of(int pageCode, Bytes body) {
    return new ModePage(pageCode, 0, false, false, body);
  }

  /** A sub_page format page, not marked saveable. */
  public static ModePage of(int pageCode, int subpageCode, Bytes body) {
    return new ModePage(pageCode, subpageCode, false, true, body);
  }

  /** Header and body as they appear in mode parameter data. */
  public Bytes encode() {
    BigEndianWriter w = new BigEndianWriter(4 + body.size())
        .u8(CdbFields.flag(parametersSaveable, 7) | CdbFields.flag(subpageFormat, 6) | pageCode);
    if (subpageFormat) {
      w.u8(subpageCode).u16(body.size());
    } else {
      w.u8(body.size());
    }
    return w.bytes(body).toBytes();
  }

  /** The same page with PS cleared, as MODE SELECT sends it. */
  public ModePage withoutSaveable() {
    return parametersSaveable ? new ModePage(pageCode, subpageCode, false, subpageFormat, body) : this;
  }

  /** Reads the page starting at {@code offset}; its encoded length is {@code encode().size()}. */
  static ModePage read(BigEndianReader r, int offset) throws MalformedResponseException {
    int b0 = r.u8(offset);
    boolean ps = (b0 & 0x80) != 0;
    boolean spf = (b0 & 0x40) != 0;
    int code = b0 & 0x3f;
    if (spf) {
      return new ModePage(code, r.u8(offset + 1), ps, true, r.bytes(offset + 4, r.u16(offset + 2)));
    }
    return new ModePage(code, 0, ps, false, r.bytes(offset + 2, r.u8(offset + 1)));
  }

  int encodedLength() {
    return (subpageFormat ? 4 : 2) + body.size();
  }
}
