package org.vaultline.device.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.scsi.DeviceType;
import org.vaultline.scsi.bytes.Bytes;

class SysfsDiscoveryTest {
  @TempDir
  Path root;

  @Test
  void everySgNodeIsListedInNumberOrderWithItsInquiryStrings() throws Exception {
    FakeSysfs.build("ts3100-two-drives.sysfs", root);

    List<ScsiGenericDevice> devices = new SysfsDiscovery(root).scan();

    assertThat(devices).extracting(ScsiGenericDevice::name).containsExactly("sg0", "sg1", "sg2", "sg10");
    assertThat(devices).extracting(ScsiGenericDevice::hctl)
        .containsExactly("2:0:0:0", "2:0:0:1", "3:0:0:0", "0:0:0:0");
    assertThat(devices).extracting(ScsiGenericDevice::type).containsExactly(DeviceType.SEQUENTIAL_ACCESS,
        DeviceType.MEDIUM_CHANGER, DeviceType.SEQUENTIAL_ACCESS, DeviceType.DIRECT_ACCESS);
    ScsiGenericDevice drive = devices.get(0);
    assertThat(drive.vendor()).isEqualTo("IBM");
    assertThat(drive.model()).isEqualTo("ULT3580-TD5");
    assertThat(drive.revision()).isEqualTo("C7RC");
    assertThat(drive.node()).isEqualTo(root.resolve("dev/sg0"));
    assertThat(drive.vpd80()).isEqualTo(Bytes.fromHex("01 80 00 0a 31 30 31 33 30 30 30 36 35 35"));
    assertThat(drive.vpd83().size()).isEqualTo(54);
    assertThat(devices.get(2).vpd80()).isEqualTo(Bytes.EMPTY);
  }

  @Test
  void tapeNodesComeFromTheDeviceDirectoryOrFromTheTapeClass() throws Exception {
    FakeSysfs.build("ts3100-two-drives.sysfs", root);

    List<ScsiGenericDevice> devices = new SysfsDiscovery(root).scan();

    assertThat(devices.get(0).tape()).contains(root.resolve("dev/nst0"));
    assertThat(devices.get(0).rewindingTape()).contains(root.resolve("dev/st0"));
    assertThat(devices.get(2).tape()).as("from sys/class/scsi_tape/nst1/device").contains(root.resolve("dev/nst1"));
    assertThat(devices.get(2).rewindingTape()).contains(root.resolve("dev/st1"));
    assertThat(devices.get(1).changer()).contains(root.resolve("dev/sch0"));
    assertThat(devices.get(1).tape()).isEmpty();
    assertThat(devices.get(3).tape()).isEmpty();
    assertThat(devices.get(3).changer()).isEmpty();
  }

  @Test
  void theChangerIsALunOfItsFirstDrivesTarget() throws Exception {
    FakeSysfs.build("ts3100-two-drives.sysfs", root);

    SysfsDiscovery discovery = new SysfsDiscovery(root);

    assertThat(discovery.changers()).hasSize(1);
    assertThat(discovery.changers().get(0).target()).isEqualTo(discovery.tapeDrives().get(0).target());
    assertThat(discovery.tapeDrives()).extracting(ScsiGenericDevice::name).containsExactly("sg0", "sg2");
  }

  @Test
  void olderKernelsClassLinksInTheDeviceDirectoryAreFollowed() throws Exception {
    FakeSysfs.build("legacy-layout.sysfs", root);

    List<ScsiGenericDevice> devices = new SysfsDiscovery(root).scan();

    assertThat(devices).extracting(ScsiGenericDevice::name).containsExactly("sg3", "sg4", "sg5");
    assertThat(devices.get(0).changer()).contains(root.resolve("dev/sch1"));
    assertThat(devices.get(1).tape()).contains(root.resolve("dev/nst3"));
    assertThat(devices.get(1).rewindingTape()).contains(root.resolve("dev/st3"));
  }

  @Test
  void aDeviceDirectoryWithoutLinksOrVendorGivesEmptyFields() throws Exception {
    FakeSysfs.build("legacy-layout.sysfs", root);

    ScsiGenericDevice plain = new SysfsDiscovery(root).scan().get(2);

    assertThat(plain.hctl()).isEmpty();
    assertThat(plain.vendor()).isEmpty();
    assertThat(plain.revision()).isEmpty();
    assertThat(plain.model()).isEqualTo("Plain dir");
    assertThat(plain.identity()).isEqualTo(DeviceIdentity.NONE);
  }

  @Test
  void aTruncatedVpdPageIsSetAsideWithTheReasonAndTheSerialStillCounts() throws Exception {
    FakeSysfs.build("legacy-layout.sysfs", root);

    DeviceIdentity id = new SysfsDiscovery(root).scan().get(1).identity();

    assertThat(id.unitSerial()).contains("HU48377702");
    assertThat(id.designators()).isEmpty();
    assertThat(id.problems()).singleElement().asString().startsWith("VPD 83h: malformed response at byte");
    assertThat(id.serialNumbers()).containsExactly("HU48377702");
  }

  @Test
  void anUnreadableTypeIsMinusOneAndUnknown() throws Exception {
    Path dev = root.resolve("sys/class/scsi_generic/sg0/device");
    Files.createDirectories(dev);
    Files.writeString(dev.resolve("type"), "garbage\n");

    ScsiGenericDevice d = new SysfsDiscovery(root).scan().get(0);

    assertThat(d.peripheralType()).isEqualTo(-1);
    assertThat(d.type()).isEqualTo(DeviceType.UNKNOWN);
    assertThat(d.tape()).isEqualTo(Optional.empty());
  }

  @Test
  void aSystemWithoutTheSgDriverHasNoDevices() throws Exception {
    assertThat(new SysfsDiscovery(root).scan()).isEmpty();
    Files.createDirectories(root.resolve("sys/class/scsi_generic/sg0")); // no device link yet
    assertThat(new SysfsDiscovery(root).scan()).isEmpty();
  }

  @Test
  void theDefaultRootIsTheRealOne() throws Exception {
    // Runs on any machine: lists whatever /sys shows (nothing here) without failing.
    assertThat(new SysfsDiscovery().scan()).allSatisfy(d -> assertThat(d.node().toString()).startsWith("/dev/sg"));
  }
}
