package org.vaultline.device.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.smc.DataTransferElement;
import org.vaultline.scsi.smc.DeviceIdentifier;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.ElementState;

class DriveMappingTest {
  private static final ElementAddress DT0 = ElementAddress.of(0x0100);
  private static final ElementAddress DT1 = ElementAddress.of(0x0101);
  private static final ElementAddress DT2 = ElementAddress.of(0x0102);

  @TempDir
  Path root;
  private List<ScsiGenericDevice> devices;

  @BeforeEach
  void scan() throws Exception {
    devices = new SysfsDiscovery(FakeSysfs.build("ts3100-two-drives.sysfs", root)).scan();
  }

  @Test
  void aChangerSharingItsFirstDrivesIdentityIsNeverTakenForThatDrive() {
    List<DriveAssignment> a = DriveMapping.map(devices,
        Map.of(DT0, DeviceIdentifier.t10VendorId("IBM", "ULT3580-TD5", "1013000655")));

    assertThat(a).singleElement().satisfies(x -> {
      assertThat(x.drive()).map(ScsiGenericDevice::name).contains("sg0");
      assertThat(x.drive().get().tape()).contains(root.resolve("dev/nst0"));
      assertThat(x.explanation()).isEqualTo(
          "the same designator in VPD 83h: T10 vendor ID \"IBM     ULT3580-TD5     1013000655\" on sg0");
    });
  }

  @Test
  void eachDataTransferElementFindsItsDriveBySerial() {
    List<DriveAssignment> a = DriveMapping.map(devices, Map.of(
        DT1, DeviceIdentifier.serialOnly("1013000777"),
        DT0, DeviceIdentifier.serialOnly("1013000655")));

    assertThat(a).extracting(DriveAssignment::element).containsExactly(DT0, DT1);
    assertThat(a.get(0).drive()).map(ScsiGenericDevice::name).contains("sg0");
    assertThat(a.get(0).explanation()).isEqualTo("VPD 80h serial '1013000655' on sg0");
    assertThat(a.get(1).drive()).map(ScsiGenericDevice::name).contains("sg2");
    assertThat(a.get(1).explanation()).isEqualTo("serial '1013000777' in VPD 83h on sg2");
    assertThat(a.get(1).toString()).startsWith("DT 0x0101 -> " + root.resolve("dev/nst1"));
  }

  @Test
  void aT10IdentifierWithAnotherProductNameStillMatchesOnTheSerial() {
    List<DriveAssignment> a = DriveMapping.map(devices,
        Map.of(DT0, DeviceIdentifier.t10VendorId("IBM", "LTO5", "1013000777")));

    assertThat(a.get(0).drive()).map(ScsiGenericDevice::name).contains("sg2");
  }

  @Test
  void aBinaryNaaIdentifierMatchesTheSameNaaDesignator() {
    DeviceIdentifier naa = new DeviceIdentifier(0, DeviceIdentifier.CODE_SET_BINARY, false, 0, 3,
        Bytes.fromHex("50 05 07 63 12 34 56 78"));

    List<DriveAssignment> a = DriveMapping.map(devices, Map.of(DT0, naa));

    assertThat(a.get(0).drive()).map(ScsiGenericDevice::name).contains("sg0");
  }

  @Test
  void anUnknownSerialIsLeftUnmatchedWithTheReason() {
    List<DriveAssignment> a = DriveMapping.map(devices, Map.of(DT2, DeviceIdentifier.serialOnly("9999999999")));

    assertThat(a.get(0).isMatched()).isFalse();
    assertThat(a.get(0).explanation()).isEqualTo("no tape device reports vendor specific \"9999999999\"");
  }

  @Test
  void twoDrivesReportingOneSerialAreNotGuessedBetween() {
    ScsiGenericDevice twin = devices.get(2).withVpd(devices.get(0).vpd80(), Bytes.EMPTY);
    List<ScsiGenericDevice> withTwin = List.of(devices.get(0), devices.get(1), twin);

    List<DriveAssignment> a = DriveMapping.map(withTwin, Map.of(DT0, DeviceIdentifier.serialOnly("1013000655")));

    assertThat(a.get(0).isMatched()).isFalse();
    assertThat(a.get(0).explanation()).endsWith("matches [sg0, sg2]: ambiguous");
  }

  @Test
  void aDriveClaimedByTwoElementsIsGivenToNeither() {
    ElementAddress dt5 = ElementAddress.of(0x0105);
    List<DriveAssignment> a = DriveMapping.map(devices, Map.of(
        DT0, DeviceIdentifier.serialOnly("1013000655"),
        dt5, DeviceIdentifier.t10VendorId("IBM", "ULT3580-TD5", "1013000655")));

    assertThat(a).noneMatch(DriveAssignment::isMatched);
    assertThat(a.get(0).explanation()).isEqualTo("sg0 is claimed by elements [0x0100, 0x0105]: ambiguous");
  }

  @Test
  void elementsOfAReadElementStatusAnswerAreMappedAndThoseWithoutIdentifierListed() {
    List<DataTransferElement> elements = List.of(
        DataTransferElement.of(ElementState.empty(DT1)),
        DataTransferElement.of(ElementState.holding(DT0, "ABC123L5")
            .withIdentification(DeviceIdentifier.t10VendorId("IBM", "ULT3580-TD5", "1013000655"))));

    List<DriveAssignment> a = DriveMapping.map(devices, elements);

    assertThat(a).extracting(DriveAssignment::element).containsExactly(DT0, DT1);
    assertThat(a.get(0).drive()).map(ScsiGenericDevice::name).contains("sg0");
    assertThat(a.get(1).identifier()).isEmpty();
    assertThat(a.get(1).explanation()).isEqualTo("the changer gave no identifier (DVCID unsupported or refused)");
  }

  @Test
  void vpdObtainedByInquiryCanStandInForMissingSysfsPages() {
    ScsiGenericDevice bare = devices.get(2).withVpd(Bytes.EMPTY, Bytes.EMPTY);
    Map<ElementAddress, DeviceIdentifier> ids = Map.of(DT1, DeviceIdentifier.serialOnly("1013000777"));
    assertThat(DriveMapping.map(List.of(bare), ids).get(0).isMatched()).isFalse();

    ScsiGenericDevice filled = bare.withVpd(Bytes.fromHex("01 80 00 0a 31 30 31 33 30 30 30 37 37 37"), Bytes.EMPTY);

    assertThat(DriveMapping.map(List.of(filled), ids).get(0).isMatched()).isTrue();
  }
}
