package org.vaultline.emulator.target;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.vaultline.emulator.CheckCondition;
import org.vaultline.emulator.personality.DeviceIdentity;
import org.vaultline.emulator.personality.SenseCode;
import org.vaultline.scsi.DeviceType;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.spc.CodeSet;
import org.vaultline.scsi.spc.Designator;
import org.vaultline.scsi.spc.DesignatorValue;
import org.vaultline.scsi.spc.DeviceIdentification;
import org.vaultline.scsi.spc.Inquiry;
import org.vaultline.scsi.spc.Lun;
import org.vaultline.scsi.spc.ReportLuns;
import org.vaultline.scsi.spc.ReportLunsData;
import org.vaultline.scsi.spc.RequestSense;
import org.vaultline.scsi.spc.StandardInquiry;
import org.vaultline.scsi.spc.SupportedVpdPages;
import org.vaultline.scsi.spc.UnitSerialNumber;
import org.vaultline.scsi.spc.VpdPage;

/**
 * SPC-4 answers both kinds of logical unit give the same way: INQUIRY (standard, VPD 00h, 80h, 83h),
 * REPORT LUNS and REQUEST SENSE.
 */
final class SpcResponder {
  private SpcResponder() {
  }

  /** {@code data} cut to {@code allocationLength}, as SPC-4 4.2.5.6 has a device do. */
  static Bytes fit(Bytes data, long allocationLength) {
    return data.size() <= allocationLength ? data : data.prefix((int) allocationLength);
  }

  static CheckCondition invalidField(int cdbByte, int bit) {
    return new CheckCondition(Sense.of(SenseKey.ILLEGAL_REQUEST, 0x24, 0x00)
        .withCdbFieldPointer(cdbByte, bit < 0 ? OptionalInt.empty() : OptionalInt.of(bit)));
  }

  static CheckCondition invalidAddress(int cdbByte) {
    return new CheckCondition(Sense.of(SenseKey.ILLEGAL_REQUEST, 0x21, 0x01)
        .withCdbFieldPointer(cdbByte, OptionalInt.empty()));
  }

  /**
   * The T10 vendor ID designator both VPD page 83h and the changer's DVCID carry, so that an
   * application can tell which drive a data transfer element is (REFERENCE §1.1).
   */
  static String t10VendorSpecific(DeviceIdentity id) {
    return String.format("%-16.16s", id.product()) + id.serial();
  }

  static Bytes inquiry(Inquiry<?> q, DeviceType type, boolean removable, DeviceIdentity id) throws CheckCondition {
    Bytes data;
    if (!q.evpd()) {
      data = StandardInquiry.of(type, removable, id.vendor(), id.product(), id.revision()).encode();
    } else {
      data = switch (q.pageCode()) {
        case VpdPage.SUPPORTED_VPD_PAGES -> new SupportedVpdPages(0, type.code(),
            List.of(VpdPage.SUPPORTED_VPD_PAGES, VpdPage.UNIT_SERIAL_NUMBER, VpdPage.DEVICE_IDENTIFICATION)).encode();
        case VpdPage.UNIT_SERIAL_NUMBER -> new UnitSerialNumber(0, type.code(), id.serial()).encode();
        case VpdPage.DEVICE_IDENTIFICATION -> new DeviceIdentification(0, type.code(), List.of(
            Designator.ofLogicalUnit(CodeSet.ASCII,
                DesignatorValue.T10VendorId.of(id.vendor(), t10VendorSpecific(id))))).encode();
        default -> throw invalidField(2, -1);
      };
    }
    return fit(data, q.allocationLength());
  }

  static Bytes reportLuns(ReportLuns r) throws CheckCondition {
    if (r.selectReport() > 2) {
      throw invalidField(2, -1);
    }
    return fit(new ReportLunsData(List.of(Lun.of(0))).encode(), r.allocationLength());
  }

  /**
   * REQUEST SENSE: a pending unit attention (which it clears), else the unit's current not-ready
   * condition, else NO SENSE.
   */
  static Bytes requestSense(RequestSense r, Optional<SenseCode> attention, Optional<SenseCode> notReady) {
    Sense s = attention.or(() -> notReady).map(SenseCode::toSense)
        .orElse(Sense.of(SenseKey.NO_SENSE, 0, 0));
    return fit(r.descriptorFormat() ? s.encodeDescriptor() : s.encodeFixed(), r.allocationLength());
  }
}
