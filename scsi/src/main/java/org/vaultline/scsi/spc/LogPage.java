package org.vaultline.scsi.spc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.bytes.BigEndianReader;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * One SPC-4 log page as LOG SENSE (4Dh) returns it: byte 0 DS (bit 7), SPF (bit 6), PAGE CODE (5..0);
 * byte 1 SUBPAGE CODE; bytes 2..3 PAGE LENGTH; then log parameters. Page-specific views (TapeAlert
 * 2Eh, ...) are built on it. The supported pages list (page 00h) has no parameters and is read by
 * {@link SupportedLogPages} instead.
 *
 * @param pageCode 00h..3Fh
 * @param subpageCode 00h..FFh, as the device sent it
 * @param disableSave DS
 * @param subpageFormat SPF
 * @param parameters in page order
 */
public record LogPage(int pageCode, int subpageCode, boolean disableSave, boolean subpageFormat,
    List<LogParameter> parameters) {

  public LogPage {
    CdbFields.checkRange("page code", pageCode, 0x3f);
    CdbFields.checkRange("subpage code", subpageCode, 0xff);
    parameters = List.copyOf(parameters);
  }

  /** The first parameter with this code. */
  public Optional<LogParameter> parameter(int code) {
    return parameters.stream().filter(p -> p.code() == code).findFirst();
  }

  /**
   * Parses a log page.
   *
   * @throws MalformedResponseException when PAGE LENGTH runs past the data or a parameter runs past
   *     PAGE LENGTH
   */
  public static LogPage parse(Bytes data) throws MalformedResponseException {
    BigEndianReader r = open(data);
    List<LogParameter> parameters = new ArrayList<>();
    int off = 4;
    while (off < r.length()) {
      int length = r.u8(off + 3);
      parameters.add(new LogParameter(r.u16(off), r.u8(off + 2), r.bytes(off + 4, length)));
      off += 4 + length;
    }
    return new LogPage(r.bits(0, 5, 0), r.u8(1), r.bit(0, 7), r.bit(0, 6), parameters);
  }

  /** A reader over header and body, cut to 4 + PAGE LENGTH. */
  static BigEndianReader open(Bytes data) throws MalformedResponseException {
    BigEndianReader r = new BigEndianReader(data);
    int length = r.u16(2);
    if (!r.has(4, length)) {
      throw new MalformedResponseException(data.size(), String.format(
          "log page %02Xh says %d bytes follow the header, only %d arrived (allocation length too small?)",
          r.bits(0, 5, 0), length, data.size() - 4));
    }
    return r.sub(0, 4 + length);
  }

  /** The page as a device sends it. */
  public Bytes encode() {
    BigEndianWriter w = new BigEndianWriter()
        .u8(CdbFields.flag(disableSave, 7) | CdbFields.flag(subpageFormat, 6) | pageCode)
        .u8(subpageCode)
        .u16(0);
    parameters.forEach(p -> w.bytes(p.encode()));
    if (w.size() - 4 > 0xffff) {
      throw new IllegalStateException("log page body of " + (w.size() - 4) + " bytes exceeds 65535");
    }
    return w.putU16At(2, w.size() - 4).toBytes();
  }
}
