package org.vaultline.scsi.ssc;

import java.util.List;
import java.util.Optional;
import org.vaultline.scsi.bytes.BigEndianReader;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * REPORT DENSITY SUPPORT (SSC-3, 44h) data with MEDIUM TYPE 0: a 4-byte header (AVAILABLE DENSITY
 * SUPPORT LENGTH, 2 reserved bytes) and 52-byte density support data block descriptors.
 *
 * @param availableLength AVAILABLE DENSITY SUPPORT LENGTH: bytes after the field itself (2 + 52 n)
 * @param descriptors the descriptors received whole
 */
public record DensitySupport(int availableLength, List<DensityDescriptor> descriptors) implements DensitySupportData {
  public DensitySupport {
    descriptors = List.copyOf(descriptors);
    DensitySupportLayout.checkAvailableLength(availableLength);
  }

  /** Complete data holding {@code descriptors}. */
  public static DensitySupport of(List<DensityDescriptor> descriptors) {
    return new DensitySupport(DensitySupportLayout.availableLength(descriptors.size(), DensityDescriptor.LENGTH),
        descriptors);
  }

  /** The drive holds more descriptors than came back: the allocation length was too small. */
  public boolean truncated() {
    return availableLength > DensitySupportLayout.availableLength(descriptors.size(), DensityDescriptor.LENGTH);
  }

  /** The descriptor marked DEFLT, if any. */
  public Optional<DensityDescriptor> defaultDensity() {
    return descriptors.stream().filter(DensityDescriptor::isDefault).findFirst();
  }

  /** The descriptor with primary density code {@code code}, if any. */
  public Optional<DensityDescriptor> byPrimaryCode(int code) {
    return descriptors.stream().filter(d -> d.primaryCode() == code).findFirst();
  }

  /**
   * Parses the data. A descriptor cut by the end of the transfer is dropped.
   *
   * @throws MalformedResponseException when the header is missing, its length is below 2, or the
   *     stated length is not a whole number of descriptors although all of it was transferred
   */
  public static DensitySupport parse(Bytes data) throws MalformedResponseException {
    var parsed = DensitySupportLayout.parse(data, DensityDescriptor.LENGTH, DensitySupport::descriptor);
    return new DensitySupport(parsed.availableLength(), parsed.descriptors());
  }

  private static DensityDescriptor descriptor(BigEndianReader d) throws MalformedResponseException {
    int flags = d.u8(2);
    return new DensityDescriptor(
        d.u8(0), // byte 0: PRIMARY DENSITY CODE
        d.u8(1), // byte 1: SECONDARY DENSITY CODE
        (flags & 0x80) != 0, // byte 2 bit 7: WRTOK
        (flags & 0x40) != 0, // bit 6: DUP
        (flags & 0x20) != 0, // bit 5: DEFLT
        (flags & 0x01) != 0, // bit 0: DLV
        d.u16(3), // bytes 3..4: DESCRIPTOR LENGTH
        d.u24(5), // bytes 5..7: BITS PER MM
        d.u16(8), // bytes 8..9: MEDIA WIDTH
        d.u16(10), // bytes 10..11: TRACKS
        d.u32(12), // bytes 12..15: CAPACITY
        d.ascii(16, 8), // bytes 16..23: ASSIGNING ORGANIZATION
        d.ascii(24, 8), // bytes 24..31: DENSITY NAME
        d.ascii(32, 20)); // bytes 32..51: DESCRIPTION
  }

  @Override
  public Bytes encode() {
    BigEndianWriter w = DensitySupportLayout.header(availableLength, descriptors.size(), DensityDescriptor.LENGTH);
    for (DensityDescriptor d : descriptors) {
      w.u8(d.primaryCode()).u8(d.secondaryCode());
      w.u8((d.writeOk() ? 0x80 : 0) | (d.duplicate() ? 0x40 : 0) | (d.isDefault() ? 0x20 : 0)
          | (d.descriptorLengthValid() ? 0x01 : 0));
      w.u16(d.descriptorLength()).u24(d.bitsPerMm()).u16(d.mediaWidth()).u16(d.tracks()).u32(d.capacity());
      w.asciiPadded(d.assigningOrganization(), 8).asciiPadded(d.densityName(), 8).asciiPadded(d.description(), 20);
    }
    return w.toBytes();
  }
}
