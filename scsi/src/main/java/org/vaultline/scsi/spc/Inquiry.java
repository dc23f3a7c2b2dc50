package org.vaultline.scsi.spc;

import java.time.Duration;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.transport.DataDirection;

/**
 * SPC-4 INQUIRY (12h). One record per kind of answer, so that the response type follows from the
 * request: {@code Inquiry.standard(96)} gives a {@link StandardInquiry},
 * {@code Inquiry.deviceIdentification(255)} a {@link DeviceIdentification}, any other VPD page a
 * {@link RawVpdPage}.
 *
 * <p>CDB: byte 1 bit 0 EVPD (bit 1, CMDDT, is obsolete and refused by {@link #fromCdb}), byte 2 PAGE
 * CODE, bytes 3..4 ALLOCATION LENGTH, byte 5 CONTROL.
 *
 * @param <R> the response record
 */
public sealed interface Inquiry<R> extends Command<R>
    permits Inquiry.Standard, Inquiry.SupportedPages, Inquiry.SerialNumber, Inquiry.DeviceId, Inquiry.OtherVpd {
  int OPCODE = 0x12;
  String NAME = "INQUIRY";

  /** Byte 1 bit 0: EVPD, set for every VPD page request (only {@link Standard} clears it). */
  default boolean evpd() {
    return true;
  }

  /** Byte 2: the VPD page (0 for standard data). */
  int pageCode();

  /** Bytes 3..4. */
  int allocationLength();

  @Override
  default String name() {
    return NAME;
  }

  @Override
  default Cdb cdb() {
    return CdbFields.cdb(new BigEndianWriter(6)
        .u8(OPCODE)
        .u8(CdbFields.flag(evpd(), 0))
        .u8(pageCode())
        .u16(allocationLength())
        .u8(0));
  }

  @Override
  default DataDirection direction() {
    return DataDirection.FROM_DEVICE;
  }

  @Override
  default int dataInLength() {
    return allocationLength();
  }

  @Override
  default Duration defaultTimeout() {
    return Duration.ofSeconds(10);
  }

  static Standard standard(int allocationLength) {
    return new Standard(allocationLength);
  }

  static SupportedPages supportedVpdPages(int allocationLength) {
    return new SupportedPages(allocationLength);
  }

  static SerialNumber unitSerialNumber(int allocationLength) {
    return new SerialNumber(allocationLength);
  }

  static DeviceId deviceIdentification(int allocationLength) {
    return new DeviceId(allocationLength);
  }

  /** The request for VPD page {@code pageCode}: the typed record for 00h, 80h and 83h, else {@link OtherVpd}. */
  static Inquiry<? extends VpdPage> vpd(int pageCode, int allocationLength) {
    return switch (pageCode) {
      case VpdPage.SUPPORTED_VPD_PAGES -> new SupportedPages(allocationLength);
      case VpdPage.UNIT_SERIAL_NUMBER -> new SerialNumber(allocationLength);
      case VpdPage.DEVICE_IDENTIFICATION -> new DeviceId(allocationLength);
      default -> new OtherVpd(pageCode, allocationLength);
    };
  }

  /**
   * Decodes an INQUIRY CDB.
   *
   * @throws InvalidCdbException CMDDT set (byte 1 bit 1), or a page code without EVPD (byte 2)
   */
  static Inquiry<?> fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 6, NAME);
    if (f.bit(1, 1)) {
      throw CdbFields.invalid(1, 1, "CMDDT is obsolete");
    }
    boolean evpd = f.bit(1, 0);
    int page = f.u8(2);
    int alloc = f.u16(3);
    if (!evpd) {
      if (page != 0) {
        throw CdbFields.invalid(2, 7, String.format("page code %02Xh without EVPD", page));
      }
      return new Standard(alloc);
    }
    return vpd(page, alloc);
  }

  private static void checkAllocation(int allocationLength) {
    CdbFields.checkRange("allocation length", allocationLength, 0xffff);
  }

  /** Standard INQUIRY data (EVPD = 0). 36 bytes is the classic allocation; 96 covers the version descriptors. */
  record Standard(int allocationLength) implements Inquiry<StandardInquiry> {
    public Standard {
      checkAllocation(allocationLength);
    }

    @Override
    public boolean evpd() {
      return false;
    }

    @Override
    public int pageCode() {
      return 0;
    }

    @Override
    public StandardInquiry parse(Bytes dataIn) throws MalformedResponseException {
      return StandardInquiry.parse(dataIn);
    }
  }

  /** VPD page 00h. */
  record SupportedPages(int allocationLength) implements Inquiry<SupportedVpdPages> {
    public SupportedPages {
      checkAllocation(allocationLength);
    }

    @Override
    public int pageCode() {
      return VpdPage.SUPPORTED_VPD_PAGES;
    }

    @Override
    public SupportedVpdPages parse(Bytes dataIn) throws MalformedResponseException {
      return SupportedVpdPages.parse(dataIn);
    }
  }

  /** VPD page 80h. */
  record SerialNumber(int allocationLength) implements Inquiry<UnitSerialNumber> {
    public SerialNumber {
      checkAllocation(allocationLength);
    }

    @Override
    public int pageCode() {
      return VpdPage.UNIT_SERIAL_NUMBER;
    }

    @Override
    public UnitSerialNumber parse(Bytes dataIn) throws MalformedResponseException {
      return UnitSerialNumber.parse(dataIn);
    }
  }

  /** VPD page 83h. */
  record DeviceId(int allocationLength) implements Inquiry<DeviceIdentification> {
    public DeviceId {
      checkAllocation(allocationLength);
    }

    @Override
    public int pageCode() {
      return VpdPage.DEVICE_IDENTIFICATION;
    }

    @Override
    public DeviceIdentification parse(Bytes dataIn) throws MalformedResponseException {
      return DeviceIdentification.parse(dataIn);
    }
  }

  /** Any VPD page other than 00h, 80h and 83h (those have their own records), kept raw. */
  record OtherVpd(int pageCode, int allocationLength) implements Inquiry<RawVpdPage> {
    public OtherVpd {
      CdbFields.checkRange("page code", pageCode, 0xff);
      checkAllocation(allocationLength);
      if (pageCode == VpdPage.SUPPORTED_VPD_PAGES || pageCode == VpdPage.UNIT_SERIAL_NUMBER
          || pageCode == VpdPage.DEVICE_IDENTIFICATION) {
        throw new IllegalArgumentException(String.format(
            "VPD page %02Xh has its own request record; use Inquiry.vpd(page, allocation)", pageCode));
      }
    }

    @Override
    public RawVpdPage parse(Bytes dataIn) throws MalformedResponseException {
      RawVpdPage page = RawVpdPage.parse(dataIn);
      if (page.pageCode() != pageCode) {
        throw new MalformedResponseException(1,
            String.format("asked for VPD page %02Xh, got page %02Xh", pageCode, page.pageCode()));
      }
      return page;
    }
  }
}
