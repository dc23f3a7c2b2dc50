package org.vaultline.scsi.spc;

import java.util.ArrayList;
import java.util.List;
import org.vaultline.scsi.bytes.BigEndianReader;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * SPC-4 REPORT LUNS parameter data: bytes 0..3 LUN LIST LENGTH (8 per LUN), bytes 4..7 reserved, then
 * the 8-byte LUNs.
 */
public record ReportLunsData(List<Lun> luns) {
  public ReportLunsData {
    luns = List.copyOf(luns);
  }

  /**
   * Parses the data.
   *
   * @throws MalformedResponseException when LUN LIST LENGTH is not a multiple of 8 or runs past the
   *     data (the allocation length was too small: ask again with 8 + LUN LIST LENGTH)
   */
  public static ReportLunsData parse(Bytes data) throws MalformedResponseException {
    BigEndianReader r = new BigEndianReader(data);
    long length = r.u32(0);
    r.u32(4);
    if (length % 8 != 0) {
      throw new MalformedResponseException(0, "LUN list length " + length + " is not a multiple of 8");
    }
    if (length > data.size() - 8) {
      throw new MalformedResponseException(data.size(), "LUN list length says " + length
          + " bytes, only " + (data.size() - 8) + " arrived (allocation length too small?)");
    }
    List<Lun> luns = new ArrayList<>();
    for (int off = 8; off < 8 + length; off += 8) {
      luns.add(new Lun(r.bytes(off, 8)));
    }
    return new ReportLunsData(luns);
  }

  /** The data as a device sends it. */
  public Bytes encode() {
    BigEndianWriter w = new BigEndianWriter(8 + 8 * luns.size()).u32(8L * luns.size()).u32(0);
    luns.forEach(l -> w.bytes(l.raw()));
    return w.toBytes();
  }
}
