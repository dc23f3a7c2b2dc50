package org.vaultline.scsi.spc;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.vaultline.scsi.DeviceType;
import org.vaultline.scsi.Inhex;
import org.vaultline.scsi.bytes.Bytes;

/** Response records and encoded samples shared by the spc tests, fuzz seeds and round trips. */
final class SpcSamples {
  private SpcSamples() {
  }

  static final String STD_INQUIRY_VECTOR = "vectors/04_ibm_ultrium-td3_std_inquiry.hex";
  static final String VPD83_VECTOR = "vectors/06_ibm_ultrium-td3_vpd83_devid.hex";
  static final String MODE_SENSE6_1D_VECTOR = "vectors/10_EMULATED_mhvtl_stk_l80_mode_sense6_page1d.hex";

  static Bytes stdInquiryVector() {
    return Inhex.resource(STD_INQUIRY_VECTOR);
  }

  static Bytes vpd83Vector() {
    return Inhex.resource(VPD83_VECTOR);
  }

  static Bytes modeSense6Vector() {
    return Inhex.resource(MODE_SENSE6_1D_VECTOR);
  }

  /** A changer claiming SPC-4 with every optional part filled. */
  static StandardInquiry fullInquiry() {
    return new StandardInquiry(0, 0x08, true, 0x06, true, true, 2, 0x5B, true, false, 3, true, true, true, true,
        true, "VLTLINE", "VIRTUAL LIBRARY", "0100", Bytes.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
            17, 18, 19, 20), List.of(0x0460, 0x0480, 0x0E20));
  }

  /** One designator of every type Vaultline decodes, plus a reserved type and a misfit kept raw. */
  static List<Designator> allDesignators() {
    return List.of(
        Designator.ofLogicalUnit(CodeSet.BINARY, new DesignatorValue.VendorSpecific(Bytes.of(0xde, 0xad))),
        Designator.ofLogicalUnit(CodeSet.ASCII, DesignatorValue.T10VendorId.of("IBM", "ULTRIUM-TD3     1210173183")),
        Designator.ofLogicalUnit(CodeSet.BINARY, new DesignatorValue.Eui64(Bytes.of(0, 1, 2, 3, 4, 5, 6, 7))),
        Designator.ofLogicalUnit(CodeSet.BINARY, new DesignatorValue.Naa(Bytes.fromHex("50 05 07 63 00 0a 1b 2c"))),
        new Designator(ProtocolIdentifier.SAS, CodeSet.BINARY, true, Association.TARGET_PORT,
            new DesignatorValue.RelativeTargetPort(2)),
        new Designator(ProtocolIdentifier.FIBRE_CHANNEL, CodeSet.BINARY, false, Association.TARGET_PORT,
            new DesignatorValue.TargetPortGroup(0x0102)),
        Designator.ofLogicalUnit(CodeSet.BINARY, new DesignatorValue.LogicalUnitGroup(7)),
        Designator.ofLogicalUnit(CodeSet.BINARY, new DesignatorValue.Md5LogicalUnitId(Bytes.of(
            0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f))),
        new Designator(ProtocolIdentifier.ISCSI, CodeSet.UTF8, true, Association.TARGET_DEVICE,
            DesignatorValue.ScsiNameString.of("iqn.2024-01.org.vaultline:lib0")),
        new Designator(ProtocolIdentifier.UAS, CodeSet.BINARY, true, Association.TARGET_PORT,
            new DesignatorValue.ProtocolSpecificPort(Bytes.of(0x00, 0x04, 0x00, 0x00))),
        Designator.ofLogicalUnit(CodeSet.BINARY, DesignatorValue.Uuid.locallyAssigned(
            UUID.fromString("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"))),
        Designator.ofLogicalUnit(CodeSet.BINARY, new DesignatorValue.Raw(0xB, Bytes.of(9, 9, 9))),
        Designator.ofLogicalUnit(CodeSet.BINARY, new DesignatorValue.Raw(DesignatorValue.Naa.TYPE, Bytes.of(0x50, 1))));
  }

  static DeviceIdentification fullDeviceIdentification() {
    return new DeviceIdentification(0, DeviceType.MEDIUM_CHANGER.code(), allDesignators());
  }

  static ModeParameters modeParameters6() {
    return new ModeParameters(0x00, 0x90, false,
        List.of(new BlockDescriptor(0x44, 0, 0), new BlockDescriptor(0x58, 0x123456, 0x040000)),
        List.of(new ModePage(0x10, 0, true, false, Bytes.of(0x00, 0x00, 0x00, 0x00, 0x28, 0x00, 0x00, 0x00)),
            ModePage.of(0x0F, 0x01, Bytes.of(0xC0, 0x80, 0, 0)),
            ModePage.of(0x1D, Bytes.fromHex("00 01 00 01 03 e8 00 28 00 0a 00 04 01 f4 00 04 00 00"))));
  }

  static ModeParameters modeParameters10LongLba() {
    return new ModeParameters(0x01, 0x10, true,
        List.of(new BlockDescriptor(0x00, 0x1_0000_0000L, 0x1000)),
        List.of(new ModePage(0x0A, 0xF1, true, true, Bytes.zeros(300))));
  }

  static LogPage tapeAlertLike() {
    return new LogPage(0x2E, 0, false, false, List.of(
        new LogParameter(0x0001, 0x03, Bytes.of(0)),
        new LogParameter(0x0014, 0x03, Bytes.of(1)),
        new LogParameter(0x0040, 0x03, Bytes.of(0))));
  }

  static LogPage counterPage() {
    return new LogPage(0x0C, 0x01, true, true, List.of(
        new LogParameter(0x0000, 0x02, Bytes.of(0, 0, 1, 0)),
        new LogParameter(0x8001, 0xB1, Bytes.ascii("LTO-9")),
        new LogParameter(0x0002, 0x00, Bytes.EMPTY)));
  }

  static SupportedOperationCodes supportedOperationCodes() {
    return new SupportedOperationCodes(List.of(
        new SupportedOperationCodes.CommandDescriptor(0x00, 0, false, 6, Optional.empty()),
        new SupportedOperationCodes.CommandDescriptor(0xA5, 0, false, 12,
            Optional.of(new CommandTimeouts(0, 120, 300))),
        new SupportedOperationCodes.CommandDescriptor(0xA3, 0x0C, true, 12,
            Optional.of(new CommandTimeouts(0, 1, 30)))));
  }

  static OneCommandSupport oneCommandSupport() {
    return new OneCommandSupport(OneCommandSupport.SUPPORTED, Bytes.of(0xA5, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0x00, 0x00, 0x03, 0x07), Optional.of(new CommandTimeouts(0, 60, 300)));
  }

  static ReportLunsData lunList() {
    return new ReportLunsData(List.of(Lun.of(0), Lun.of(1), Lun.of(300),
        new Lun(Bytes.fromHex("c1 01 00 00 00 00 00 00"))));
  }
}
