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
 * SPC-4 mode parameter list: what MODE SENSE returns and MODE SELECT sends. A header, block
 * descriptors, then mode pages.
 *
 * <p>6-byte header (MODE SENSE(6) / MODE SELECT(6)), 4 bytes: byte 0 MODE DATA LENGTH, byte 1 MEDIUM
 * TYPE, byte 2 DEVICE-SPECIFIC PARAMETER, byte 3 BLOCK DESCRIPTOR LENGTH. 10-byte header, 8 bytes:
 * bytes 0..1 MODE DATA LENGTH, byte 2 MEDIUM TYPE, byte 3 DEVICE-SPECIFIC PARAMETER, byte 4 bit 0
 * LONGLBA, bytes 6..7 BLOCK DESCRIPTOR LENGTH. MODE DATA LENGTH counts the bytes after itself; it is
 * reserved (zero) in MODE SELECT, where the CDB's parameter list length bounds the data instead.
 *
 * @param mediumType MEDIUM TYPE
 * @param deviceSpecificParameter the device-type specific byte; for SSC tape: bit 7 WP, bits 6..4
 *     BUFFERED MODE, bits 3..0 SPEED
 * @param longLba LONGLBA (10-byte header only): block descriptors in the 16-byte long LBA form
 */
public record ModeParameters(
    int mediumType,
    int deviceSpecificParameter,
    boolean longLba,
    List<BlockDescriptor> blockDescriptors,
    List<ModePage> pages) {

  public ModeParameters {
    CdbFields.checkRange("medium type", mediumType, 0xff);
    CdbFields.checkRange("device-specific parameter", deviceSpecificParameter, 0xff);
    blockDescriptors = List.copyOf(blockDescriptors);
    pages = List.copyOf(pages);
  }

  /** No block descriptors, medium type and device-specific parameter zero. */
  public static ModeParameters of(List<ModePage> pages) {
    return new ModeParameters(0, 0, false, List.of(), pages);
  }

  /** Device-specific parameter bit 7: WP, write protected (tape and disk). */
  public boolean writeProtected() {
    return (deviceSpecificParameter & 0x80) != 0;
  }

  /** The first page with this code (any subpage). */
  public Optional<ModePage> page(int pageCode) {
    return pages.stream().filter(p -> p.pageCode() == pageCode).findFirst();
  }

  /** The first page with this code and subpage code. */
  public Optional<ModePage> page(int pageCode, int subpageCode) {
    return pages.stream().filter(p -> p.pageCode() == pageCode && p.subpageCode() == subpageCode).findFirst();
  }

  /**
   * Parses MODE SENSE(6) data.
   *
   * @throws MalformedResponseException when MODE DATA LENGTH is shorter than the header or longer than
   *     the data, or a block descriptor or page runs past it
   */
  public static ModeParameters parse6(Bytes data) throws MalformedResponseException {
    return parse(data, false, false);
  }

  /** Parses MODE SENSE(10) data; see {@link #parse6}. */
  public static ModeParameters parse10(Bytes data) throws MalformedResponseException {
    return parse(data, true, false);
  }

  /** Parses a MODE SELECT(6) parameter list: MODE DATA LENGTH is ignored, all of {@code data} is used. */
  public static ModeParameters parseSelect6(Bytes data) throws MalformedResponseException {
    return parse(data, false, true);
  }

  /** Parses a MODE SELECT(10) parameter list: MODE DATA LENGTH is ignored, all of {@code data} is used. */
  public static ModeParameters parseSelect10(Bytes data) throws MalformedResponseException {
    return parse(data, true, true);
  }

  private static ModeParameters parse(Bytes data, boolean ten, boolean select) throws MalformedResponseException {
    BigEndianReader all = new BigEndianReader(data);
    int header = ten ? 8 : 4;
    int total = data.size();
    if (!select) {
      total = ten ? all.u16(0) + 2 : all.u8(0) + 1;
      if (total < header) {
        throw new MalformedResponseException(0,
            "mode data length " + (total - (ten ? 2 : 1)) + " is shorter than the header");
      }
      if (total > data.size()) {
        throw new MalformedResponseException(data.size(), "mode data length says " + total
            + " bytes, only " + data.size() + " arrived (allocation length too small?)");
      }
    }
    BigEndianReader r = all.sub(0, total);
    int mediumType = r.u8(ten ? 2 : 1);
    int deviceSpecific = r.u8(ten ? 3 : 2);
    boolean longLba = ten && r.bit(4, 0); // byte 4 bit 0: LONGLBA
    int blockDescriptorLength = ten ? r.u16(6) : r.u8(3);
    int size = longLba ? 16 : 8;
    if (blockDescriptorLength % size != 0) {
      throw new MalformedResponseException(ten ? 6 : 3,
          "block descriptor length " + blockDescriptorLength + " is not a multiple of " + size);
    }
    BigEndianReader bd = r.sub(header, blockDescriptorLength);
    List<BlockDescriptor> descriptors = new ArrayList<>();
    for (int off = 0; off < blockDescriptorLength; off += size) {
      descriptors.add(longLba
          ? new BlockDescriptor(bd.u8(off + 8), bd.u64(off), bd.u32(off + 12))
          : new BlockDescriptor(bd.u8(off), bd.u24(off + 1), bd.u24(off + 5)));
    }
    List<ModePage> pages = new ArrayList<>();
    int off = header + blockDescriptorLength;
    while (off < r.length()) {
      ModePage p = ModePage.read(r, off);
      pages.add(p);
      off += p.encodedLength();
    }
    return new ModeParameters(mediumType, deviceSpecific, longLba, descriptors, pages);
  }

  /**
   * MODE SENSE(6) data.
   *
   * @throws IllegalStateException when the data exceed 256 bytes, LONGLBA is set, or a block
   *     descriptor does not fit the short form
   */
  public Bytes encode6() {
    return encode(false, false);
  }

  /** MODE SENSE(10) data; {@link IllegalStateException} beyond 65537 bytes. */
  public Bytes encode10() {
    return encode(true, false);
  }

  /** A MODE SELECT(6) parameter list: MODE DATA LENGTH zero, PS cleared in every page. */
  public Bytes encodeSelect6() {
    return encode(false, true);
  }

  /** A MODE SELECT(10) parameter list: MODE DATA LENGTH zero, PS cleared in every page. */
  public Bytes encodeSelect10() {
    return encode(true, true);
  }

  private Bytes encode(boolean ten, boolean select) {
    if (longLba && !ten) {
      throw new IllegalStateException("long LBA block descriptors need the 10-byte header");
    }
    int size = longLba ? 16 : 8;
    BigEndianWriter w = new BigEndianWriter();
    if (ten) {
      w.u16(0).u8(mediumType).u8(deviceSpecificParameter).u8(CdbFields.flag(longLba, 0)).u8(0)
          .u16(blockDescriptors.size() * size);
    } else {
      if (blockDescriptors.size() * 8 > 0xff) {
        throw new IllegalStateException(blockDescriptors.size() + " block descriptors do not fit a 6-byte header");
      }
      w.u8(0).u8(mediumType).u8(deviceSpecificParameter).u8(blockDescriptors.size() * 8);
    }
    for (BlockDescriptor d : blockDescriptors) {
      if (longLba) {
        w.u64(d.numberOfBlocks()).u8(d.densityCode()).zeros(3).u32(d.blockLength());
      } else {
        if (!d.fitsShortForm()) {
          throw new IllegalStateException(d + " does not fit the 8-byte block descriptor");
        }
        w.u8(d.densityCode()).u24((int) d.numberOfBlocks()).u8(0).u24((int) d.blockLength());
      }
    }
    for (ModePage p : pages) {
      w.bytes((select ? p.withoutSaveable() : p).encode());
    }
    int length = w.size() - (ten ? 2 : 1);
    // MODE SENSE: MODE DATA LENGTH must hold it; MODE SELECT: the CDB's PARAMETER LIST LENGTH must
    if ((select ? w.size() : length) > (ten ? 0xffff : 0xff)) {
      throw new IllegalStateException("mode parameter data of " + w.size() + " bytes do not fit the "
          + (ten ? 10 : 6) + "-byte command's header");
    }
    if (!select) {
      if (ten) {
        w.putU16At(0, length);
      } else {
        w.putU8At(0, length);
      }
    }
    return w.toBytes();
  }
}
