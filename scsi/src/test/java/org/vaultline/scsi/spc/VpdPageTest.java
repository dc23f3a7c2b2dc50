package org.vaultline.scsi.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.DeviceType;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

class VpdPageTest {

  @Test
  void ibmUltriumTd3DeviceIdentificationGivesVendorProductAndSerial() throws MalformedResponseException {
    DeviceIdentification page = Inquiry.deviceIdentification(0x2a).parse(SpcSamples.vpd83Vector());
    assertThat(page.deviceType()).isEqualTo(DeviceType.SEQUENTIAL_ACCESS);
    assertThat(page.peripheralQualifier()).isZero();
    assertThat(page.designators()).hasSize(1);
    Designator d = page.designators().get(0);
    assertThat(d.codeSet()).isEqualTo(CodeSet.ASCII);
    assertThat(d.type()).isEqualTo(1);
    assertThat(d.association()).isEqualTo(Association.LOGICAL_UNIT);
    assertThat(d.piv()).isFalse();
    assertThat(d.protocol()).isEmpty();
    DesignatorValue.T10VendorId id = (DesignatorValue.T10VendorId) d.value();
    assertThat(id.vendorId()).isEqualTo("IBM     ");
    assertThat(id.vendor()).isEqualTo("IBM");
    assertThat(id.product()).isEqualTo("ULTRIUM-TD3");
    assertThat(id.serialNumber()).isEqualTo("1210173183");
    assertThat(page.first(DesignatorValue.T10VendorId.class)).contains(id);
  }

  @Test
  void vectorEncodesBackToTheSameBytes() throws MalformedResponseException {
    Bytes vector = SpcSamples.vpd83Vector();
    assertThat(DeviceIdentification.parse(vector).encode()).isEqualTo(vector);
  }

  @Test
  void everyDesignatorTypeSurvivesEncodeAndParse() throws MalformedResponseException {
    DeviceIdentification page = SpcSamples.fullDeviceIdentification();
    DeviceIdentification back = DeviceIdentification.parse(page.encode());
    assertThat(back).isEqualTo(page);
    assertThat(back.designators()).extracting(Designator::type)
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0xA, 0xB, 3);
  }

  @Test
  void naaDesignatorBytesAreLaidOutAsTheStandardSays() throws MalformedResponseException {
    // code set 1 binary, PIV 0, association LU, type 3 NAA, length 8; NAA 5h (IEEE registered)
    Bytes page = Bytes.fromHex("08 83 00 0c 01 03 00 08 50 05 07 63 00 0a 1b 2c");
    DeviceIdentification id = DeviceIdentification.parse(page);
    DesignatorValue.Naa naa = id.first(DesignatorValue.Naa.class).orElseThrow();
    assertThat(naa.naaType()).isEqualTo(5);
    assertThat(naa.identifier()).isEqualTo(Bytes.fromHex("50 05 07 63 00 0a 1b 2c"));
    assertThat(id.encode()).isEqualTo(page);
  }

  @Test
  void portDesignatorsCarryProtocolWhenPivIsSet() throws MalformedResponseException {
    // 61h: protocol SAS, code set binary; 94h: PIV, association target port, type 4 relative target port
    Bytes page = Bytes.fromHex("08 83 00 08 61 94 00 04 00 00 00 02");
    Designator d = DeviceIdentification.parse(page).designators().get(0);
    assertThat(d.protocol()).contains(ProtocolIdentifier.SAS);
    assertThat(d.association()).isEqualTo(Association.TARGET_PORT);
    assertThat(d.value()).isEqualTo(new DesignatorValue.RelativeTargetPort(2));
    assertThat(d.encode()).isEqualTo(page.slice(4, 12));
    assertThat(d.protocolIdentifier().toString()).isEqualTo("SAS");
  }

  @Test
  void protocolIsIgnoredForLogicalUnitDesignatorsEvenWithPiv() {
    Designator d = new Designator(ProtocolIdentifier.ISCSI, CodeSet.BINARY, true, Association.LOGICAL_UNIT,
        new DesignatorValue.LogicalUnitGroup(1));
    assertThat(d.protocol()).isEmpty();
  }

  @Test
  void uuidDesignatorIsEighteenBytesWithTypeInTheHighNibble() throws MalformedResponseException {
    UUID uuid = UUID.fromString("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    Bytes encoded = DesignatorValue.Uuid.locallyAssigned(uuid).encode();
    assertThat(encoded).isEqualTo(Bytes.fromHex("10 00 0f 1e 2d 3c 4b 5a 69 78 87 96 a5 b4 c3 d2 e1 f0"));
    assertThat(DesignatorValue.decode(0xA, encoded)).isEqualTo(new DesignatorValue.Uuid(1, uuid));
  }

  @Test
  void scsiNameStringIsNullTerminatedAndPaddedToFourBytes() {
    DesignatorValue.ScsiNameString name = DesignatorValue.ScsiNameString.of("naa.5005");
    assertThat(name.encode()).isEqualTo(Bytes.ascii("naa.5005").concat(Bytes.zeros(4)));
    assertThat(DesignatorValue.decode(8, name.encode())).isEqualTo(name);
    // a device that leaves out the terminator is kept as sent, still typed
    assertThat(DesignatorValue.decode(8, Bytes.ascii("eui.0011")))
        .isEqualTo(new DesignatorValue.ScsiNameString("eui.0011", 8));
  }

  @Test
  void designatorsThatDoNotFitTheirTypeAreKeptRaw() {
    // NAA of 2 bytes, relative target port with reserved bytes set, MD5 of 15 bytes, UUID with byte 1 set,
    // SCSI name with junk after the terminator, SCSI name that is not UTF-8, T10 vendor ID of 7 bytes
    List<Object[]> misfits = List.of(
        new Object[] {3, Bytes.of(0x50, 1)},
        new Object[] {4, Bytes.of(1, 0, 0, 2)},
        new Object[] {7, Bytes.zeros(15)},
        new Object[] {0xA, Bytes.of(0x10, 1).concat(Bytes.zeros(16))},
        new Object[] {8, Bytes.of('a', 0, 'b', 0)},
        new Object[] {8, Bytes.of(0xC3, 0x28, 0, 0)},
        new Object[] {1, Bytes.ascii("IBM    ")});
    for (Object[] m : misfits) {
      int type = (Integer) m[0];
      Bytes value = (Bytes) m[1];
      assertThat(DesignatorValue.decode(type, value)).as("type %d %s", type, value)
          .isEqualTo(new DesignatorValue.Raw(type, value));
    }
  }

  @Test
  void reservedDesignatorTypesAreKeptRaw() {
    assertThat(DesignatorValue.decode(0xF, Bytes.of(1, 2, 3))).isEqualTo(new DesignatorValue.Raw(0xF, Bytes.of(1, 2, 3)));
  }

  @Test
  void designatorRunningPastThePageIsMalformed() {
    // designator length 9 where only 8 bytes remain in the page
    assertThatThrownBy(() -> DeviceIdentification.parse(Bytes.fromHex("08 83 00 0c 01 03 00 09 50 05 07 63 00 0a 1b 2c")))
        .isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void pageCutShortByTheAllocationLengthSaysSo() {
    assertThatThrownBy(() -> DeviceIdentification.parse(SpcSamples.vpd83Vector().prefix(30)))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("allocation length");
  }

  @Test
  void askingForOnePageAndGettingAnotherIsMalformed() {
    assertThatThrownBy(() -> Inquiry.unitSerialNumber(255).parse(SpcSamples.vpd83Vector()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("80h");
    assertThatThrownBy(() -> new Inquiry.OtherVpd(0xB0, 255).parse(Bytes.fromHex("01 b1 00 00")))
        .isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void supportedVpdPagesListsPageCodes() throws MalformedResponseException {
    Bytes page = Bytes.fromHex("08 00 00 03 00 80 83");
    SupportedVpdPages p = Inquiry.supportedVpdPages(255).parse(page);
    assertThat(p.deviceType()).isEqualTo(DeviceType.MEDIUM_CHANGER);
    assertThat(p.pageCodes()).containsExactly(0x00, 0x80, 0x83);
    assertThat(p.supports(0x83)).isTrue();
    assertThat(p.supports(0xB0)).isFalse();
    assertThat(p.encode()).isEqualTo(page);
  }

  @Test
  void unitSerialNumberKeepsPaddingAndTrimsOnRequest() throws MalformedResponseException {
    Bytes page = Bytes.fromHex("01 80 00 0c 20 20 31 32 31 30 31 37 33 31 38 33");
    UnitSerialNumber sn = Inquiry.unitSerialNumber(255).parse(page);
    assertThat(sn.serialNumber()).isEqualTo("  1210173183");
    assertThat(sn.trimmedSerialNumber()).isEqualTo("1210173183");
    assertThat(sn.encode()).isEqualTo(page);
  }

  @Test
  void otherPagesAreKeptRawAndParseDispatchesByPageCode() throws MalformedResponseException {
    Bytes b0 = Bytes.fromHex("01 b0 00 02 12 34");
    assertThat(VpdPage.parse(b0)).isEqualTo(new RawVpdPage(0, 1, 0xB0, Bytes.of(0x12, 0x34)));
    assertThat(new Inquiry.OtherVpd(0xB0, 255).parse(b0).encode()).isEqualTo(b0);
    assertThat(VpdPage.parse(SpcSamples.vpd83Vector())).isInstanceOf(DeviceIdentification.class);
    assertThat(VpdPage.parse(Bytes.fromHex("01 80 00 01 41"))).isInstanceOf(UnitSerialNumber.class);
    assertThat(VpdPage.parse(Bytes.fromHex("01 00 00 00"))).isInstanceOf(SupportedVpdPages.class);
  }

  @Test
  void bytesAfterThePageLengthAreIgnored() throws MalformedResponseException {
    Bytes padded = SpcSamples.vpd83Vector().concat(Bytes.zeros(10));
    assertThat(DeviceIdentification.parse(padded)).isEqualTo(DeviceIdentification.parse(SpcSamples.vpd83Vector()));
  }
}
