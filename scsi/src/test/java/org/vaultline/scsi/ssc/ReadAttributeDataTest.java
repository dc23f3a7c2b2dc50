package org.vaultline.scsi.ssc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/** READ ATTRIBUTE (8Ch) parameter data: attribute values, identifier lists, volume and partition lists. */
class ReadAttributeDataTest {

  /** What an LTO drive returns for the remaining capacity, the serial number and the barcode. */
  static final Bytes LTO_VALUES = Bytes.fromHex(
      "00 00 00 57"                                            // AVAILABLE DATA 87 = 13 + 37 + 37
      + " 00 00 80 00 08 00 00 00 00 00 2D C6 C0"               // 0000h RO binary 8: 3,000,000 MiB
      + " 04 01 81 00 20 31 30 57 54 30 31 32 33 34 35 20 20"   // 0401h RO ascii 32: "10WT012345"
      + " 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20"
      + " 08 06 01 00 20 41 42 43 31 32 33 4C 36 20 20 20 20"   // 0806h rw ascii 32: "ABC123L6"
      + " 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20");

  @Test
  void barcodeAndMediumSerialNumberComeWithoutTheirPadding() throws Exception {
    AttributeValues values = (AttributeValues) ReadAttribute.values(0, 1024).parse(LTO_VALUES);
    assertThat(values.availableData()).isEqualTo(87);
    assertThat(values.attributes()).hasSize(3);
    assertThat(values.truncated()).isFalse();
    assertThat(values.barcode()).contains("ABC123L6");
    assertThat(values.mediumSerialNumber()).contains("10WT012345");
  }

  @Test
  void otherAttributesStayRawWithTheirFlagsAndFormat() throws Exception {
    AttributeValues values = AttributeValues.parse(LTO_VALUES);
    MamAttribute remaining = values.attribute(0x0000).orElseThrow();
    assertThat(remaining.readOnly()).isTrue();
    assertThat(remaining.format()).isEqualTo(AttributeFormat.BINARY);
    assertThat(remaining.value()).isEqualTo(Bytes.fromHex("00 00 00 00 00 2D C6 C0"));
    assertThat(remaining.number()).isEqualTo(OptionalLong.of(3_000_000));
    MamAttribute barcode = values.attribute(MamAttribute.BARCODE).orElseThrow();
    assertThat(barcode.readOnly()).isFalse();
    assertThat(barcode.format()).isEqualTo(AttributeFormat.ASCII);
    assertThat(barcode.value().size()).isEqualTo(32);
  }

  @Test
  void encodeReproducesTheDriveBytes() throws Exception {
    assertThat(AttributeValues.parse(LTO_VALUES).encode()).isEqualTo(LTO_VALUES);
  }

  @Test
  void builtValuesRoundTripThroughEncodeAndParse() throws Exception {
    AttributeValues values = AttributeValues.of(List.of(
        MamAttribute.binary(0x0003, true, 42, 8),
        MamAttribute.ascii(MamAttribute.MEDIUM_SERIAL_NUMBER, true, "SN1", 32),
        new MamAttribute(0x0803, false, AttributeFormat.TEXT, Bytes.ascii("Backup Montag")),
        new MamAttribute(0x1234, false, AttributeFormat.RESERVED, Bytes.EMPTY),
        MamAttribute.ascii(MamAttribute.BARCODE, false, "XYZ001L8", 32)));
    AttributeValues back = AttributeValues.parse(values.encode());
    assertThat(back).isEqualTo(values);
    assertThat(back.barcode()).contains("XYZ001L8");
    assertThat(back.attribute(0x0803).orElseThrow().text()).isEqualTo("Backup Montag");
  }

  @Test
  void aBlankBarcodeIsNoBarcode() {
    AttributeValues values = AttributeValues.of(List.of(MamAttribute.ascii(MamAttribute.BARCODE, false, "", 32)));
    assertThat(values.barcode()).isEmpty();
    assertThat(values.mediumSerialNumber()).isEmpty();
  }

  @Test
  void dataCutByTheAllocationLengthKeepsTheWholeAttributesAndSaysItIsTruncated() throws Exception {
    AttributeValues values = AttributeValues.parse(LTO_VALUES.prefix(40));
    assertThat(values.availableData()).isEqualTo(87);
    assertThat(values.attributes()).extracting(MamAttribute::id).containsExactly(0x0000);
    assertThat(values.truncated()).isTrue();
    assertThat(values.barcode()).isEmpty();
  }

  @Test
  void anAttributeLongerThanTheAvailableDataIsMalformed() {
    // AVAILABLE DATA 6, but the attribute says 2 value bytes (needs 7); all 10 bytes were sent
    Bytes data = Bytes.fromHex("00 00 00 06 08 06 01 00 02 41");
    assertThatThrownBy(() -> AttributeValues.parse(data))
        .isInstanceOf(MalformedResponseException.class)
        .extracting(e -> ((MalformedResponseException) e).offset()).isEqualTo(4);
  }

  @Test
  void bytesBeyondTheAvailableDataAreIgnored() throws Exception {
    Bytes data = Bytes.fromHex("00 00 00 06 08 06 01 00 01 41 FF FF FF");
    assertThat(AttributeValues.parse(data).attributes()).hasSize(1);
  }

  @Test
  void anAttributeListIsReadAsIdentifiers() throws Exception {
    Bytes data = Bytes.fromHex("00 00 00 06 00 00 04 01 08 06");
    AttributeIdentifiers ids = (AttributeIdentifiers) ReadAttribute.list(0, 100).parse(data);
    assertThat(ids.identifiers()).containsExactly(0x0000, 0x0401, 0x0806);
    assertThat(ids.truncated()).isFalse();
    assertThat(ids.encode()).isEqualTo(data);
    assertThat(AttributeIdentifiers.parse(data.prefix(8)).identifiers()).containsExactly(0x0000, 0x0401);
    assertThat(AttributeIdentifiers.parse(data.prefix(8)).truncated()).isTrue();
  }

  @Test
  void supportedAttributesHaveTheSameShapeAsTheList() throws Exception {
    ReadAttribute supported = new ReadAttribute(AttributeServiceAction.SUPPORTED_ATTRIBUTES, 0, 0, 0, 64, false);
    assertThat(supported.parse(AttributeIdentifiers.of(List.of(1, 2)).encode()))
        .isEqualTo(AttributeIdentifiers.of(List.of(1, 2)));
  }

  @Test
  void anOddIdentifierListIsMalformed() {
    assertThatThrownBy(() -> AttributeIdentifiers.parse(Bytes.fromHex("00 00 00 03 00 01 02")))
        .isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void partitionAndVolumeListsAreFirstAndCount() throws Exception {
    ReadAttribute partitions = new ReadAttribute(AttributeServiceAction.PARTITION_LIST, 0, 0, 0, 4, false);
    AttributeData d = partitions.parse(Bytes.fromHex("00 02 00 02"));
    assertThat(d).isEqualTo(AttributeNumberRange.of(0, 2));
    assertThat(AttributeNumberRange.of(0, 1).encode()).isEqualTo(Bytes.fromHex("00 02 00 01"));
    ReadAttribute volumes = new ReadAttribute(AttributeServiceAction.LOGICAL_VOLUME_LIST, 0, 0, 0, 4, false);
    assertThat(volumes.parse(Bytes.fromHex("00 02 00 01"))).isEqualTo(AttributeNumberRange.of(0, 1));
    assertThatThrownBy(() -> AttributeNumberRange.parse(Bytes.fromHex("00 02 00")))
        .isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void binaryNumbersLongerThanEightBytesAreNotNumbers() {
    assertThat(new MamAttribute(1, false, AttributeFormat.BINARY, Bytes.zeros(9)).number()).isEmpty();
    assertThat(new MamAttribute(1, false, AttributeFormat.BINARY, Bytes.EMPTY).number()).isEmpty();
    assertThat(MamAttribute.binary(1, false, 0xFFFFFFFFFFL, 16).number()).isEmpty();
    assertThat(MamAttribute.binary(1, false, 0xFFFFFFFFFFL, 8).number()).isEqualTo(OptionalLong.of(0xFFFFFFFFFFL));
  }
}
