package org.vaultline.device.sgio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.scsi.sense.TransportException;

class SgIoTest {

  @Test
  void anotherOperatingSystemIsNamedAsTheCause(@TempDir Path root) {
    assertThat(SgIo.check("Mac OS X", root)).hasMessage("not Linux (Mac OS X)");
  }

  @Test
  void aKernelWithoutTheSgDriverIsNamedAsTheCause(@TempDir Path root) {
    assertThat(SgIo.check("Linux", root)).hasMessageStartingWith("no sg driver");
  }

  @Test
  void linuxWithJnaAndTheSgClassIsAvailable(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("sys/class/scsi_generic"));

    assertThat(SgIo.check("Linux", root)).isNull();
  }

  @Test
  void availabilityAndCauseAgreeAndOpeningSaysWhy() {
    assertThat(SgIo.isAvailable()).isEqualTo(SgIo.unavailabilityCause().isEmpty());
    if (!SgIo.isAvailable()) {
      assertThatThrownBy(() -> SgIoTransport.open(Path.of("/dev/sg0")))
          .isInstanceOf(TransportException.class)
          .hasMessageStartingWith("SG_IO unavailable: ");
    }
  }

  @Test
  void statusNamesReadLikeTheKernelHeaders() {
    assertThat(HostStatus.describe(0x03)).isEqualTo("DID_TIME_OUT (timed out)");
    assertThat(HostStatus.describe(0x01)).startsWith("DID_NO_CONNECT");
    assertThat(HostStatus.describe(0x99)).isEqualTo("host status 0x99");
    assertThat(new DriverStatus(0x08)).hasToString("DRIVER_SENSE");
    assertThat(new DriverStatus(0x28).isOk()).isTrue();
    assertThat(new DriverStatus(0x06).isOk()).isFalse();
    assertThat(new DriverStatus(0x5c)).hasToString("DRIVER_0x0c|SUGGEST_0x50");
    assertThat(Errno.name(13)).isEqualTo("EACCES");
    assertThat(Errno.name(16)).isEqualTo("EBUSY");
    assertThat(Errno.name(19)).isEqualTo("ENODEV");
    assertThat(Errno.name(200)).isEqualTo("errno 200");
  }
}
