package org.vaultline.scsi.spc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vaultline.scsi.bytes.BigEndianReader;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * SPC-4 Device Identification page (VPD 83h): a list of designation descriptors naming the logical
 * unit, its target port and its target device. Drives give a T10 vendor ID designator with their
 * serial number; changers and drives may give NAA, EUI-64 or SCSI name strings.
 */
public record DeviceIdentification(int peripheralQualifier, int deviceTypeCode, List<Designator> designators)
    implements VpdPage {

  public DeviceIdentification {
    VpdPages.checkHeader(peripheralQualifier, deviceTypeCode);
    designators = List.copyOf(designators);
  }

  @Override
  public int pageCode() {
    return DEVICE_IDENTIFICATION;
  }

  /** The designators with this association, in page order. */
  public List<Designator> designators(Association association) {
    return designators.stream().filter(d -> d.association() == association).toList();
  }

  /** The first designator value of the given kind, e.g. {@code first(DesignatorValue.Naa.class)}. */
  public <T extends DesignatorValue> Optional<T> first(Class<T> kind) {
    return designators.stream().map(Designator::value).filter(kind::isInstance).map(kind::cast).findFirst();
  }

  /**
   * Parses the page.
   *
   * @throws MalformedResponseException when PAGE LENGTH runs past the data, or a descriptor's
   *     DESIGNATOR LENGTH runs past PAGE LENGTH
   */
  public static DeviceIdentification parse(Bytes data) throws MalformedResponseException {
    BigEndianReader r = VpdPages.open(data, DEVICE_IDENTIFICATION);
    List<Designator> list = new ArrayList<>();
    int off = 4;
    while (off < r.length()) {
      // byte 0: PROTOCOL IDENTIFIER 7..4, CODE SET 3..0; byte 1: PIV 7, ASSOCIATION 5..4, TYPE 3..0;
      // byte 3: DESIGNATOR LENGTH
      int b0 = r.u8(off);
      int b1 = r.u8(off + 1);
      int length = r.u8(off + 3);
      Bytes designator = r.bytes(off + 4, length);
      list.add(new Designator(new ProtocolIdentifier(b0 >> 4), new CodeSet(b0 & 0xf), (b1 & 0x80) != 0,
          Association.of(b1 >> 4), DesignatorValue.decode(b1 & 0xf, designator)));
      off += 4 + length;
    }
    return new DeviceIdentification(VpdPages.qualifier(r), VpdPages.typeCode(r), list);
  }

  @Override
  public Bytes encode() {
    BigEndianWriter w = new BigEndianWriter();
    designators.forEach(d -> w.bytes(d.encode()));
    return VpdPages.encode(peripheralQualifier, deviceTypeCode, DEVICE_IDENTIFICATION, w.toBytes());
  }
}
