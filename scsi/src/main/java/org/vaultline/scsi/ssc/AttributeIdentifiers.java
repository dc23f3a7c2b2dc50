package org.vaultline.scsi.ssc;

import java.util.ArrayList;
import java.util.List;
import org.vaultline.scsi.bytes.BigEndianReader;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * READ ATTRIBUTE (8Ch) ATTRIBUTE LIST or SUPPORTED ATTRIBUTES data (SPC-4): a 4-byte AVAILABLE DATA
 * field, then 2-byte attribute identifiers.
 *
 * @param availableData the AVAILABLE DATA field (bytes of identifiers the device holds)
 * @param identifiers the identifiers received
 */
public record AttributeIdentifiers(long availableData, List<Integer> identifiers) implements AttributeData {
  public AttributeIdentifiers {
    identifiers = List.copyOf(identifiers);
    if (availableData < 0 || availableData > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("available data must fit in 32 bits: " + availableData);
    }
    for (int id : identifiers) {
      if (id < 0 || id > 0xFFFF) {
        throw new IllegalArgumentException("attribute identifier must fit in 16 bits: " + id);
      }
    }
  }

  public static AttributeIdentifiers of(List<Integer> identifiers) {
    return new AttributeIdentifiers(2L * identifiers.size(), identifiers);
  }

  /** The device holds more identifiers than came back. */
  public boolean truncated() {
    return availableData > 2L * identifiers.size();
  }

  /**
   * Parses the identifier list; a last identifier cut by the end of the transfer is dropped.
   *
   * @throws MalformedResponseException when the header is missing or AVAILABLE DATA is odd while all of
   *     it was transferred
   */
  public static AttributeIdentifiers parse(Bytes data) throws MalformedResponseException {
    BigEndianReader r = new BigEndianReader(data);
    long available = r.u32(0); // bytes 0..3: AVAILABLE DATA
    long declaredEnd = 4 + available;
    int end = (int) Math.min(declaredEnd, data.size());
    if (declaredEnd <= data.size() && available % 2 != 0) {
      throw new MalformedResponseException(end - 1, "AVAILABLE DATA " + available + " is not a whole number of identifiers");
    }
    List<Integer> ids = new ArrayList<>();
    for (int off = 4; off + 2 <= end; off += 2) {
      ids.add(r.u16(off));
    }
    return new AttributeIdentifiers(available, ids);
  }

  @Override
  public Bytes encode() {
    BigEndianWriter w = new BigEndianWriter();
    w.u32(availableData);
    identifiers.forEach(w::u16);
    return w.toBytes();
  }
}
