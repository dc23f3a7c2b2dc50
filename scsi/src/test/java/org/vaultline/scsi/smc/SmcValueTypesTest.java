package org.vaultline.scsi.smc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vaultline.scsi.Inhex;
import org.vaultline.scsi.bytes.Bytes;

/** ElementAddress, ElementType, VolumeTag and DeviceIdentifier. */
class SmcValueTypesTest {

  @Test
  void elementAddressesPrintInHexAsLibraryManualsWriteThem() {
    assertThat(ElementAddress.of(0x1000)).hasToString("0x1000");
    assertThat(ElementAddress.of(1)).hasToString("0x0001");
    assertThat(ElementAddress.of(0x03E8).plus(39)).isEqualTo(ElementAddress.of(0x040F));
    assertThat(ElementAddress.of(0x0100)).isLessThan(ElementAddress.of(0x1000));
  }

  @Test
  void elementAddressesAreSixteenBits() {
    assertThatThrownBy(() -> ElementAddress.of(0x10000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ElementAddress.of(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ElementAddress.of(0xFFFF).plus(1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void elementTypeCodesAreSmc3sAndReservedCodesHaveNoType() {
    assertThat(ElementType.fromCode(0)).contains(ElementType.ALL);
    assertThat(ElementType.fromCode(1)).contains(ElementType.MEDIUM_TRANSPORT);
    assertThat(ElementType.fromCode(2)).contains(ElementType.STORAGE);
    assertThat(ElementType.fromCode(3)).contains(ElementType.IMPORT_EXPORT);
    assertThat(ElementType.fromCode(4)).contains(ElementType.DATA_TRANSFER);
    assertThat(ElementType.fromCode(5)).isEmpty();
  }

  @Test
  void anEightCharacterLtoBarcodeGivesTsmItsSixCharacterVolser() {
    VolumeTag tag = VolumeTag.of("ABC123L6");
    assertThat(tag.volser()).isEqualTo("ABC123");
    assertThat(tag.mediaIdentifier()).contains("L6");
    assertThat(tag.isCleaningCartridge()).isFalse();
    assertThat(tag).hasToString("ABC123L6");
  }

  @Test
  void aSixCharacterVolserIsItsOwnVolser() {
    VolumeTag tag = VolumeTag.of("ABC123");
    assertThat(tag.volser()).isEqualTo("ABC123");
    assertThat(tag.mediaIdentifier()).isEmpty();
  }

  @Test
  void cleaningCartridgesAreKnownByTheirClnPrefix() {
    assertThat(VolumeTag.of("CLN001L1").isCleaningCartridge()).isTrue();
    assertThat(VolumeTag.of("CLN001L1").volser()).isEqualTo("CLN001");
  }

  @Test
  void trailingSpacesAndNulsAreNotPartOfTheIdentifier() {
    assertThat(VolumeTag.of("ABC123L6   \0")).isEqualTo(VolumeTag.of("ABC123L6"));
    assertThat(new VolumeTag("X", 2)).hasToString("X#2");
  }

  @Test
  void aVolumeTagNeedsOneToThirtyTwoCharacters() {
    assertThatThrownBy(() -> VolumeTag.of("   ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VolumeTag.of("A".repeat(33))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new VolumeTag("A", 0x10000)).isInstanceOf(IllegalArgumentException.class);
    assertThat(VolumeTag.of("A".repeat(32)).volumeIdentifier()).hasSize(32);
  }

  @Test
  void aT10VendorIdGivesVendorProductAndSerialNumber() {
    DeviceIdentifier id = DeviceIdentifier.t10VendorId("IBM", "ULTRIUM-TD5", "1013000123");
    assertThat(id.identifier()).isEqualTo(Bytes.ascii("IBM     ULTRIUM-TD5     1013000123"));
    assertThat(id.vendor()).contains("IBM");
    assertThat(id.product()).contains("ULTRIUM-TD5");
    assertThat(id.serial()).contains("1013000123");
    assertThat(id.length()).isEqualTo(38);
    assertThat(id).hasToString("T10 vendor ID \"IBM     ULTRIUM-TD5     1013000123\"");
  }

  /** The identifier in the IBM ULTRIUM-TD3's VPD page 83h is the form libraries send with DVCID. */
  @Test
  void theIbmUltriumTd3DesignatorFromVpd83ReadsAsTheSameSerial() {
    Bytes vpd = Inhex.resource("vectors/06_ibm_ultrium-td3_vpd83_devid.hex");
    // designation descriptor at byte 4: code set, type, reserved, length, identifier
    DeviceIdentifier id = new DeviceIdentifier(vpd.get(4) >> 4, vpd.get(4) & 0x0F, false, vpd.get(5) >> 4 & 3,
        vpd.get(5) & 0x0F, vpd.slice(8, 8 + vpd.get(7)));
    assertThat(id.serial()).contains("1210173183");
    assertThat(id.product()).contains("ULTRIUM-TD3");
  }

  @Test
  void aSerialOnlyIdentifierIsTheSerial() {
    assertThat(DeviceIdentifier.serialOnly("XYZZY_B1  ").serial()).contains("XYZZY_B1");
  }

  @Test
  void aBinaryIdentifierHasNoSerialAndPrintsInHex() {
    DeviceIdentifier naa = new DeviceIdentifier(0, DeviceIdentifier.CODE_SET_BINARY, false, 0, 3,
        Bytes.fromHex("50 05 07 63"));
    assertThat(naa.serial()).isEmpty();
    assertThat(naa.text()).isEmpty();
    assertThat(naa.vendor()).isEmpty();
    assertThat(naa).hasToString("identifier type 3 50 05 07 63");
  }

  @Test
  void aT10VendorIdWithoutASerialHasNone() {
    DeviceIdentifier id = new DeviceIdentifier(0, 2, false, 0, 1, Bytes.ascii("IBM     ULTRIUM-TD5     "));
    assertThat(id.serial()).isEmpty();
    assertThat(id.product()).contains("ULTRIUM-TD5");
  }
}
