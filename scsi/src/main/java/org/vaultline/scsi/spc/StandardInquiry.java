package org.vaultline.scsi.spc;

import java.util.ArrayList;
import java.util.List;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.DeviceType;
import org.vaultline.scsi.bytes.BigEndianReader;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * SPC-4 standard INQUIRY data (INQUIRY 12h with EVPD = 0). The first 36 bytes are required; what lies
 * beyond them (vendor-specific bytes 36..55, version descriptors at 58..73) is decoded as far as both
 * the ADDITIONAL LENGTH and the bytes received reach, because a 36-byte allocation is normal and cuts
 * the rest off.
 *
 * <p>Bits not kept (obsolete, or parallel-SCSI only): byte 6 bits 7, 3..0 (BQUE, MCHNGR, ADDR16),
 * byte 7 bits 7..2 (WBUS16, SYNC, LINKED), byte 56 (CLOCKING, QAS, IUS) and bytes from 74 on.
 *
 * @param peripheralQualifier byte 0 bits 7..5: 000b connected, 001b not connected, 011b no LU here
 * @param deviceTypeCode byte 0 bits 4..0, raw; {@link #deviceType()} names it
 * @param removable byte 1 bit 7: RMB
 * @param version byte 2: 03h SPC, 04h SPC-2, 05h SPC-3, 06h SPC-4, 07h SPC-5
 * @param normAca byte 3 bit 5: NORMACA
 * @param hiSup byte 3 bit 4: HISUP (hierarchical LUN addressing)
 * @param responseDataFormat byte 3 bits 3..0 (2 for every current device)
 * @param additionalLength byte 4: bytes that follow byte 4, as the device stated it
 * @param sccs byte 5 bit 7: embedded storage array controller
 * @param acc byte 5 bit 6: access controls coordinator
 * @param tpgs byte 5 bits 5..4: target port group support (ALUA), 0..3
 * @param thirdPartyCopy byte 5 bit 3: 3PC
 * @param protect byte 5 bit 0: PROTECT
 * @param encServ byte 6 bit 6: ENCSERV (embedded enclosure services)
 * @param multiP byte 6 bit 4: MULTIP (multi-port)
 * @param cmdQue byte 7 bit 1: CMDQUE (command queuing)
 * @param vendor bytes 8..15 T10 VENDOR IDENTIFICATION, trailing spaces and NULs removed
 * @param product bytes 16..31 PRODUCT IDENTIFICATION, trimmed likewise
 * @param revision bytes 32..35 PRODUCT REVISION LEVEL, trimmed likewise
 * @param vendorSpecific bytes 36..55 as received (0 to 20 bytes)
 * @param versionDescriptors bytes 58..73, the non-zero 16-bit VERSION DESCRIPTORs in order
 */
public record StandardInquiry(
    int peripheralQualifier,
    int deviceTypeCode,
    boolean removable,
    int version,
    boolean normAca,
    boolean hiSup,
    int responseDataFormat,
    int additionalLength,
    boolean sccs,
    boolean acc,
    int tpgs,
    boolean thirdPartyCopy,
    boolean protect,
    boolean encServ,
    boolean multiP,
    boolean cmdQue,
    String vendor,
    String product,
    String revision,
    Bytes vendorSpecific,
    List<Integer> versionDescriptors) {

  /** Length of the mandatory part. */
  public static final int MINIMUM_LENGTH = 36;
  /** Version descriptor 0460h: SPC-4 (no version claimed). */
  public static final int SPC4 = 0x0460;

  public StandardInquiry {
    CdbFields.checkRange("peripheral qualifier", peripheralQualifier, 7);
    CdbFields.checkRange("peripheral device type", deviceTypeCode, 0x1f);
    CdbFields.checkRange("version", version, 0xff);
    CdbFields.checkRange("response data format", responseDataFormat, 0xf);
    CdbFields.checkRange("additional length", additionalLength, 0xff);
    CdbFields.checkRange("TPGS", tpgs, 3);
    checkText("vendor", vendor, 8);
    checkText("product", product, 16);
    checkText("revision", revision, 4);
    if (vendorSpecific.size() > 20) {
      throw new IllegalArgumentException("vendor-specific bytes 36..55 hold 20 bytes, not " + vendorSpecific.size());
    }
    versionDescriptors = List.copyOf(versionDescriptors);
    if (versionDescriptors.size() > 8) {
      throw new IllegalArgumentException("at most 8 version descriptors, not " + versionDescriptors.size());
    }
    for (int d : versionDescriptors) {
      CdbFields.checkRange("version descriptor", d - 1, 0xfffe); // 0 means "none" and is not listed
    }
  }

  private static void checkText(String field, String value, int width) {
    if (value.length() > width || !value.chars().allMatch(c -> c <= 0xff)) {
      throw new IllegalArgumentException(field + " \"" + value + "\" is not at most " + width + " ISO-8859-1 characters");
    }
  }

  /**
   * A connected logical unit of {@code type} claiming SPC-4 (version 06h, response data format 2,
   * HISUP, CMDQUE), 36 bytes long.
   */
  public static StandardInquiry of(DeviceType type, boolean removable, String vendor, String product, String revision) {
    return new StandardInquiry(0, type.code() & 0x1f, removable, 0x06, false, true, 2, MINIMUM_LENGTH - 5,
        false, false, 0, false, false, false, false, true, vendor, product, revision, Bytes.EMPTY, List.of());
  }

  public DeviceType deviceType() {
    return DeviceType.of(deviceTypeCode);
  }

  /**
   * Parses standard INQUIRY data.
   *
   * @throws MalformedResponseException when fewer than 36 bytes arrived
   */
  public static StandardInquiry parse(Bytes data) throws MalformedResponseException {
    BigEndianReader r = new BigEndianReader(data);
    if (!r.has(0, MINIMUM_LENGTH)) {
      throw new MalformedResponseException(data.size(),
          "standard INQUIRY data has at least 36 bytes, got " + data.size());
    }
    int additional = r.u8(4);
    // Optional parts end where both the stated length and the data end.
    int limit = Math.min(data.size(), 5 + additional);
    Bytes vendorSpecific = r.subClamped(36, Math.min(20, limit - 36)).rest(0);
    List<Integer> descriptors = new ArrayList<>();
    for (int off = 58; off + 2 <= Math.min(limit, 74); off += 2) {
      int d = r.u16(off);
      if (d != 0) {
        descriptors.add(d);
      }
    }
    return new StandardInquiry(
        r.bits(0, 7, 5), r.bits(0, 4, 0),
        r.bit(1, 7), // RMB
        r.u8(2),
        r.bit(3, 5), r.bit(3, 4), r.bits(3, 3, 0), // NORMACA, HISUP, RESPONSE DATA FORMAT
        additional,
        r.bit(5, 7), r.bit(5, 6), r.bits(5, 5, 4), r.bit(5, 3), r.bit(5, 0), // SCCS, ACC, TPGS, 3PC, PROTECT
        r.bit(6, 6), r.bit(6, 4), // ENCSERV, MULTIP
        r.bit(7, 1), // CMDQUE
        r.ascii(8, 8), r.ascii(16, 16), r.ascii(32, 4),
        vendorSpecific, descriptors);
  }

  /**
   * Encodes the data as a device sends it. The length is {@code 5 + additionalLength}, or more when
   * the vendor-specific bytes and version descriptors need more (byte 4 then says so); bytes not
   * described by a field are zero.
   */
  public Bytes encode() {
    BigEndianWriter w = new BigEndianWriter(96)
        .u8(peripheralQualifier << 5 | deviceTypeCode)
        .u8(CdbFields.flag(removable, 7))
        .u8(version)
        .u8(CdbFields.flag(normAca, 5) | CdbFields.flag(hiSup, 4) | responseDataFormat)
        .u8(0) // ADDITIONAL LENGTH, set below
        .u8(CdbFields.flag(sccs, 7) | CdbFields.flag(acc, 6) | tpgs << 4 | CdbFields.flag(thirdPartyCopy, 3)
            | CdbFields.flag(protect, 0))
        .u8(CdbFields.flag(encServ, 6) | CdbFields.flag(multiP, 4))
        .u8(CdbFields.flag(cmdQue, 1))
        .asciiPadded(vendor, 8)
        .asciiPadded(product, 16)
        .asciiPadded(revision, 4)
        .bytes(vendorSpecific);
    if (!versionDescriptors.isEmpty()) {
      w.zeros(58 - w.size());
      versionDescriptors.forEach(w::u16);
    }
    int total = Math.min(Math.max(w.size(), 5 + additionalLength), 5 + 0xff);
    w.zeros(total - w.size());
    w.putU8At(4, total - 5);
    return w.toBytes();
  }
}
