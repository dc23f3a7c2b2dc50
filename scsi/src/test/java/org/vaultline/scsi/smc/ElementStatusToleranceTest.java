package org.vaultline.scsi.smc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vaultline.scsi.smc.ElementStatusSamples.a;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * The malformed READ ELEMENT STATUS data of REFERENCE §1.4, one test each: which elements the parser
 * keeps, and which warnings it gives. None of them may fail the parse.
 */
class ElementStatusToleranceTest {

  private static Bytes patch(Bytes b, int offset, int... values) {
    byte[] a = b.toByteArray();
    for (int i = 0; i < values.length; i++) {
      a[offset + i] = (byte) values[i];
    }
    return Bytes.of(a);
  }

  private static List<Integer> addresses(ElementStatusData d) {
    List<Integer> list = new ArrayList<>();
    d.elements().forEach(e -> list.add(e.address().value()));
    return list;
  }

  // --- more data than the header says

  /**
   * The header's byte count is 8 short of the pages that follow (the other way tgt's count can be
   * wrong): the parser reads on by the page headers, keeps both drives whole and says so once.
   */
  @Test
  void bytesBeyondTheHeadersByteCountAreReadOnByThePageHeaders() throws MalformedResponseException {
    Bytes sample = ElementStatusSamples.drivesWithDvcid();
    ElementStatusData d = ElementStatusData.parse(patch(sample, 5, 0x00, 0x00, 0x64)); // 108 -> 100
    assertThat(d.elements(DataTransferElement.class)).extracting(DataTransferElement::serial)
        .containsExactly(Optional.of("1013000123"), Optional.of("1013000456"));
    assertThat(d.warnings()).singleElement().satisfies(w -> {
      assertThat(w.offset()).isEqualTo(108);
      assertThat(w.message()).contains("8 byte(s) follow the 100");
      assertThat(w.raw()).isEqualTo(sample.slice(108, 116));
    });
  }

  @Test
  void zerosAfterTheReportAreBufferPaddingAndNoCauseForWarning() throws MalformedResponseException {
    Bytes sample = ElementStatusSamples.drivesWithDvcid();
    ElementStatusData d = ElementStatusData.parse(sample.concat(Bytes.zeros(400)));
    assertThat(d).isEqualTo(ElementStatusData.parse(sample));
    assertThat(d.warnings()).isEmpty();
  }

  @Test
  void aFewNonZeroBytesAfterThePagesTooShortForAPageHeaderAreIgnoredWithAWarning() throws MalformedResponseException {
    Bytes sample = ElementStatusSamples.drivesWithDvcid();
    ElementStatusData d = ElementStatusData.parse(patch(sample, 7, 0x6F).concat(Bytes.of(0x04, 0x80, 0x00)));
    assertThat(d.elements()).hasSize(2);
    assertThat(d.warnings()).extracting(ParseWarning::offset).containsExactly(116);
    assertThat(d.warnings().get(0).message()).contains("too few for an element status page header");
  }

  // --- less data than the header says: a truncated last descriptor

  /**
   * tgt answers READ ELEMENT STATUS 8 bytes short (REFERENCE §4): the last descriptor, a drive's, lacks
   * the end of its identifier. Every element is kept; the drive loses only its identifier, since a
   * serial number cut to "10" would name the wrong drive.
   */
  @Test
  void tgtsEightBytesShortReplyKeepsEveryElementAndDropsOnlyTheCutIdentifier() throws MalformedResponseException {
    ElementStatusData d = ElementStatusData.parse(ElementStatusSamples.tgtLikeEightBytesShort());
    assertThat(addresses(d)).containsExactly(0x0001, 0x0400, 0x0401, 0x0402, 0x0010, 0x0100);
    DataTransferElement drive = d.elements(DataTransferElement.class).get(0);
    assertThat(drive.full()).isTrue();
    assertThat(drive.primaryVolumeTag()).contains(VolumeTag.of("TGT002L5"));
    assertThat(drive.sourceAddress()).contains(a(0x0401));
    assertThat(drive.identification()).isEmpty();
    assertThat(drive.serial()).isEmpty();
    assertThat(d.elements(StorageElement.class)).extracting(e -> e.primaryVolumeTag().map(VolumeTag::volser))
        .containsExactly(Optional.of("TGT001"), Optional.empty(), Optional.of("TGT003"));
    assertThat(d.warnings()).hasSize(2);
    assertThat(d.warnings().get(0).offset()).isEqualTo(292); // the data transfer page header
    assertThat(d.warnings().get(0).message()).contains("announces 86 bytes", "78 are there", "report was cut");
    assertThat(d.warnings().get(1).offset()).isEqualTo(300); // the drive's descriptor
    assertThat(d.warnings().get(1).message()).contains("0100h", "cut after 78 of 86 bytes", "kept",
        "identification descriptor");
    assertThat(d.isComplete()).isTrue();
  }

  @Test
  void aDescriptorCutInsideItsVolumeIdentifierIsDroppedSoACutBarcodeIsNotTakenForReal() throws MalformedResponseException {
    // header, page header, one whole 52-byte descriptor, then 20 bytes of the second: "ABC1" of its barcode
    ElementStatusData d = ElementStatusData.parse(ElementStatusSamples.storageWithVolumeTags().prefix(8 + 8 + 52 + 20));
    assertThat(addresses(d)).containsExactly(0x1000);
    assertThat(d.warnings()).extracting(ParseWarning::offset).containsExactly(8, 68);
    assertThat(d.warnings().get(1).message()).contains("1001h", "inside its volume identifier", "dropped");
    assertThat(d.nextStartingAddress()).contains(a(0x1001));
  }

  @Test
  void aDescriptorCutWithinItsFirstTwelveBytesIsDropped() throws MalformedResponseException {
    ElementStatusData d = ElementStatusData.parse(ElementStatusSamples.storageWithVolumeTags().prefix(8 + 8 + 52 + 5));
    assertThat(addresses(d)).containsExactly(0x1000);
    assertThat(d.warnings().get(1).message()).contains("cut after 5 of 52 bytes; dropped");
  }

  @Test
  void aDescriptorCutAfterItsVolumeIdentifierKeepsTheBarcodeAndSaysTheSequenceNumberIsLost()
      throws MalformedResponseException {
    ElementStatusData d = ElementStatusData.parse(ElementStatusSamples.storageWithVolumeTags().prefix(8 + 8 + 52 + 46));
    assertThat(addresses(d)).containsExactly(0x1000, 0x1001);
    assertThat(d.elements().get(1).primaryVolumeTag()).contains(VolumeTag.of("ABC124L5"));
    assertThat(d.warnings().get(1).message()).contains("kept without its volume sequence number");
  }

  // --- descriptor length 0 (or below the 12 bytes every descriptor has)

  @Test
  void aPageWithDescriptorLengthZeroIsSkippedAndTheOtherPagesKept() throws MalformedResponseException {
    // the all-types sample: MT page at 8, IE page at 68, DT page at 128, ST page at 188
    ElementStatusData d = ElementStatusData.parse(patch(ElementStatusSamples.allTypesWithVolumeTags(), 130, 0, 0));
    assertThat(addresses(d)).containsExactly(0x0001, 0x0010, 0x1000, 0x1001, 0x1002);
    assertThat(d.pages()).extracting(p -> p.elements().size()).containsExactly(1, 1, 0, 3);
    assertThat(d.warnings()).singleElement().satisfies(w -> {
      assertThat(w.offset()).isEqualTo(130);
      assertThat(w.message()).contains("descriptor length 0", "52 bytes of data transfer descriptors skipped");
    });
  }

  @Test
  void aSinglePageWithDescriptorLengthZeroLeavesNoElements() throws MalformedResponseException {
    ElementStatusData d = ElementStatusData.parse(patch(ElementStatusSamples.storageWithVolumeTags(), 10, 0, 0));
    assertThat(d.elements()).isEmpty();
    assertThat(d.warnings()).extracting(ParseWarning::offset).containsExactly(10);
    assertThat(d.isComplete()).isFalse();
    assertThat(d.nextStartingAddress()).as("nothing to page on from").isEmpty();
  }

  // --- extra bytes per descriptor

  @Test
  void vendorBytesAfterEachDescriptorAreIgnoredWithOneWarningForThePage() throws MalformedResponseException {
    List<ElementStatus> slots = List.of(
        new StorageElement(ElementState.holding(a(0x1000), "ABC123L5"), true),
        new StorageElement(ElementState.empty(a(0x1001)), true),
        new StorageElement(ElementState.holding(a(0x1002), "ABC125L5"), true));
    ElementStatusData built = ElementStatusData.of(new ElementStatusPage(ElementType.STORAGE, true, false, 60, 180, slots));
    Bytes withZeros = built.encode();
    assertThat(ElementStatusData.parse(withZeros)).isEqualTo(built);
    byte[] b = withZeros.toByteArray();
    for (int i = 0; i < 3; i++) {
      for (int j = 52; j < 60; j++) {
        b[16 + 60 * i + j] = (byte) 0xEE;
      }
    }
    ElementStatusData d = ElementStatusData.parse(Bytes.of(b));
    assertThat(d.elements()).isEqualTo(slots);
    assertThat(d.warnings()).singleElement().satisfies(w -> {
      assertThat(w.offset()).isEqualTo(16 + 52);
      assertThat(w.message()).contains("3 storage descriptor(s) carry non-zero bytes");
      assertThat(w.raw()).isEqualTo(Bytes.fromHex("EE EE EE EE EE EE EE EE"));
    });
  }

  // --- volume tag flags set without tag bytes

  /**
   * mhVTL issue 173: with its serial-only DVCID personality mhVTL sets AVolTag on the data transfer page
   * but sends no alternate volume tag. The flag is ignored, the serial number read where it is.
   */
  @Test
  void anAlternateVolumeTagFlagWithoutTheTagIsIgnoredAndTheIdentifierStillRead() throws MalformedResponseException {
    List<ElementStatus> drives = List.of(
        DataTransferElement.of(ElementState.empty(a(0x01F4)).withIdentification(DeviceIdentifier.serialOnly("XYZZY_B1"))),
        DataTransferElement.of(ElementState.empty(a(0x01F5)).withIdentification(DeviceIdentifier.serialOnly("XYZZY_B2"))));
    Bytes honest = ElementStatusData.of(ElementStatusPage.of(ElementType.DATA_TRANSFER, false, false, drives)).encode();
    ElementStatusData d = ElementStatusData.parse(patch(honest, 9, 0x40)); // page byte 1: AVolTag
    assertThat(d.elements(DataTransferElement.class)).extracting(DataTransferElement::serial)
        .containsExactly(Optional.of("XYZZY_B1"), Optional.of("XYZZY_B2"));
    assertThat(d.elements()).allSatisfy(e -> assertThat(e.state().alternateVolumeTag()).isEmpty());
    assertThat(d.warnings()).singleElement().satisfies(w -> {
      assertThat(w.offset()).isEqualTo(9);
      assertThat(w.message()).contains("sets AVolTag", "descriptor length 24", "no room");
    });
  }

  @Test
  void aPrimaryVolumeTagFlagOnSixteenByteDescriptorsKeepsTheElementsWithoutTags() throws MalformedResponseException {
    List<ElementStatus> slots = List.of(new StorageElement(ElementState.empty(a(0x1000)).withFull(true), true),
        new StorageElement(ElementState.empty(a(0x1001)), true));
    Bytes honest = ElementStatusData.of(ElementStatusPage.of(ElementType.STORAGE, false, false, slots)).encode();
    ElementStatusData d = ElementStatusData.parse(patch(honest, 9, 0x80));
    assertThat(d.elements()).isEqualTo(slots);
    assertThat(d.pages().get(0).primaryVolumeTags()).isTrue();
    assertThat(d.warnings()).singleElement().extracting(ParseWarning::message).asString()
        .contains("sets PVolTag", "descriptor length 16");
  }

  // --- other inconsistencies

  @Test
  void aPageOfAReservedElementTypeIsSkippedWithItsBytesInTheWarning() throws MalformedResponseException {
    Bytes sample = ElementStatusSamples.allTypesWithVolumeTags();
    ElementStatusData d = ElementStatusData.parse(patch(sample, 68, 0x07)); // the IE page's type code
    assertThat(addresses(d)).containsExactly(0x0001, 0x0100, 0x1000, 0x1001, 0x1002);
    assertThat(d.warnings()).extracting(ParseWarning::offset).contains(68);
    ParseWarning skipped = d.warnings().stream().filter(w -> w.offset() == 68).findFirst().orElseThrow();
    assertThat(skipped.message()).contains("element type code 07h skipped (60 bytes)");
    assertThat(skipped.raw()).isEqualTo(patch(sample, 68, 0x07).slice(68, 128));
  }

  @Test
  void aHeaderThatCountsMoreElementsThanThePagesHoldIsReported() throws MalformedResponseException {
    ElementStatusData d = ElementStatusData.parse(patch(ElementStatusSamples.storageWithVolumeTags(), 3, 7));
    assertThat(d.elements()).hasSize(6);
    assertThat(d.warnings()).singleElement().extracting(ParseWarning::message).asString()
        .contains("7 element(s) available", "pages hold 6");
    assertThat(d.isComplete()).isFalse();
  }

  /** tgt reports a wrong first element address when a type has a single element (REFERENCE §4). */
  @Test
  void aFirstElementAddressThatIsNotTheLowestReportedIsReported() throws MalformedResponseException {
    ElementStatusData d = ElementStatusData.parse(patch(ElementStatusSamples.allTypesWithVolumeTags(), 0, 0x00, 0x05));
    assertThat(d.elements()).hasSize(6);
    assertThat(d.firstElementAddressReported()).isEqualTo(a(0x0005));
    assertThat(d.warnings()).singleElement().satisfies(w -> {
      assertThat(w.offset()).isZero();
      assertThat(w.message()).contains("0005h", "0001h");
    });
  }

  @Test
  void anIdentifierLongerThanItsDescriptorIsIgnoredAndTheElementKept() throws MalformedResponseException {
    ElementStatusData d = ElementStatusData.parse(patch(ElementStatusSamples.drivesWithDvcid(), 16 + 15, 0x40));
    assertThat(d.elements(DataTransferElement.class)).extracting(DataTransferElement::serial)
        .containsExactly(Optional.empty(), Optional.of("1013000456"));
    assertThat(d.elements().get(0).full()).isTrue();
    assertThat(d.warnings()).singleElement().satisfies(w -> {
      assertThat(w.offset()).isEqualTo(16 + 12);
      assertThat(w.message()).contains("1 data transfer descriptor(s)", "longer than the element descriptor");
    });
  }

  @Test
  void aPageThatAnnouncesMoreDescriptorBytesThanArriveKeepsTheWholeOnes() throws MalformedResponseException {
    // page byte count 312 -> 400 while the header's count stays right: the data simply ends
    ElementStatusData d = ElementStatusData.parse(patch(ElementStatusSamples.storageWithVolumeTags(), 14, 0x01, 0x90));
    assertThat(d.elements()).hasSize(6);
    assertThat(d.warnings()).singleElement().extracting(ParseWarning::message).asString()
        .contains("announces 400 bytes", "312 are there");
  }

  /**
   * Regression: the random totality test found that an identification header whose only set bit is
   * the reserved byte 1 bit 6 was taken for an identifier with every field zero, which encoded back as
   * four zero bytes and so parsed differently the second time. Reserved bits do not make an identifier.
   */
  @Test
  void anIdentificationHeaderWithOnlyAReservedBitSetIsNoIdentifier() throws MalformedResponseException {
    // the storage sample's 0x1003 descriptor starts at 172; its identification header at 172 + 48
    ElementStatusData d = ElementStatusData.parse(patch(ElementStatusSamples.storageWithVolumeTags(), 172 + 49, 0x40));
    assertThat(d.element(a(0x1003)).flatMap(ElementStatus::identification)).isEmpty();
    assertThat(d.warnings()).isEmpty();
  }

  @Test
  void warningsReadLikeALogLine() {
    assertThat(new ParseWarning(130, "something odd", Bytes.of(0, 0))).hasToString("at byte 130: something odd [00 00]");
    assertThat(new ParseWarning(1, "x", Bytes.zeros(500)).raw().size()).isEqualTo(ParseWarning.MAX_RAW);
  }
}
