package org.vaultline.scsi.spc;

import org.vaultline.scsi.CdbFields;

/**
 * A mode parameter block descriptor (SPC-4 general form; SSC uses it to report and set the density
 * and the fixed block length). Short form, 8 bytes: byte 0 DENSITY CODE, bytes 1..3 NUMBER OF BLOCKS,
 * byte 4 reserved, bytes 5..7 BLOCK LENGTH. Long LBA form (MODE SENSE(10) with LONGLBA), 16 bytes:
 * bytes 0..7 NUMBER OF BLOCKS, byte 8 DENSITY CODE, bytes 9..11 reserved, bytes 12..15 BLOCK LENGTH.
 *
 * @param densityCode 0..255 (00h: the default density)
 * @param numberOfBlocks blocks of this density and length; 0 for all remaining (an unsigned 64-bit
 *     value in the long form, kept as Java's signed long)
 * @param blockLength bytes per block; 0 on a tape drive means variable-length blocks
 */
public record BlockDescriptor(int densityCode, long numberOfBlocks, long blockLength) {
  public BlockDescriptor {
    CdbFields.checkRange("density code", densityCode, 0xff);
    CdbFields.checkRange("block length", blockLength, 0xffffffffL);
  }

  /** A short-form descriptor fits: number of blocks and block length each in 24 bits. */
  public boolean fitsShortForm() {
    return numberOfBlocks >= 0 && numberOfBlocks <= 0xffffff && blockLength <= 0xffffff;
  }
}
