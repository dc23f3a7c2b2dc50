package org.vaultline.scsi.smc;

import java.util.List;
import org.vaultline.scsi.Inhex;
import org.vaultline.scsi.bytes.Bytes;

/** The hand-written READ ELEMENT STATUS samples in {@code src/test/resources/org/vaultline/scsi/smc/}, and records built for round trips. */
final class ElementStatusSamples {
  private ElementStatusSamples() {
  }

  static final String DIR = "org/vaultline/scsi/smc/";

  static Bytes storageWithVolumeTags() {
    return Inhex.resource(DIR + "ts3100_res_storage_voltag.hex");
  }

  static Bytes drivesWithDvcid() {
    return Inhex.resource(DIR + "ts3100_res_drives_dvcid.hex");
  }

  static Bytes allTypesWithVolumeTags() {
    return Inhex.resource(DIR + "ts3100_res_all_voltag.hex");
  }

  static Bytes tgtLikeEightBytesShort() {
    return Inhex.resource(DIR + "tgt_like_res_all_voltag_dvcid_8_short.hex");
  }

  static List<Bytes> all() {
    return List.of(storageWithVolumeTags(), drivesWithDvcid(), allTypesWithVolumeTags(), tgtLikeEightBytesShort(),
        everyKind().encode());
  }

  static ElementAddress a(int value) {
    return ElementAddress.of(value);
  }

  static final DeviceIdentifier TD5_123 = DeviceIdentifier.t10VendorId("IBM", "ULTRIUM-TD5", "1013000123");

  /**
   * All four element types with primary and alternate tags, identifiers of different lengths, every
   * flag the descriptors have: the record the encoder and parser must agree on.
   */
  static ElementStatusData everyKind() {
    return ElementStatusData.of(
        ElementStatusPage.of(ElementType.MEDIUM_TRANSPORT, true, true, List.of(
            new TransportElement(ElementState.holding(a(0x0001), "ABC126L6").withSource(a(0x1004), true)
                .withAlternateVolumeTag(new VolumeTag("ALT126", 3))))),
        ElementStatusPage.of(ElementType.STORAGE, true, true, List.of(
            new StorageElement(ElementState.holding(a(0x1000), "ABC123L6"), true),
            new StorageElement(ElementState.empty(a(0x1001)).withException(0x83, 0x01), false),
            new StorageElement(ElementState.empty(a(0x1002)).withElementDisabled(true)
                .withAlternateVolumeTag(VolumeTag.of("ONLYALT")), true))),
        ElementStatusPage.of(ElementType.IMPORT_EXPORT, true, true, List.of(
            new ImportExportElement(ElementState.holding(a(0x0010), "CLN001L1")
                .withMediumType(ElementState.MEDIUM_CLEANING), true, true, true, false, true, true),
            ImportExportElement.of(ElementState.empty(a(0x0011))))),
        ElementStatusPage.of(ElementType.DATA_TRANSFER, true, true, List.of(
            new DataTransferElement(ElementState.holding(a(0x0100), "ABC124L6").withSource(a(0x1003), false)
                .withIdentification(TD5_123), true, true, true, true, 5, 0x0F),
            DataTransferElement.of(ElementState.empty(a(0x0101))
                .withIdentification(DeviceIdentifier.serialOnly("99"))),
            DataTransferElement.of(ElementState.empty(a(0x0102)).withIdentification(new DeviceIdentifier(
                5, DeviceIdentifier.CODE_SET_BINARY, true, 2, 3, Bytes.fromHex("50 05 07 63 00 00 00 01")))))));
  }
}
