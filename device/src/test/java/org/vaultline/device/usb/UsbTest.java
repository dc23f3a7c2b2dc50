package org.vaultline.device.usb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsbTest {

  @Test
  void usb4javasNativeLibraryLoadsAndEnumeratesOnLinuxX8664() throws Exception {
    assumeTrue(System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64"),
        "the natives checked here are usb4java's linux-x86-64 ones");

    assertThat(Usb.isAvailable()).as("%s", Usb.unavailabilityCause()).isTrue();
    List<BulkOnlyInterface> found = UsbDiscovery.scan(); // empty on a machine without USB devices
    assertThat(found).allSatisfy(i -> assertThat(i.describe()).startsWith("usb:"));
  }

  @Test
  void availabilityAndCauseAgree() {
    assertThat(Usb.isAvailable()).isEqualTo(Usb.unavailabilityCause().isEmpty());
  }

  @Test
  void onlyScsiTransparentBulkOnlyInterfacesWithBothBulkEndpointsAreChosen() {
    UsbEndpoint in = new UsbEndpoint(0x81, 0x02, 512);
    UsbEndpoint out = new UsbEndpoint(0x02, 0x02, 512);
    UsbEndpoint interrupt = new UsbEndpoint(0x83, 0x03, 8);

    Optional<BulkOnlyInterface> tape = BulkOnlyInterface.of(1, 4, 0x0b4d, 0x1234,
        new UsbInterfaceDescriptor(0, 0, 0x08, 0x06, 0x50, List.of(interrupt, out, in)));

    assertThat(tape).hasValueSatisfying(i -> {
      assertThat(i.bulkIn()).isEqualTo(in);
      assertThat(i.bulkOut()).isEqualTo(out);
      assertThat(i.describe()).isEqualTo("usb:0x0b4d:0x1234 bus 1 address 4 interface 0");
    });
    assertThat(BulkOnlyInterface.of(1, 4, 1, 2, new UsbInterfaceDescriptor(0, 0, 0x08, 0x06, 0x62,
        List.of(in, out)))).as("UAS, protocol 62h").isEmpty();
    assertThat(BulkOnlyInterface.of(1, 4, 1, 2, new UsbInterfaceDescriptor(0, 0, 0x08, 0x02, 0x50,
        List.of(in, out)))).as("ATAPI subclass").isEmpty();
    assertThat(BulkOnlyInterface.of(1, 4, 1, 2, new UsbInterfaceDescriptor(0, 0, 0x03, 0x06, 0x50,
        List.of(in, out)))).as("HID class").isEmpty();
    assertThat(BulkOnlyInterface.of(1, 4, 1, 2, new UsbInterfaceDescriptor(0, 0, 0x08, 0x06, 0x50,
        List.of(in, interrupt)))).as("no bulk-out").isEmpty();
  }
}
