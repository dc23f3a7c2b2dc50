package org.vaultline.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vaultline.device.iscsi.IscsiUrl;
import org.vaultline.device.sgio.SgIo;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.spc.UnitSerialNumber;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiTransport;

class DeviceUrlTest {

  @Test
  void sgUrlNamesTheNode() {
    DeviceUrl u = DeviceUrl.parse("sg:/dev/sg3");
    assertThat(u).isEqualTo(new DeviceUrl.Sg(Path.of("/dev/sg3")));
    assertThat(u.scheme()).isEqualTo("sg");
    assertThat(u).hasToString("sg:/dev/sg3");
  }

  @Test
  void sgUrlAcceptsTheUriSpellingWithThreeSlashes() {
    assertThat(DeviceUrl.parse("sg:///dev/sg3")).isEqualTo(new DeviceUrl.Sg(Path.of("/dev/sg3")));
  }

  @Test
  void schemeIsCaseInsensitiveAndSurroundingSpaceIgnored() {
    assertThat(DeviceUrl.parse("  SG:/dev/sg0 ")).isEqualTo(new DeviceUrl.Sg(Path.of("/dev/sg0")));
  }

  @Test
  void iscsiUrlIsParsedByIscsiUrl() {
    DeviceUrl u = DeviceUrl.parse("iscsi://10.0.0.5:3261/iqn.2024-01.org.vaultline:lib/1");
    assertThat(u).isEqualTo(new DeviceUrl.Iscsi(new IscsiUrl("10.0.0.5", 3261, "iqn.2024-01.org.vaultline:lib", 1)));
    assertThat(u).hasToString("iscsi://10.0.0.5:3261/iqn.2024-01.org.vaultline:lib/1");
  }

  @Test
  void iscsiUrlWithoutPortUses3260() {
    DeviceUrl.Iscsi u = (DeviceUrl.Iscsi) DeviceUrl.parse("iscsi://lib.example/iqn.2024-01.x:y/0");
    assertThat(u.url().port()).isEqualTo(3260);
  }

  @Test
  void iscsiPasswordNeverAppearsInTextOrErrors() {
    DeviceUrl u = DeviceUrl.parse("iscsi://admin%s3cret-pw@host/iqn.2024-01.x:y/0");
    assertThat(u.toString()).doesNotContain("s3cret").contains("admin%***@");
    assertThatThrownBy(() -> DeviceUrl.parse("iscsi://admin%s3cret-pw@host/iqn.2024-01.x:y/notalun"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("s3cret").hasMessageContaining("LUN");
  }

  @Test
  void usbUrlWithVendorAndProductInHex() {
    DeviceUrl u = DeviceUrl.parse("usb:0b4d:1a2F");
    assertThat(u).isEqualTo(new DeviceUrl.Usb(0x0b4d, 0x1a2f, Optional.empty(), 0));
    assertThat(u).hasToString("usb:0b4d:1a2f");
  }

  @Test
  void usbUrlAcceptsTheLsusbAndTheHexPrefixedSpelling() {
    assertThat(DeviceUrl.parse("usb:0x0B4D:0x0001")).isEqualTo(new DeviceUrl.Usb(0x0b4d, 1, Optional.empty(), 0));
  }

  @Test
  void usbUrlWithSerialAndLun() {
    DeviceUrl u = DeviceUrl.parse("usb:0b4d:1234:HU1234567/1");
    assertThat(u).isEqualTo(new DeviceUrl.Usb(0x0b4d, 0x1234, Optional.of("HU1234567"), 1));
    assertThat(u).hasToString("usb:0b4d:1234:HU1234567/1");
    assertThat(DeviceUrl.parse(u.toString())).isEqualTo(u);
  }

  @Test
  void usbSerialMayContainAColon() {
    DeviceUrl.Usb u = (DeviceUrl.Usb) DeviceUrl.parse("usb:0b4d:1234:AB:CD");
    assertThat(u.serial()).contains("AB:CD");
  }

  @Test
  void emulatedUrlNamesAPersonalityAndDefaultsToTheChanger() {
    DeviceUrl u = DeviceUrl.parse("emulated:ibm-ts3100");
    assertThat(u).isEqualTo(new DeviceUrl.Emulated("ibm-ts3100", 0));
    assertThat(((DeviceUrl.Emulated) u).isChanger()).isTrue();
    assertThat(DeviceUrl.parse("emulated:hp-msl/2")).isEqualTo(new DeviceUrl.Emulated("hp-msl", 2));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sg:/dev/sg3", "usb:0b4d:1234", "usb:0b4d:1234:X1/3", "emulated:large",
      "emulated:stk-sl500/1", "iscsi://127.0.0.1:3260/iqn.2024-01.org.vaultline:emulator/0",
      "iscsi://[::1]:3262/iqn.2024-01.a:b/12"})
  void canonicalFormParsesBackToAnEqualUrl(String text) {
    DeviceUrl u = DeviceUrl.parse(text);
    assertThat(u.toString()).isEqualTo(text);
    assertThat(DeviceUrl.parse(u.toString())).isEqualTo(u);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "''|empty device URL",
      "'   '|empty device URL",
      "/dev/sg3|did you mean sg:/dev/sg3?",
      "sg3|no device type",
      ":foo|no device type",
      "scsi:/dev/sg3|unknown device type \"scsi:\"",
      "sg:|no device node",
      "sg:dev/sg3|absolute path",
      "iscsi://host|no /target/lun",
      "iscsi://host:notaport/iqn.x/0|port is not a number",
      "iscsi://host/iqn.x/99999|LUN out of range",
      "iscsi:/host/iqn.x/0|bad iSCSI URL",
      "usb:|expected usb:VID:PID",
      "usb:0b4d|expected usb:VID:PID",
      "usb:0b4d:|expected usb:VID:PID",
      "usb:0b4g:1234|vendor ID is 1 to 4 hex digits",
      "usb:0b4d:12345|product ID is 1 to 4 hex digits",
      "usb:0b4d:1234:|empty serial number",
      "usb:0b4d:1234:has space|printable ASCII without spaces",
      "usb:0b4d:1234/16|LUN 16 is out of range 0..15",
      "usb:0b4d:1234/x|LUN after '/' is a decimal number",
      "emulated:|no personality",
      "emulated:/1|no personality",
      "emulated:ibm ts3100|personality name has letters",
      "emulated:ibm-ts3100/|LUN after '/' is a decimal number",
      "emulated:ibm-ts3100/256|LUN 256 is out of range 0..255",
  })
  void badUrlsAreRefusedSayingWhatIsWrong(String text, String message) {
    assertThatThrownBy(() -> DeviceUrl.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void nullIsRefusedLikeEmptyText() {
    assertThatThrownBy(() -> DeviceUrl.parse(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(DeviceUrl.FORMS);
  }

  @Test
  void unknownSchemeErrorListsTheFormsAndHidesAPassword() {
    assertThatThrownBy(() -> DeviceUrl.parse("iscsix://u%pw-secret@h/iqn/0"))
        .hasMessageContaining(DeviceUrl.FORMS).hasMessageNotContaining("pw-secret");
  }

  @Test
  void sgOpenSaysWhySgIoCannotBeUsedOrThatTheNodeIsMissing() {
    DeviceOpener opener = DeviceOpener.standard();
    if (SgIo.isAvailable()) {
      assertThatThrownBy(() -> opener.open("sg:/dev/sg-vaultline-missing"))
          .isInstanceOf(TransportException.class).hasMessageContaining("does not exist");
    } else {
      assertThatThrownBy(() -> opener.open("sg:/dev/sg3"))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("sg:/dev/sg3: SG_IO cannot be used in this process: ")
          .hasMessageContaining(SgIo.unavailabilityCause().orElseThrow().getMessage());
    }
  }

  @Test
  void emulatedUrlWithoutAPluggedInEmulatorIsRefusedWithReason() {
    assertThatThrownBy(() -> DeviceOpener.standard().open("emulated:ibm-ts3100"))
        .isInstanceOf(TransportException.class).hasMessageContaining("no emulator in this program");
  }

  @Test
  void emulatedUrlGoesToThePluggedInEmulator() throws Exception {
    List<DeviceUrl.Emulated> asked = new ArrayList<>();
    ScsiTransport fake = new Scripted("fake", Optional.empty());
    DeviceOpener opener = DeviceOpener.standard().withEmulator(u -> {
      asked.add(u);
      return fake;
    });
    assertThat(opener.open("emulated:hp-msl/1")).isSameAs(fake);
    assertThat(asked).containsExactly(new DeviceUrl.Emulated("hp-msl", 1));
  }

  @Test
  void iscsiOpenToAClosedPortSaysConnectionRefused() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    int closed = port;
    assertThatThrownBy(() -> DeviceOpener.standard().open("iscsi://127.0.0.1:" + closed + "/iqn.2024-01.x:y/0"))
        .isInstanceOf(TransportException.class).hasMessageContaining("connection refused");
  }

  @Test
  void usbWithOneMatchingDeviceAndNoSerialOpensIt() throws Exception {
    Scripted only = new Scripted("bus 1", Optional.of("S1"));
    ScsiTransport t = UsbChoice.choose(usb("usb:0b4d:1234"), List.of(new UsbChoice.Candidate("bus 1", () -> only)));
    assertThat(t).isSameAs(only);
    assertThat(only.commands).isZero();
  }

  @Test
  void usbSerialPicksTheUnitWhoseVpd80hMatchesAndClosesTheOthers() throws Exception {
    Scripted a = new Scripted("a", Optional.of("AAA111"));
    Scripted b = new Scripted("b", Optional.of("BBB222"));
    ScsiTransport t = UsbChoice.choose(usb("usb:0b4d:1234:BBB222"),
        List.of(new UsbChoice.Candidate("bus 1 address 2", () -> a), new UsbChoice.Candidate("bus 1 address 3", () -> b)));
    assertThat(t).isSameAs(b);
    assertThat(a.closed).isTrue();
    assertThat(b.closed).isFalse();
  }

  @Test
  void twoMatchingDevicesWithoutSerialAreRefusedListingTheirSerials() {
    Scripted a = new Scripted("a", Optional.of("AAA111"));
    Scripted b = new Scripted("b", Optional.empty());
    assertThatThrownBy(() -> UsbChoice.choose(usb("usb:0b4d:1234"),
        List.of(new UsbChoice.Candidate("bus 1 address 2", () -> a), new UsbChoice.Candidate("bus 1 address 3", () -> b))))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("2 devices match 0b4d:1234")
        .hasMessageContaining("bus 1 address 2 serial AAA111")
        .hasMessageContaining("bus 1 address 3 (no unit serial number)");
    assertThat(a.closed).isTrue();
    assertThat(b.closed).isTrue();
  }

  @Test
  void noUnitWithTheSerialIsRefusedSayingWhatWasFound() {
    Scripted a = new Scripted("a", Optional.of("AAA111"));
    assertThatThrownBy(() -> UsbChoice.choose(usb("usb:0b4d:1234:ZZZ/1"),
        List.of(new UsbChoice.Candidate("bus 2 address 7", () -> a),
            new UsbChoice.Candidate("bus 2 address 8", () -> {
              throw new TransportException("LIBUSB_ERROR_BUSY");
            }))))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("LUN 1 with serial number ZZZ")
        .hasMessageContaining("bus 2 address 7 serial AAA111")
        .hasMessageContaining("bus 2 address 8 (cannot open: LIBUSB_ERROR_BUSY)");
  }

  private static DeviceUrl.Usb usb(String text) {
    return (DeviceUrl.Usb) DeviceUrl.parse(text);
  }

  /** Answers INQUIRY VPD 80h with a serial, or ILLEGAL REQUEST when it has none. */
  private static final class Scripted implements ScsiTransport {
    final String name;
    final Optional<String> serial;
    int commands;
    boolean closed;

    Scripted(String name, Optional<String> serial) {
      this.name = name;
      this.serial = serial;
    }

    @Override
    public ScsiResult execute(ScsiRequest request) {
      commands++;
      if (serial.isEmpty()) {
        return ScsiResult.checkCondition(Sense.of(SenseKey.ILLEGAL_REQUEST, 0x24, 0).encodeFixed());
      }
      Bytes page = new UnitSerialNumber(0, 8, serial.get()).encode();
      return ScsiResult.good(page, request.dataInLength() - page.size());
    }

    @Override
    public String describe() {
      return name;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
