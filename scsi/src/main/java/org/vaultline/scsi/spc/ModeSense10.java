package org.vaultline.scsi.spc;

import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * SPC-4 MODE SENSE(10) (5Ah). CDB: byte 1 bit 4 LLBAA, bit 3 DBD; byte 2 bits 7..6 PC, bits 5..0 PAGE
 * CODE; byte 3 SUBPAGE CODE; bytes 7..8 ALLOCATION LENGTH; byte 9 CONTROL.
 *
 * @param longLbaAccepted LLBAA: the device may return long LBA block descriptors
 * @param disableBlockDescriptors DBD
 * @param pageControl PC
 * @param pageCode 00h..3Fh
 * @param subpageCode 00h..FFh
 * @param allocationLength 0..65535
 */
public record ModeSense10(boolean longLbaAccepted, boolean disableBlockDescriptors, PageControl pageControl,
    int pageCode, int subpageCode, int allocationLength) implements ModeSense {
  public static final int OPCODE = 0x5A;
  public static final String NAME = "MODE SENSE(10)";

  public ModeSense10 {
    CdbFields.checkRange("page code", pageCode, 0x3f);
    CdbFields.checkRange("subpage code", subpageCode, 0xff);
    CdbFields.checkRange("allocation length", allocationLength, 0xffff);
  }

  /** Current values of one page (subpage 0), no block descriptors, 4096 bytes allocated. */
  public static ModeSense10 page(int pageCode) {
    return new ModeSense10(false, true, PageControl.CURRENT, pageCode, 0, 4096);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Cdb cdb() {
    return CdbFields.cdb(new BigEndianWriter(10)
        .u8(OPCODE)
        .u8(CdbFields.flag(longLbaAccepted, 4) | CdbFields.flag(disableBlockDescriptors, 3))
        .u8(pageControl.code() << 6 | pageCode)
        .u8(subpageCode)
        .zeros(3)
        .u16(allocationLength)
        .u8(0));
  }

  @Override
  public ModeParameters parse(Bytes dataIn) throws MalformedResponseException {
    return ModeParameters.parse10(dataIn);
  }

  public static ModeSense10 fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 10, NAME);
    return new ModeSense10(f.bit(1, 4), f.bit(1, 3), PageControl.of(f.bits(2, 7, 6)), f.bits(2, 5, 0), f.u8(3),
        f.u16(7));
  }
}
