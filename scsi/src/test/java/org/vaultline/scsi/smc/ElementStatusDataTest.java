package org.vaultline.scsi.smc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vaultline.scsi.smc.ElementStatusSamples.a;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/** READ ELEMENT STATUS data: the hand-written samples decoded field by field, and the encoder against the parser. */
class ElementStatusDataTest {

  @Test
  void ts3100StorageSampleDecodesEverySlot() throws MalformedResponseException {
    ElementStatusData d = ElementStatusData.parse(ElementStatusSamples.storageWithVolumeTags());
    assertThat(d.warnings()).isEmpty();
    assertThat(d.firstElementAddressReported()).isEqualTo(a(0x1000));
    assertThat(d.numberOfElementsAvailable()).isEqualTo(6);
    assertThat(d.byteCountOfReportAvailable()).isEqualTo(320);
    assertThat(d.reportLength()).isEqualTo(328);
    assertThat(d.isComplete()).isTrue();
    assertThat(d.nextStartingAddress()).isEmpty();
    assertThat(d.pages()).singleElement().satisfies(p -> {
      assertThat(p.elementType()).isEqualTo(ElementType.STORAGE);
      assertThat(p.primaryVolumeTags()).isTrue();
      assertThat(p.alternateVolumeTags()).isFalse();
      assertThat(p.descriptorLength()).isEqualTo(52);
      assertThat(p.byteCountOfDescriptorData()).isEqualTo(312);
    });
    List<StorageElement> slots = d.elements(StorageElement.class);
    assertThat(slots).extracting(e -> e.address().value()).containsExactly(0x1000, 0x1001, 0x1002, 0x1003, 0x1004, 0x1005);

    StorageElement s0 = slots.get(0);
    assertThat(s0.full()).isTrue();
    assertThat(s0.access()).isTrue();
    assertThat(s0.except()).isFalse();
    assertThat(s0.state().mediumType()).isEqualTo(ElementState.MEDIUM_DATA);
    assertThat(s0.primaryVolumeTag()).contains(VolumeTag.of("ABC123L5"));
    assertThat(s0.primaryVolumeTag().get().volser()).isEqualTo("ABC123");
    assertThat(s0.sourceAddress()).isEmpty();

    assertThat(slots.get(1).sourceAddress()).contains(a(0x1003));
    assertThat(slots.get(1).state().invert()).isFalse();

    assertThat(slots.get(2).full()).isFalse();
    assertThat(slots.get(2).primaryVolumeTag()).as("a tag field of zeros is no tag").isEmpty();

    assertThat(slots.get(3).state().mediumType()).isEqualTo(ElementState.MEDIUM_CLEANING);
    assertThat(slots.get(3).primaryVolumeTag().get().isCleaningCartridge()).isTrue();

    StorageElement unscanned = slots.get(4);
    assertThat(unscanned.except()).isTrue();
    assertThat(unscanned.full()).isTrue();
    assertThat(unscanned.state().asc()).isEqualTo(0x83);
    assertThat(unscanned.state().ascq()).isEqualTo(0x00);
    assertThat(unscanned.primaryVolumeTag()).as("a tag field of spaces is no tag").isEmpty();

    assertThat(slots.get(5).access()).isFalse();
  }

  @Test
  void ts3100DriveSampleGivesEachDrivesSerialNumber() throws MalformedResponseException {
    ElementStatusData d = ElementStatusData.parse(ElementStatusSamples.drivesWithDvcid());
    assertThat(d.warnings()).isEmpty();
    List<DataTransferElement> drives = d.elements(DataTransferElement.class);
    assertThat(drives).extracting(DataTransferElement::serial)
        .containsExactly(Optional.of("1013000123"), Optional.of("1013000456"));
    DataTransferElement first = drives.get(0);
    assertThat(first.full()).isTrue();
    assertThat(first.sourceAddress()).contains(a(0x1002));
    assertThat(first.primaryVolumeTag()).isEmpty();
    DeviceIdentifier id = first.identification().orElseThrow();
    assertThat(id.codeSet()).isEqualTo(DeviceIdentifier.CODE_SET_ASCII);
    assertThat(id.identifierType()).isEqualTo(DeviceIdentifier.TYPE_T10_VENDOR_ID);
    assertThat(id.identifier()).isEqualTo(Bytes.ascii("IBM     ULTRIUM-TD5     1013000123"));
    assertThat(id.vendor()).contains("IBM");
    assertThat(id.product()).contains("ULTRIUM-TD5");
    assertThat(first.idValid()).isFalse();
    assertThat(d.pages().get(0).descriptorLength()).isEqualTo(50);
  }

  @Test
  void ts3100AllTypesSampleDecodesOnePagePerTypeInAddressOrder() throws MalformedResponseException {
    ElementStatusData d = ElementStatusData.parse(ElementStatusSamples.allTypesWithVolumeTags());
    assertThat(d.warnings()).isEmpty();
    assertThat(d.pages()).extracting(ElementStatusPage::elementType).containsExactly(ElementType.MEDIUM_TRANSPORT,
        ElementType.IMPORT_EXPORT, ElementType.DATA_TRANSFER, ElementType.STORAGE);
    assertThat(d.elements()).hasSize(6);

    TransportElement hand = d.elements(TransportElement.class).get(0);
    assertThat(hand.address()).isEqualTo(a(0x0001));
    assertThat(hand.full()).isFalse();

    ImportExportElement io = d.elements(ImportExportElement.class).get(0);
    assertThat(io.address()).isEqualTo(a(0x0010));
    assertThat(io.importExport()).as("ImpExp: put there by the operator").isTrue();
    assertThat(io.importEnabled()).isTrue();
    assertThat(io.exportEnabled()).isTrue();
    assertThat(io.access()).isTrue();
    assertThat(io.operatorInterventionRequired()).isFalse();
    assertThat(io.primaryVolumeTag()).contains(VolumeTag.of("XYZ001L5"));

    DataTransferElement drive = d.elements(DataTransferElement.class).get(0);
    assertThat(drive.idValid()).isTrue();
    assertThat(drive.luValid()).isTrue();
    assertThat(drive.notBus()).isFalse();
    assertThat(drive.scsiBusAddress()).isEqualTo(2);
    assertThat(drive.lun()).isZero();
    assertThat(drive.sourceAddress()).contains(a(0x1002));
    assertThat(drive.primaryVolumeTag().map(VolumeTag::volumeIdentifier)).contains("ABC125L5");
    assertThat(drive.identification()).as("4 reserved zero bytes are no identifier").isEmpty();

    assertThat(d.element(a(0x1001)).flatMap(ElementStatus::primaryVolumeTag)).contains(VolumeTag.of("ABC124L5"));
    assertThat(d.element(a(0x2000))).isEmpty();
  }

  @Test
  void wellFormedSamplesEncodeBackToTheirExactBytes() throws MalformedResponseException {
    for (Bytes sample : List.of(ElementStatusSamples.drivesWithDvcid(), ElementStatusSamples.allTypesWithVolumeTags())) {
      assertThat(ElementStatusData.parse(sample).encode()).isEqualTo(sample);
    }
  }

  @Test
  void aBlankTagWrittenAsSpacesComesBackAsZerosButParsesTheSame() throws MalformedResponseException {
    ElementStatusData d = ElementStatusData.parse(ElementStatusSamples.storageWithVolumeTags());
    assertThat(ElementStatusData.parse(d.encode())).isEqualTo(d);
  }

  @Test
  void everyKindOfElementSurvivesEncodeAndParse() throws MalformedResponseException {
    ElementStatusData built = ElementStatusSamples.everyKind();
    assertThat(ElementStatusData.parse(built.encode())).isEqualTo(built);
  }

  @Test
  void eachElementTypeRoundTripsWithAndWithoutTagsAndIdentifiers() throws MalformedResponseException {
    for (ElementType type : List.of(ElementType.MEDIUM_TRANSPORT, ElementType.STORAGE, ElementType.IMPORT_EXPORT,
        ElementType.DATA_TRANSFER)) {
      for (int variant = 0; variant < 8; variant++) {
        boolean pvol = (variant & 1) != 0;
        boolean avol = (variant & 2) != 0;
        boolean dvcid = (variant & 4) != 0;
        ElementState full = ElementState.empty(a(0x2000)).withFull(true).withMediumType(ElementState.MEDIUM_DATA);
        ElementState empty = ElementState.empty(a(0x2001));
        if (pvol) {
          full = full.withPrimaryVolumeTag(VolumeTag.of("VOL001L7"));
        }
        if (avol) {
          full = full.withAlternateVolumeTag(new VolumeTag("ALTERNATE-IDENTIFIER-OF-32-CHARS", 65535));
        }
        if (dvcid) {
          full = full.withIdentification(ElementStatusSamples.TD5_123);
          empty = empty.withIdentification(DeviceIdentifier.serialOnly("S"));
        }
        ElementStatusData built = ElementStatusData.of(ElementStatusPage.of(type, pvol, avol,
            List.of(element(type, full), element(type, empty))));
        ElementStatusData parsed = ElementStatusData.parse(built.encode());
        assertThat(parsed).as("%s PVolTag=%s AVolTag=%s DVCID=%s", type, pvol, avol, dvcid).isEqualTo(built);
      }
    }
  }

  private static ElementStatus element(ElementType type, ElementState s) {
    switch (type) {
      case MEDIUM_TRANSPORT:
        return new TransportElement(s);
      case STORAGE:
        return new StorageElement(s, true);
      case IMPORT_EXPORT:
        return ImportExportElement.of(s);
      default:
        return DataTransferElement.of(s);
    }
  }

  @Test
  void theEncoderWritesTheStandardBytesForOneTaggedSlot() {
    ElementStatusData d = ElementStatusData.of(ElementStatusPage.of(ElementType.STORAGE, true, false,
        List.of(new StorageElement(ElementState.holding(a(0x1000), "ABC123L5").withSource(a(0x0100), false), true))));
    String tag = "41 42 43 31 32 33 4C 35" + " 20".repeat(24) + " 00 00 00 00";
    assertThat(d.encode()).isEqualTo(Bytes.fromHex(
        "10 00 00 01 00 00 00 3C" // header: first 1000h, 1 element, 60 bytes of pages
            + " 02 80 00 34 00 00 00 34" // page: storage, PVolTag, descriptor length 52, 52 bytes
            + " 10 00 09 00 00 00 00 00 00 81 01 00 " // 1000h, ACCESS FULL, SVALID data medium, source 0100h
            + tag
            + " 00 00 00 00")); // identification header: none
  }

  @Test
  void ofWorksOutTheHeaderFromThePages() {
    ElementStatusData d = ElementStatusSamples.everyKind();
    assertThat(d.firstElementAddressReported()).isEqualTo(a(0x0001));
    assertThat(d.numberOfElementsAvailable()).isEqualTo(9);
    assertThat(d.reportLength()).isEqualTo(d.encode().size());
    assertThat(ElementStatusData.of(List.of()).encode()).isEqualTo(Bytes.fromHex("00 00 00 00 00 00 00 00"));
  }

  @Test
  void anElementThatNeedsMoreThanItsPagesDescriptorLengthCannotBeEncoded() {
    ElementStatusPage tooShort = new ElementStatusPage(ElementType.DATA_TRANSFER, false, false, 16, 16,
        List.of(DataTransferElement.of(ElementState.empty(a(0x0100)).withIdentification(ElementStatusSamples.TD5_123))));
    assertThatThrownBy(() -> ElementStatusData.of(tooShort).encode()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("0x0100");
  }

  @Test
  void aPageRefusesElementsOfAnotherTypeAndTagsItDoesNotAnnounce() {
    assertThatThrownBy(() -> ElementStatusPage.of(ElementType.STORAGE, true, false,
        List.of(new TransportElement(ElementState.empty(a(1)))))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ElementStatusPage.of(ElementType.STORAGE, false, false,
        List.of(new StorageElement(ElementState.holding(a(0x1000), "ABC123"), true))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aReportCutByASmallAllocationLengthSaysWhereToGoOn() throws MalformedResponseException {
    Bytes whole = ElementStatusSamples.storageWithVolumeTags();
    // allocation length 8 + 8 + 2 x 52: the first two slots only
    ElementStatusData cut = ElementStatusData.parse(whole.prefix(120));
    assertThat(cut.elements()).hasSize(2);
    assertThat(cut.isComplete()).isFalse();
    assertThat(cut.nextStartingAddress()).contains(a(0x1002));
    assertThat(cut.reportLength()).as("allocation length that gets it all").isEqualTo(328);
    ReadElementStatus first = ReadElementStatus.of(ElementType.STORAGE, a(0x1000), 6).withAllocationLength(120);
    assertThat(first.startingAt(cut.nextStartingAddress().orElseThrow()).withNumberOfElements(4).cdb().bytes())
        .isEqualTo(Bytes.fromHex("B8 12 10 02 00 04 00 00 00 78 00 00"));
  }

  @Test
  void nothingDecodedFromAHeaderOnlyAnswerMeansReissueWithTheReportLength() throws MalformedResponseException {
    ElementStatusData d = ElementStatusData.parse(ElementStatusSamples.storageWithVolumeTags().prefix(8));
    assertThat(d.elements()).isEmpty();
    assertThat(d.isComplete()).isFalse();
    assertThat(d.nextStartingAddress()).isEmpty();
    assertThat(d.reportLength()).isEqualTo(328);
  }

  @Test
  void readElementStatusParsesItsResponseWithTheTolerantParser() throws MalformedResponseException {
    ReadElementStatus res = ReadElementStatus.drives(a(0x0100), 2);
    assertThat(res.parse(ElementStatusSamples.drivesWithDvcid()).elements(DataTransferElement.class))
        .extracting(DataTransferElement::serial).containsExactly(Optional.of("1013000123"), Optional.of("1013000456"));
  }

  @Test
  void fewerThanEightBytesIsTheOneMalformedResponse() {
    assertThatThrownBy(() -> ElementStatusData.parse(Bytes.fromHex("10 00 00 06 00 00 01")))
        .isInstanceOf(MalformedResponseException.class)
        .satisfies(e -> assertThat(((MalformedResponseException) e).offset()).isEqualTo(7));
  }

  @Test
  void elementsPrintTheWayAnOperatorReadsThem() throws MalformedResponseException {
    ElementStatusData d = ElementStatusData.parse(ElementStatusSamples.storageWithVolumeTags());
    assertThat(d.elements().get(1)).hasToString("storage 0x1001 full \"ABC124L5\" medium type 1 from 0x1003");
    assertThat(d.elements().get(4).toString()).contains("EXCEPT").contains("[83/00]");
    assertThat(d.elements().get(5).toString()).endsWith("no access");
  }
}
