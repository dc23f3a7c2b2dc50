package org.vaultline.scsi.ssc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vaultline.scsi.bytes.BigEndianReader;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * READ ATTRIBUTE (8Ch) ATTRIBUTE VALUES data (SPC-4): a 4-byte AVAILABLE DATA field, then attributes in
 * ascending identifier order. The device keeps AVAILABLE DATA at the full length when the allocation
 * length cut the data short; {@link #truncated()} says so, and the caller re-issues with a larger one.
 *
 * @param availableData the AVAILABLE DATA field: bytes of attributes the device holds
 * @param attributes the attributes received whole
 */
public record AttributeValues(long availableData, List<MamAttribute> attributes) implements AttributeData {
  public AttributeValues {
    attributes = List.copyOf(attributes);
    if (availableData < 0 || availableData > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("available data must fit in 32 bits: " + availableData);
    }
  }

  /** Complete data holding {@code attributes} (AVAILABLE DATA computed). */
  public static AttributeValues of(List<MamAttribute> attributes) {
    long length = 0;
    for (MamAttribute a : attributes) {
      length += a.encodedLength();
    }
    return new AttributeValues(length, attributes);
  }

  /** The device holds more than came back: the allocation length was too small. */
  public boolean truncated() {
    long received = 0;
    for (MamAttribute a : attributes) {
      received += a.encodedLength();
    }
    return availableData > received;
  }

  public Optional<MamAttribute> attribute(int id) {
    return attributes.stream().filter(a -> a.id() == id).findFirst();
  }

  /** BARCODE (0806h) without padding, if present and not blank. */
  public Optional<String> barcode() {
    return text(MamAttribute.BARCODE);
  }

  /** MEDIUM SERIAL NUMBER (0401h) without padding, if present and not blank. */
  public Optional<String> mediumSerialNumber() {
    return text(MamAttribute.MEDIUM_SERIAL_NUMBER);
  }

  private Optional<String> text(int id) {
    return attribute(id).map(MamAttribute::text).filter(s -> !s.isEmpty());
  }

  /**
   * Parses ATTRIBUTE VALUES data. Attributes beyond AVAILABLE DATA are ignored; an attribute cut by the
   * end of the transfer (allocation length too small) is dropped.
   *
   * @throws MalformedResponseException when the header is missing, or an attribute runs past AVAILABLE
   *     DATA although all of it was transferred
   */
  public static AttributeValues parse(Bytes data) throws MalformedResponseException {
    BigEndianReader r = new BigEndianReader(data);
    long available = r.u32(0); // bytes 0..3: AVAILABLE DATA
    long declaredEnd = 4 + available;
    boolean cutShort = declaredEnd > data.size();
    int end = (int) Math.min(declaredEnd, data.size());
    List<MamAttribute> attributes = new ArrayList<>();
    int off = 4;
    while (off < end) {
      if (off + 5 > end || off + 5 + r.u16(off + 3) > end) {
        if (cutShort) {
          break;
        }
        throw new MalformedResponseException(off, "attribute at offset " + off
            + " runs past the AVAILABLE DATA length (" + available + ")",
            new AttributeValues(available, attributes));
      }
      int id = r.u16(off); // bytes 0..1: ATTRIBUTE IDENTIFIER
      int flags = r.u8(off + 2); // byte 2: READ ONLY bit 7, FORMAT bits 1..0
      int length = r.u16(off + 3); // bytes 3..4: ATTRIBUTE LENGTH
      attributes.add(new MamAttribute(id, (flags & 0x80) != 0, AttributeFormat.of(flags), r.bytes(off + 5, length)));
      off += 5 + length;
    }
    return new AttributeValues(available, attributes);
  }

  @Override
  public Bytes encode() {
    BigEndianWriter w = new BigEndianWriter();
    w.u32(availableData);
    for (MamAttribute a : attributes) {
      w.u16(a.id()).u8((a.readOnly() ? 0x80 : 0) | a.format().code()).u16(a.value().size()).bytes(a.value());
    }
    return w.toBytes();
  }
}
