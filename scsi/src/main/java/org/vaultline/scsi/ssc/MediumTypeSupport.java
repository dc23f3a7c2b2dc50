package org.vaultline.scsi.ssc;

import java.util.ArrayList;
import java.util.List;
import org.vaultline.scsi.bytes.BigEndianReader;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * REPORT DENSITY SUPPORT (SSC-3, 44h) data with MEDIUM TYPE 1: the 4-byte header and 56-byte medium
 * type descriptors.
 *
 * @param availableLength AVAILABLE DENSITY SUPPORT LENGTH: bytes after the field itself (2 + 56 n)
 * @param descriptors the descriptors received whole
 */
public record MediumTypeSupport(int availableLength, List<MediumTypeDescriptor> descriptors)
    implements DensitySupportData {
  public MediumTypeSupport {
    descriptors = List.copyOf(descriptors);
    DensitySupportLayout.checkAvailableLength(availableLength);
  }

  public static MediumTypeSupport of(List<MediumTypeDescriptor> descriptors) {
    return new MediumTypeSupport(DensitySupportLayout.availableLength(descriptors.size(), MediumTypeDescriptor.LENGTH),
        descriptors);
  }

  /** The drive holds more descriptors than came back. */
  public boolean truncated() {
    return availableLength > DensitySupportLayout.availableLength(descriptors.size(), MediumTypeDescriptor.LENGTH);
  }

  /**
   * Parses the data; a descriptor cut by the end of the transfer is dropped.
   *
   * @throws MalformedResponseException when the header is missing, its length is below 2, or the
   *     stated length is not a whole number of descriptors although all of it was transferred
   */
  public static MediumTypeSupport parse(Bytes data) throws MalformedResponseException {
    var parsed = DensitySupportLayout.parse(data, MediumTypeDescriptor.LENGTH, MediumTypeSupport::descriptor);
    return new MediumTypeSupport(parsed.availableLength(), parsed.descriptors());
  }

  private static MediumTypeDescriptor descriptor(BigEndianReader d) throws MalformedResponseException {
    int n = d.u8(4); // byte 4: NUMBER OF DENSITY CODES
    List<Integer> codes = new ArrayList<>();
    for (int i = 0; i < Math.min(n, MediumTypeDescriptor.DENSITY_CODE_SLOTS); i++) {
      codes.add(d.u8(5 + i)); // bytes 5..13: PRIMARY DENSITY CODES
    }
    return new MediumTypeDescriptor(
        d.u8(0), // byte 0: MEDIUM TYPE; byte 1 reserved
        d.u16(2), // bytes 2..3: DESCRIPTOR LENGTH
        n,
        codes,
        d.u16(14), // bytes 14..15: MEDIA WIDTH
        d.u16(16), // bytes 16..17: MEDIUM LENGTH; 18..19 reserved
        d.ascii(20, 8), // bytes 20..27: ASSIGNING ORGANIZATION
        d.ascii(28, 8), // bytes 28..35: MEDIUM TYPE NAME
        d.ascii(36, 20)); // bytes 36..55: DESCRIPTION
  }

  @Override
  public Bytes encode() {
    BigEndianWriter w = DensitySupportLayout.header(availableLength, descriptors.size(), MediumTypeDescriptor.LENGTH);
    for (MediumTypeDescriptor d : descriptors) {
      w.u8(d.mediumType()).u8(0).u16(d.descriptorLength()).u8(d.numberOfDensityCodes());
      d.primaryDensityCodes().forEach(w::u8);
      w.zeros(MediumTypeDescriptor.DENSITY_CODE_SLOTS - d.primaryDensityCodes().size());
      w.u16(d.mediaWidth()).u16(d.mediumLength()).zeros(2);
      w.asciiPadded(d.assigningOrganization(), 8).asciiPadded(d.mediumTypeName(), 8).asciiPadded(d.description(), 20);
    }
    return w.toBytes();
  }
}
