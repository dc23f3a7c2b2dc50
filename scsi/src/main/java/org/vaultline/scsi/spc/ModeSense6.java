package org.vaultline.scsi.spc;

import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * SPC-4 MODE SENSE(6) (1Ah). CDB: byte 1 bit 3 DBD; byte 2 bits 7..6 PC, bits 5..0 PAGE CODE; byte 3
 * SUBPAGE CODE; byte 4 ALLOCATION LENGTH; byte 5 CONTROL.
 *
 * @param disableBlockDescriptors DBD: ask for no block descriptors
 * @param pageControl PC
 * @param pageCode 00h..3Fh ({@link ModePage#ALL_PAGES} = 3Fh)
 * @param subpageCode 00h..FFh ({@link ModePage#ALL_SUBPAGES} = FFh)
 * @param allocationLength 0..255
 */
public record ModeSense6(boolean disableBlockDescriptors, PageControl pageControl, int pageCode, int subpageCode,
    int allocationLength) implements ModeSense {
  public static final int OPCODE = 0x1A;
  public static final String NAME = "MODE SENSE(6)";

  public ModeSense6 {
    CdbFields.checkRange("page code", pageCode, 0x3f);
    CdbFields.checkRange("subpage code", subpageCode, 0xff);
    CdbFields.checkRange("allocation length", allocationLength, 0xff);
  }

  /** Current values of one page (subpage 0), no block descriptors, 255 bytes allocated. */
  public static ModeSense6 page(int pageCode) {
    return new ModeSense6(true, PageControl.CURRENT, pageCode, 0, 0xff);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Cdb cdb() {
    return CdbFields.cdb(new BigEndianWriter(6)
        .u8(OPCODE)
        .u8(CdbFields.flag(disableBlockDescriptors, 3))
        .u8(pageControl.code() << 6 | pageCode)
        .u8(subpageCode)
        .u8(allocationLength)
        .u8(0));
  }

  @Override
  public ModeParameters parse(Bytes dataIn) throws MalformedResponseException {
    return ModeParameters.parse6(dataIn);
  }

  public static ModeSense6 fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 6, NAME);
    return new ModeSense6(f.bit(1, 3), PageControl.of(f.bits(2, 7, 6)), f.bits(2, 5, 0), f.u8(3), f.u8(4));
  }
}
